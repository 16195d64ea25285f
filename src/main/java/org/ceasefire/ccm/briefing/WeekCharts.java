package org.ceasefire.ccm.briefing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.ceasefire.ccm.dashboard.ChartColours;
import org.ceasefire.ccm.dashboard.CorridorDashboard;
import org.ceasefire.ccm.dashboard.DashboardQuery;
import org.ceasefire.ccm.dashboard.DashboardService;

/**
 * The charts of a week's figures, taken from the dashboards' own figures and drawn as they draw them: the same series,
 * the same colours, verified reports only, as the world stood at the cut-off.
 */
final class WeekCharts {

    static final List<String> DIRECTIONS = List.of("TO_KARABAKH", "TO_ARMENIA", "BOTH", "NONE");
    /** ISO weeks the incident chart shows: the week and the seven before it, so that the week reads against a trend. */
    static final int INCIDENT_WEEKS = 8;
    /** Sources the returns chart draws side by side; more would make seven days of bars unreadable. */
    static final int RETURN_SOURCES = 5;

    private final DashboardService dashboards;

    WeekCharts(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    List<Briefing.Chart> compose(String agreement, IsoWeek week, Instant asOf, LocalDate agreementDay, BriefingText t) {
        var q = DashboardQuery.of(agreement).withPeriod(week.monday(), week.sunday()).withAsOf(asOf);
        var days = new ArrayList<LocalDate>();
        for (var d = week.monday(); !d.isAfter(week.sunday()); d = d.plusDays(1)) {
            days.add(d);
        }
        var labels = days.stream().map(t::weekDay).toList();
        return List.of(exchanges(q, t), returns(q, days, labels, t), corridor(q, days, labels, agreementDay, t),
                incidents(agreement, week, asOf, t));
    }

    /** As the exchanges dashboard's totals chart: a bar per category, a series per receiving side. */
    private Briefing.Chart exchanges(DashboardQuery q, BriefingText t) {
        var series = new ArrayList<Briefing.Series>();
        var totals = dashboards.exchanges(q).totals();
        for (int i = 0; i < totals.size(); i++) {
            var total = totals.get(i);
            series.add(new Briefing.Series(t.t("chart.received-by", total.receivedBy()), ChartColours.series(i),
                    List.of(total.prisonersOfWar(), total.civilians(), total.bodies())));
        }
        return new Briefing.Chart(t.t("chart.exchanges"), t.t("chart.exchanges-sub"), t.t("chart.category"), t.t("chart.persons"),
                List.of(t.t("claims.pow"), t.t("claims.civilians"), t.t("claims.bodies")), series, false, List.of());
    }

    /**
     * As the returns dashboard's event series: a day's returns less departures, per source. Sources are never added
     * together (two may report the same people); the chart keeps the {@value #RETURN_SOURCES} with the largest figures
     * of the week and names how many it leaves to the data annex.
     */
    private Briefing.Chart returns(DashboardQuery q, List<LocalDate> days, List<String> labels, BriefingText t) {
        var all = new ArrayList<Briefing.Series>();
        for (var s : dashboards.returns(q).series()) {
            if (!s.basis().equals("EVENT")) {
                continue;
            }
            var values = new ArrayList<Long>();
            for (var day : days) {
                values.add(s.points().stream().filter(p -> p.date().equals(day)).mapToLong(p -> p.persons()).sum());
            }
            all.add(new Briefing.Series(s.source(), "", values));
        }
        var kept = all.stream()
                .sorted(Comparator.comparingLong((Briefing.Series s) -> -s.values().stream().mapToLong(Math::abs).sum())
                        .thenComparing(Briefing.Series::name))
                .limit(RETURN_SOURCES).sorted(Comparator.comparing(Briefing.Series::name)).toList();
        var series = new ArrayList<Briefing.Series>();
        for (var s : kept) {
            series.add(new Briefing.Series(s.name(), ChartColours.series(series.size()), s.values()));
        }
        var left = all.size() - kept.size();
        return new Briefing.Chart(t.t("chart.returns"), t.t("chart.returns-sub") + (left > 0 ? " " + t.t("chart.returns-more",
                RETURN_SOURCES, left) : ""), t.t("chart.day"), t.t("chart.persons"), labels, series, false, List.of());
    }

    /**
     * As the corridor dashboard: vehicles per day stacked by direction, and each day's state behind its bar. A state
     * lasts until a later report says otherwise, so a day without reports carries the state before it.
     */
    private Briefing.Chart corridor(DashboardQuery q, List<LocalDate> days, List<String> labels, LocalDate agreementDay,
            BriefingText t) {
        var week = lachin(dashboards.corridors(q).corridors());
        String state = null;
        if (days.getFirst().isAfter(agreementDay)) {
            var before = lachin(dashboards.corridors(q.withPeriod(agreementDay, days.getFirst().minusDays(1))).corridors());
            state = before == null ? null : before.currentState();
        }
        var bands = new ArrayList<Briefing.Band>();
        var vehicles = new ArrayList<List<Long>>();
        DIRECTIONS.forEach(d -> vehicles.add(new ArrayList<>()));
        for (int i = 0; i < days.size(); i++) {
            var day = days.get(i);
            var reported = week == null ? null : week.days().stream().filter(d -> d.date().equals(day)).findFirst().orElse(null);
            if (reported != null) {
                state = reported.state();
            }
            if (state != null) {
                bands.add(new Briefing.Band(i, t.t("chart.day-state", t.state(state)), ChartColours.state(state)));
            }
            for (int k = 0; k < DIRECTIONS.size(); k++) {
                var direction = DIRECTIONS.get(k);
                vehicles.get(k).add(reported == null ? 0 : reported.directions().stream()
                        .filter(x -> x.direction().equals(direction)).mapToLong(CorridorDashboard.Direction::vehicles).sum());
            }
        }
        var series = new ArrayList<Briefing.Series>();
        for (int k = 0; k < DIRECTIONS.size(); k++) {
            var direction = DIRECTIONS.get(k);
            if (!direction.equals("NONE") || vehicles.get(k).stream().anyMatch(v -> v > 0)) {
                series.add(new Briefing.Series(t.t("direction." + direction), ChartColours.DIRECTIONS.get(direction), vehicles.get(k)));
            }
        }
        return new Briefing.Chart(t.t("chart.corridor"), t.t("chart.corridor-sub"), t.t("chart.day"), t.t("chart.vehicles"), labels,
                series, true, bands);
    }

    private static CorridorDashboard.Corridor lachin(List<CorridorDashboard.Corridor> corridors) {
        return corridors.stream().filter(c -> c.corridor().equals("LACHIN")).findFirst().orElse(null);
    }

    /** As the ceasefire dashboard's chart: incidents per ISO week, stacked by alleged violator. */
    private Briefing.Chart incidents(String agreement, IsoWeek week, Instant asOf, BriefingText t) {
        var first = week;
        for (int i = 1; i < INCIDENT_WEEKS; i++) {
            first = first.previous();
        }
        var weeks = new ArrayList<String>();
        for (var w = first; !w.monday().isAfter(week.monday()); w = w.next()) {
            weeks.add(w.label());
        }
        var c = dashboards.ceasefire(DashboardQuery.of(agreement).withPeriod(first.monday(), week.sunday()).withAsOf(asOf));
        var parties = new TreeSet<String>();
        c.byWeekAndParty().forEach(w -> parties.add(w.allegedAgainst()));
        var series = new ArrayList<Briefing.Series>();
        for (var party : parties) {
            var values = new ArrayList<Long>();
            for (var w : weeks) {
                values.add(c.byWeekAndParty().stream().filter(x -> x.allegedAgainst().equals(party) && x.week().equals(w))
                        .mapToLong(x -> x.count()).sum());
            }
            series.add(new Briefing.Series(party.equals("-") ? t.t("chart.violator-unnamed") : t.t("chart.alleged-against", party),
                    ChartColours.series(series.size()), values));
        }
        return new Briefing.Chart(t.t("chart.incidents"), t.t("chart.incidents-sub", week.label(), INCIDENT_WEEKS - 1),
                t.t("chart.iso-week"), t.t("chart.incidents-axis"), weeks, series, true, List.of());
    }
}
