package org.ceasefire.ccm.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a dashboard shows: an agreement, a span of local days (inclusive; null: the agreement's whole life), the
 * instant whose state it replays (null: now, with everything recorded), whether submitted reports count too, and
 * the page of its list of reports (exchanges, incidents).
 */
public record DashboardQuery(String agreement, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable Instant asOf,
        boolean includeUnverified, int page, int size) {

    public static final String DEFAULT_AGREEMENT = "nk-2020-11-10";
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public static DashboardQuery of(String agreement) {
        return new DashboardQuery(agreement, null, null, null, false, 0, DEFAULT_SIZE);
    }

    public DashboardQuery withPeriod(@Nullable LocalDate from, @Nullable LocalDate to) {
        return new DashboardQuery(agreement, from, to, asOf, includeUnverified, page, size);
    }

    public DashboardQuery withAsOf(@Nullable Instant asOf) {
        return new DashboardQuery(agreement, from, to, asOf, includeUnverified, page, size);
    }

    public DashboardQuery withUnverified(boolean include) {
        return new DashboardQuery(agreement, from, to, asOf, include, page, size);
    }

    public DashboardQuery withPage(int page, int size) {
        return new DashboardQuery(agreement, from, to, asOf, includeUnverified, page, size);
    }
}
