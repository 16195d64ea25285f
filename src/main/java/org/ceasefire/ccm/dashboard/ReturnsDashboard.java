package org.ceasefire.ccm.dashboard;

import java.time.LocalDate;
import java.util.List;

/**
 * Returns and departures over time, one series per source and basis, never added across sources. A point is a
 * local day: the day's EVENT figures summed, or for CUMULATIVE and LEVEL the day's latest claim; departures count
 * negative. {@code eventTotal} adds EVENT figures only.
 */
public record ReturnsDashboard(Period period, List<Series> series, long eventTotal, long eventReturns,
        long eventDepartures) {

    public record Series(String source, String basis, List<Point> points) {}

    public record Point(LocalDate date, long persons, long reports, long unverifiedReports) {}
}
