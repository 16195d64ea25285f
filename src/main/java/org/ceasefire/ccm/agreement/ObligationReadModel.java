package org.ceasefire.ccm.agreement;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import org.ceasefire.ccm.agreement.domain.DeadlineAmendment;
import org.ceasefire.ccm.agreement.domain.StatusDecision;
import org.ceasefire.ccm.agreement.domain.Obligation;
import org.ceasefire.ccm.agreement.domain.Obligation.PartyRole;
import org.ceasefire.ccm.agreement.domain.TermSchedule;
import org.ceasefire.ccm.agreement.domain.TimelinessPolicy;
import org.ceasefire.ccm.base.CcmProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns obligations into the read models every caller sees, deriving timeliness and the term's position from the
 * clock. Not secured itself: callers are secured services and system jobs such as the metrics.
 */
@Component
class ObligationReadModel {

    private final CcmProperties properties;
    private final TimelinessPolicy timeliness;

    ObligationReadModel(CcmProperties properties) {
        this.properties = properties;
        this.timeliness = new TimelinessPolicy(properties.dueSoon());
    }

    ObligationSummary summary(Obligation o, Instant now) {
        return summary(o, new State(o.currentStatus(), o.currentLevel(), o.currentEffectiveAt(), o.currentDueAt()), now);
    }

    /**
     * The obligation as it stood at {@code asOf} in the world: only decisions effective and amendments decided by
     * then count, and timeliness is judged at that instant.
     */
    ObligationSummary summaryAsOf(Obligation o, Instant asOf) {
        var decision = o.decisions().stream().filter(d -> !d.effectiveAt().isAfter(asOf))
                .max(Comparator.comparing(StatusDecision::effectiveAt).thenComparing(StatusDecision::position));
        var amendment = o.amendments().stream().filter(a -> !a.decidedAt().isAfter(asOf))
                .max(Comparator.comparing(DeadlineAmendment::decidedAt).thenComparing(DeadlineAmendment::position));
        var state = new State(decision.map(StatusDecision::status).orElse(ObligationStatus.NOT_STARTED),
                decision.map(StatusDecision::implementationLevel).orElse(0),
                decision.map(StatusDecision::effectiveAt).orElse(null),
                amendment.map(DeadlineAmendment::newDueAt).orElse(o.originalDueAt()));
        return summary(o, state, asOf);
    }

    /** Timeliness had the obligation been completed at {@code completedAt} (null: not completed), judged at {@code at}. */
    Timeliness assess(ObligationSummary o, @Nullable Instant completedAt, Instant at) {
        var termEnd = o.term() == null ? null : o.term().currentPeriodEndsAt();
        var status = completedAt != null ? ObligationStatus.FULFILLED : o.status();
        return timeliness.assess(o.kind(), status, o.originalDueAt(), o.dueAt(), completedAt, termEnd, at);
    }

    private ObligationSummary summary(Obligation o, State state, Instant now) {
        var term = termView(o, state, now);
        var termEnd = term == null ? null : term.currentPeriodEndsAt();
        var completedAt = state.completedAt();
        var t = timeliness.assess(o.kind(), state.status(), o.originalDueAt(), state.dueAt(), completedAt, termEnd, now);
        return new ObligationSummary(o.agreement().code(), o.code(), o.point(), o.title(), o.kind(),
                o.partiesIn(PartyRole.RESPONSIBLE), state.dueAt(), o.dueText(), o.originalDueAt(), o.whenText(),
                state.status(), state.level(), t, state.effectiveAt(), completedAt, term, o.district(), o.version());
    }

    private @Nullable TermView termView(Obligation o, State state, Instant now) {
        if (o.kind() != ObligationKind.TERM || o.termStartsAt() == null || o.termYears() == null) {
            return null;
        }
        var schedule = new TermSchedule(o.termStartsAt(), o.termYears(), Objects.requireNonNullElse(o.termRenewalYears(), 0),
                Objects.requireNonNullElse(o.termNoticeMonths(), 0));
        var noticeBy = o.partiesIn(PartyRole.MAY_GIVE_NOTICE);
        if (state.status().endsObligation()) {
            return new TermView(o.termStartsAt(), o.termYears(), schedule.renewalYears(), schedule.noticeMonths(), noticeBy,
                    null, null, schedule.at(Objects.requireNonNullElse(state.effectiveAt(), now)).renewals(), false);
        }
        var position = schedule.at(now);
        var notice = position.noticeDeadline();
        var near = notice != null && !now.isAfter(notice) && now.isAfter(notice.minus(properties.noticeWarning()));
        return new TermView(o.termStartsAt(), o.termYears(), schedule.renewalYears(), schedule.noticeMonths(), noticeBy,
                position.periodEndsAt(), notice, position.renewals(), near);
    }

    /** An obligation's judged state: its status and level since when, and the deadline in force. */
    private record State(ObligationStatus status, int level, @Nullable Instant effectiveAt, @Nullable Instant dueAt) {
        @Nullable Instant completedAt() {
            return status == ObligationStatus.FULFILLED ? effectiveAt : null;
        }
    }

    ObligationDetails details(Obligation o, Instant now) {
        var point = o.agreement().points().stream().filter(p -> p.number() == o.point()).findFirst();
        return new ObligationDetails(summary(o, now), o.description(), point.map(p -> p.title()).orElse(""),
                o.partiesIn(PartyRole.SUPERVISES),
                o.quantities().stream().map(q -> new ObligationDetails.Quantity(q.key(), q.label(), q.limit(), q.unit())).toList(),
                o.measures(), o.condition(), o.inCatalogue(),
                o.decisions().stream().map(ObligationService::toEntry).toList(),
                o.amendments().stream().map(ObligationService::toEntry).toList());
    }

}
