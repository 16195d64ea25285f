package org.ceasefire.ccm.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The ledger of exchanges (newest first, one page of it), totals per receiving side, and the running totals per day.
 * Totals add only figures of single exchanges (basis EVENT); a report of a running total is listed, not added.
 */
public record ExchangesDashboard(Period period, List<Exchange> exchanges, long exchangeCount, int page, int size,
        List<Total> totals, List<Cumulative> cumulative) {

    public record Exchange(LocalDate date, Instant observedAt, String releasedBy, String receivedBy,
            @Nullable Long prisonersOfWar, @Nullable Long civilians, @Nullable Long bodies, @Nullable String mediator,
            String basis, UUID reportId, String source, String grade, boolean verified) {}

    public record Total(String receivedBy, long prisonersOfWar, long civilians, long bodies, long exchanges,
            long unverifiedReports) {}

    public record Cumulative(LocalDate date, String receivedBy, long prisonersOfWar, long civilians, long bodies) {}
}
