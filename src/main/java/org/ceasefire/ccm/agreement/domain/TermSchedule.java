package org.ceasefire.ccm.agreement.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A term that renews automatically unless notice is given a set number of months before it expires (point 4 of the
 * statement: five years, renewed for five-year periods, notice six months before expiry).
 */
public record TermSchedule(Instant startsAt, int years, int renewalYears, int noticeMonths) {

    public TermSchedule {
        if (years <= 0 || renewalYears < 0 || noticeMonths < 0) {
            throw new IllegalArgumentException("A term needs a positive length and non-negative renewal and notice");
        }
    }

    /** Where the term stands at {@code now}: the end of the period that is running, and how often it renewed. */
    public Position at(Instant now) {
        var end = plusYears(startsAt, years);
        var renewals = 0;
        while (renewalYears > 0 && !now.isBefore(end)) {
            end = plusYears(end, renewalYears);
            renewals++;
        }
        return new Position(end, noticeDeadline(end), renewals);
    }

    /** The last moment to give notice so that the period ending at {@code periodEnd} does not renew. */
    public Instant noticeDeadline(Instant periodEnd) {
        return ZonedDateTime.ofInstant(periodEnd, ZoneOffset.UTC).minusMonths(noticeMonths).toInstant();
    }

    private static Instant plusYears(Instant instant, int years) {
        return ZonedDateTime.ofInstant(instant, ZoneOffset.UTC).plusYears(years).toInstant();
    }

    /**
     * @param periodEndsAt the end of the running period (after the last period, when renewal is 0, it is the end)
     * @param noticeDeadline last moment to give notice against renewal at {@code periodEndsAt}
     */
    public record Position(Instant periodEndsAt, @Nullable Instant noticeDeadline, int renewals) {}
}
