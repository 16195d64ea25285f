package org.ceasefire.ccm.agreement;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a term obligation stands: the current period, the last day to give notice before it renews, and whether
 * that notice deadline is near.
 *
 * @param currentPeriodEndsAt null once the term was ended by a decision
 * @param renewals how many automatic renewals have happened by now
 */
public record TermView(
        Instant startsAt,
        int years,
        int renewalYears,
        int noticeMonths,
        List<String> noticeBy,
        @Nullable Instant currentPeriodEndsAt,
        @Nullable Instant noticeDeadline,
        int renewals,
        boolean noticeWindowNear) {}
