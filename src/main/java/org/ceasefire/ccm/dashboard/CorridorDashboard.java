package org.ceasefire.ccm.dashboard;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Each corridor's days with reports (state of the day's latest report, EVENT sums per direction), its state at the
 * end of the period, the current closure and the longest one. A state lasts until a later report says otherwise.
 */
public record CorridorDashboard(Period period, List<Corridor> corridors) {

    public record Corridor(String corridor, List<Day> days, @Nullable String currentState, @Nullable LocalDate closedSince,
            @Nullable Closure longestClosure, List<Closure> closures, long daysOpen, long daysRestricted,
            long daysClosed) {}

    public record Day(LocalDate date, String state, long vehicles, long persons, double cargoTonnes,
            List<Direction> directions, long reports, long unverifiedReports) {}

    public record Direction(String direction, long vehicles, long persons, double cargoTonnes) {}

    /** Closed from {@code from} to {@code to}, both days counted; {@code ongoing} if not yet reopened. */
    public record Closure(LocalDate from, LocalDate to, long days, boolean ongoing) {}
}
