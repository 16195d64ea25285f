package org.ceasefire.ccm.agreement.domain;

import java.time.Duration;
import java.time.Instant;
import org.ceasefire.ccm.agreement.ObligationKind;
import org.ceasefire.ccm.agreement.ObligationStatus;
import org.ceasefire.ccm.agreement.Timeliness;
import org.ceasefire.ccm.base.Instants;
import org.jspecify.annotations.Nullable;

/**
 * Derives timeliness from the clock, the deadlines and the status; nothing here is stored. A deadline is inclusive
 * to the second: met at 23:59:59 on the due day is on time.
 */
public final class TimelinessPolicy {

    private final Duration dueSoon;

    public TimelinessPolicy(Duration dueSoon) {
        this.dueSoon = dueSoon;
    }

    public Timeliness assess(ObligationKind kind, ObligationStatus status, @Nullable Instant originalDueAt,
            @Nullable Instant dueAt, @Nullable Instant completedAt, @Nullable Instant termEndsAt, Instant now) {
        if (status.endsObligation()) {
            return Timeliness.NOT_APPLICABLE;
        }
        return switch (kind) {
            case STANDING, CONDITIONAL -> Timeliness.NOT_APPLICABLE;
            case TERM -> termEndsAt == null || now.isBefore(termEndsAt) ? Timeliness.NOT_DUE : Timeliness.NOT_APPLICABLE;
            case DEADLINE -> deadline(originalDueAt, dueAt, completedAt, now);
        };
    }

    private Timeliness deadline(@Nullable Instant originalDueAt, @Nullable Instant dueAt, @Nullable Instant completedAt,
            Instant now) {
        if (originalDueAt == null || dueAt == null) {
            return Timeliness.NOT_APPLICABLE;
        }
        if (completedAt != null) {
            var done = Instants.toSecond(completedAt);
            if (!done.isAfter(originalDueAt)) {
                return Timeliness.MET_ON_TIME;
            }
            return !done.isAfter(dueAt) ? Timeliness.MET_UNDER_EXTENSION : Timeliness.MET_LATE;
        }
        var second = Instants.toSecond(now);
        if (second.isAfter(dueAt)) {
            return Timeliness.OVERDUE;
        }
        return second.isAfter(dueAt.minus(dueSoon)) ? Timeliness.DUE_SOON : Timeliness.NOT_DUE;
    }
}
