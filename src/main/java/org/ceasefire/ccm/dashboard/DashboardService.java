package org.ceasefire.ccm.dashboard;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.ceasefire.ccm.agreement.AgreementService;
import org.ceasefire.ccm.agreement.ObligationKind;
import org.ceasefire.ccm.agreement.ObligationService;
import org.ceasefire.ccm.agreement.ObligationStatus;
import org.ceasefire.ccm.agreement.ObligationSummary;
import org.ceasefire.ccm.agreement.Timeliness;
import org.ceasefire.ccm.base.CcmProperties;
import org.ceasefire.ccm.base.InvalidInputException;
import org.ceasefire.ccm.base.NotFoundException;
import org.ceasefire.ccm.dashboard.rollup.Figures;
import org.ceasefire.ccm.dashboard.rollup.Layer;
import org.ceasefire.ccm.dashboard.rollup.Mark;
import org.ceasefire.ccm.dashboard.rollup.RollupTable;
import org.ceasefire.ccm.dashboard.rollup.Rollups;
import org.ceasefire.ccm.dashboard.rollup.Row;
import org.ceasefire.ccm.reporting.ReportArea;
import org.ceasefire.ccm.reporting.ReportFact;
import org.ceasefire.ccm.reporting.ReportFacts;
import org.ceasefire.ccm.reporting.ReportStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The dashboards' figures, for the views and the API alike, so that the two never disagree. Figures come from the
 * rollups (kept current on write), never from scans of the reports; only lists (a page of exchanges or incidents,
 * a drill-down) read reports, newest first and no further than they need. Every role may read them.
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class DashboardService {

    /** The dashboards by the names the API uses. */
    public static final List<String> NAMES = List.of("overview", "withdrawals", "prisoner-exchanges", "refugee-returns",
            "corridor-traffic", "ceasefire");

    private static final List<String> CORRIDORS = List.of("LACHIN", "NAKHCHIVAN");
    private static final int LATEST_REPORTS = 10;
    /** How many reports one drill-down reads at most to find those that match: a few hundred milliseconds' work. */
    static final int MAX_DRILL_READ = 20_000;

    private final Rollups rollups;
    private final ReportFacts facts;
    private final AgreementService agreements;
    private final ObligationService obligations;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<String, Timer> timers = new HashMap<>();

    DashboardService(Rollups rollups, ReportFacts facts, AgreementService agreements, ObligationService obligations,
            Clock clock, CcmProperties properties, MeterRegistry meters) {
        this.rollups = rollups;
        this.facts = facts;
        this.agreements = agreements;
        this.obligations = obligations;
        this.clock = clock;
        this.zone = properties.zone();
        for (var name : NAMES) {
            timers.put(name, Timer.builder("ccm.dashboard").description("Time to compute a dashboard's figures")
                    .tag("dashboard", name).publishPercentileHistogram()
                    .maximumExpectedValue(Duration.ofSeconds(5)).register(meters));
        }
    }

    /** The dashboard of that name as the API answers it; an unknown name is a 404. */
    public Object byName(String name, DashboardQuery q) {
        return switch (name) {
            case "overview" -> overview(q);
            case "withdrawals" -> withdrawals(q);
            case "prisoner-exchanges" -> exchanges(q);
            case "refugee-returns" -> returns(q);
            case "corridor-traffic" -> corridors(q);
            case "ceasefire" -> ceasefire(q);
            default -> throw new NotFoundException("There is no dashboard '" + name + "'. The dashboards are " + NAMES + ".");
        };
    }

    public OverviewDashboard overview(DashboardQuery q) {
        return timed("overview", () -> {
            var w = window(q);
            var list = obligations.listAsOf(q.agreement(), q.asOf());
            var byStatus = new LinkedHashMap<String, Long>();
            for (var s : ObligationStatus.values()) {
                byStatus.put(s.name(), 0L);
            }
            var byTimeliness = new LinkedHashMap<String, Long>();
            for (var t : Timeliness.values()) {
                byTimeliness.put(t.name(), 0L);
            }
            var rows = new ArrayList<OverviewDashboard.ObligationRow>();
            var upcoming = new ArrayList<OverviewDashboard.Upcoming>();
            var reference = w.reference();
            for (var o : list) {
                byStatus.merge(o.status().name(), 1L, Long::sum);
                byTimeliness.merge(o.timeliness().name(), 1L, Long::sum);
                var term = o.term();
                rows.add(new OverviewDashboard.ObligationRow(o.code(), o.point(), o.title(), o.kind().name(), o.responsible(),
                        o.status().name(), o.implementationLevel(), o.timeliness().name(), o.dueAt(), o.originalDueAt(),
                        o.dueText(), o.completedAt(), term == null ? null : term.noticeDeadline(),
                        term == null ? null : term.currentPeriodEndsAt()));
                if (o.kind() == ObligationKind.DEADLINE && o.completedAt() == null && o.dueAt() != null
                        && o.dueAt().isAfter(reference) && !o.status().endsObligation()) {
                    upcoming.add(new OverviewDashboard.Upcoming(o.code(), o.title(), "DEADLINE", o.dueAt()));
                }
                if (term != null && term.noticeDeadline() != null && term.noticeDeadline().isAfter(reference)) {
                    upcoming.add(new OverviewDashboard.Upcoming(o.code(), o.title(), "NOTICE_DEADLINE", term.noticeDeadline()));
                }
                if (term != null && term.currentPeriodEndsAt() != null && term.currentPeriodEndsAt().isAfter(reference)) {
                    upcoming.add(new OverviewDashboard.Upcoming(o.code(), o.title(), "TERM_END", term.currentPeriodEndsAt()));
                }
            }
            upcoming.sort(Comparator.comparing(OverviewDashboard.Upcoming::at));
            var latest = facts.newest(q.agreement(), null, w.start(), w.endExclusive(), w.statuses(), f -> true, 0,
                    LATEST_REPORTS).stream().map(DashboardService::ref).toList();
            return new OverviewDashboard(w.period(), rows, byStatus, byTimeliness, upcoming, latest);
        });
    }

    public WithdrawalsDashboard withdrawals(DashboardQuery q) {
        return timed("withdrawals", () -> {
            var w = window(q);
            var list = obligations.listAsOf(q.agreement(), q.asOf());
            // a handover is done once, whenever: read every day up to the end, whatever the period shown
            var rows = rollups.rows(RollupTable.WITHDRAWAL, q.agreement(), w.life(), w.lastDay(), w.layers(), q.asOf());
            var districts = new ArrayList<WithdrawalsDashboard.District>();
            for (var o : list) {
                var district = o.district();
                if (district == null) {
                    continue;
                }
                var keys = Set.of(Figures.obligationHandover(o.code()), Figures.districtHandover(district));
                Mark first = null;
                var firstLayer = Layer.VERIFIED;
                for (var row : rows) {
                    if (keys.contains(row.key().key(0)) && row.mark() != null) {
                        var best = Mark.best(Mark.Kind.EARLIEST, first, row.mark());
                        if (best != first) {
                            first = best;
                            firstLayer = row.key().layer();
                        }
                    }
                }
                var byDecision = o.completedAt();
                var completedAt = byDecision != null ? byDecision : first == null ? null : first.at();
                var completedBy = byDecision != null ? "DECISION" : first != null ? "REPORT" : null;
                var timeliness = completedAt == null ? o.timeliness() : obligations.assess(o, completedAt, w.reference());
                districts.add(new WithdrawalsDashboard.District(district, o.code(), o.title(), o.originalDueAt(), o.dueAt(),
                        completedAt, completedBy, byDecision == null && first != null ? UUID.fromString(first.id()) : null,
                        timeliness.name(), o.status().name(), byDecision == null && first != null && firstLayer == Layer.UNVERIFIED));
            }
            return new WithdrawalsDashboard(w.period(), districts);
        });
    }

    public ExchangesDashboard exchanges(DashboardQuery q) {
        return timed("prisoner-exchanges", () -> {
            var w = window(q);
            var rows = rollups.rows(RollupTable.EXCHANGE, q.agreement(), w.from(), w.lastDay(), w.layers(), q.asOf());
            var totals = new TreeMap<String, long[]>();
            var perDay = new TreeMap<LocalDate, Map<String, long[]>>();
            long count = 0;
            for (var row : rows) {
                count += row.reports();
                if (!Figures.EVENT.equals(row.key().key(2))) {
                    continue;
                }
                var receivedBy = row.key().key(1);
                var t = totals.computeIfAbsent(receivedBy, k -> new long[5]);
                t[0] += row.sum(0);
                t[1] += row.sum(1);
                t[2] += row.sum(2);
                t[3] += row.reports();
                if (row.key().layer() == Layer.UNVERIFIED) {
                    t[4] += row.reports();
                }
                var d = perDay.computeIfAbsent(row.key().day(), k -> new TreeMap<>()).computeIfAbsent(receivedBy, k -> new long[3]);
                d[0] += row.sum(0);
                d[1] += row.sum(1);
                d[2] += row.sum(2);
            }
            var cumulative = new ArrayList<ExchangesDashboard.Cumulative>();
            var running = new TreeMap<String, long[]>();
            perDay.forEach((day, sides) -> sides.forEach((side, v) -> {
                var r = running.computeIfAbsent(side, k -> new long[3]);
                r[0] += v[0];
                r[1] += v[1];
                r[2] += v[2];
                cumulative.add(new ExchangesDashboard.Cumulative(day, side, r[0], r[1], r[2]));
            }));
            var page = page(q);
            var ledger = facts.newest(q.agreement(), ReportArea.PRISONER_EXCHANGE, w.periodStart(), w.periodEndExclusive(),
                    w.statuses(), f -> true, page * q.size(), q.size()).stream().map(this::exchange).toList();
            return new ExchangesDashboard(w.period(), ledger, count, page, q.size(),
                    totals.entrySet().stream().map(e -> new ExchangesDashboard.Total(e.getKey(), e.getValue()[0],
                            e.getValue()[1], e.getValue()[2], e.getValue()[3], e.getValue()[4])).toList(), cumulative);
        });
    }

    public ReturnsDashboard returns(DashboardQuery q) {
        return timed("refugee-returns", () -> {
            var w = window(q);
            var rows = rollups.rows(RollupTable.RETURN, q.agreement(), w.from(), w.lastDay(), w.layers(), q.asOf());
            // per series, per day: EVENT sums, or per direction the latest claim across layers
            var series = new TreeMap<List<String>, TreeMap<LocalDate, DayClaims>>(Comparator
                    .comparing((List<String> k) -> k.get(0).toLowerCase(Locale.ROOT)).thenComparing(k -> k.get(0))
                    .thenComparing(k -> k.get(1)));
            long returns = 0;
            long departures = 0;
            for (var row : rows) {
                var source = row.key().key(0);
                var basis = row.key().key(1);
                var direction = row.key().key(2);
                var day = series.computeIfAbsent(List.of(source, basis), k -> new TreeMap<>())
                        .computeIfAbsent(row.key().day(), k -> new DayClaims());
                day.reports += row.reports();
                if (row.key().layer() == Layer.UNVERIFIED) {
                    day.unverified += row.reports();
                }
                var sign = "DEPARTURE".equals(direction) ? -1 : 1;
                if (Figures.EVENT.equals(basis)) {
                    day.event += sign * row.sum(0);
                    if (sign > 0) {
                        returns += row.sum(0);
                    } else {
                        departures += row.sum(0);
                    }
                } else {
                    day.latest.merge(direction, Objects.requireNonNull(row.mark()),
                            (a, b) -> Objects.requireNonNull(Mark.best(Mark.Kind.LATEST, a, b)));
                }
            }
            var result = new ArrayList<ReturnsDashboard.Series>();
            series.forEach((key, days) -> {
                var points = new ArrayList<ReturnsDashboard.Point>();
                var event = Figures.EVENT.equals(key.get(1));
                days.forEach((day, claims) -> {
                    long persons = claims.event;
                    if (!event) {
                        for (var e : claims.latest.entrySet()) {
                            var n = Objects.requireNonNullElse(e.getValue().number(), 0L);
                            persons += "DEPARTURE".equals(e.getKey()) ? -n : n;
                        }
                    }
                    points.add(new ReturnsDashboard.Point(day, persons, claims.reports, claims.unverified));
                });
                result.add(new ReturnsDashboard.Series(key.get(0), key.get(1), points));
            });
            return new ReturnsDashboard(w.period(), result, returns - departures, returns, departures);
        });
    }

    public CorridorDashboard corridors(DashboardQuery q) {
        return timed("corridor-traffic", () -> {
            var w = window(q);
            // a state lasts until a report says otherwise: read from the start, show the period
            var rows = rollups.rows(RollupTable.CORRIDOR, q.agreement(), w.life(), w.lastDay(), w.layers(), q.asOf());
            var byCorridor = new TreeMap<String, TreeMap<LocalDate, List<Row>>>();
            CORRIDORS.forEach(c -> byCorridor.put(c, new TreeMap<>()));
            for (var row : rows) {
                byCorridor.computeIfAbsent(row.key().key(0), k -> new TreeMap<>())
                        .computeIfAbsent(row.key().day(), k -> new ArrayList<>()).add(row);
            }
            var result = new ArrayList<CorridorDashboard.Corridor>();
            byCorridor.forEach((corridor, days) -> result.add(corridor(corridor, days, w)));
            return new CorridorDashboard(w.period(), result);
        });
    }

    private CorridorDashboard.Corridor corridor(String corridor, TreeMap<LocalDate, List<Row>> days, Window w) {
        var shown = new ArrayList<CorridorDashboard.Day>();
        var states = new TreeMap<LocalDate, String>();
        for (var e : days.entrySet()) {
            Mark latest = null;
            long reports = 0;
            long unverified = 0;
            var directions = new TreeMap<String, long[]>();
            for (var row : e.getValue()) {
                latest = Mark.best(Mark.Kind.LATEST, latest, row.mark());
                reports += row.reports();
                if (row.key().layer() == Layer.UNVERIFIED) {
                    unverified += row.reports();
                }
                var d = directions.computeIfAbsent(row.key().key(1), k -> new long[3]);
                d[0] += row.sum(0);
                d[1] += row.sum(1);
                d[2] += row.sum(2);
            }
            var state = latest == null || latest.text() == null ? "OPEN" : latest.text();
            states.put(e.getKey(), state);
            if (!e.getKey().isBefore(w.from()) && !e.getKey().isAfter(w.to())) {
                long vehicles = 0;
                long persons = 0;
                long kg = 0;
                var list = new ArrayList<CorridorDashboard.Direction>();
                for (var d : directions.entrySet()) {
                    vehicles += d.getValue()[0];
                    persons += d.getValue()[1];
                    kg += d.getValue()[2];
                    list.add(new CorridorDashboard.Direction(d.getKey(), d.getValue()[0], d.getValue()[1], d.getValue()[2] / 1000.0));
                }
                shown.add(new CorridorDashboard.Day(e.getKey(), state, vehicles, persons, kg / 1000.0, list, reports, unverified));
            }
        }
        // closures: from the first CLOSED day to the day before the next OPEN or RESTRICTED one
        var end = w.lastDay();
        var closures = new ArrayList<CorridorDashboard.Closure>();
        LocalDate closedFrom = null;
        for (var e : states.entrySet()) {
            if ("CLOSED".equals(e.getValue())) {
                if (closedFrom == null) {
                    closedFrom = e.getKey();
                }
            } else if (closedFrom != null) {
                closures.add(closure(closedFrom, e.getKey().minusDays(1), false));
                closedFrom = null;
            }
        }
        if (closedFrom != null) {
            closures.add(closure(closedFrom, end.isBefore(closedFrom) ? closedFrom : end, true));
        }
        var current = states.isEmpty() ? null : states.lastEntry().getValue();
        var longest = closures.stream().filter(c -> !c.to().isBefore(w.from()) && !c.from().isAfter(w.to()))
                .max(Comparator.comparingLong(CorridorDashboard.Closure::days).thenComparing(CorridorDashboard.Closure::from,
                        Comparator.reverseOrder()))
                .orElse(null);
        // days of the period in each state, each day taking the state in force that day
        long open = 0;
        long restricted = 0;
        long closed = 0;
        if (!states.isEmpty()) {
            for (var day = w.from(); !day.isAfter(end); day = day.plusDays(1)) {
                var inForce = states.floorEntry(day);
                if (inForce == null) {
                    continue;
                }
                switch (inForce.getValue()) {
                    case "CLOSED" -> closed++;
                    case "RESTRICTED" -> restricted++;
                    default -> open++;
                }
            }
        }
        return new CorridorDashboard.Corridor(corridor, shown, current, "CLOSED".equals(current) ? closures.getLast().from() : null,
                longest, closures, open, restricted, closed);
    }

    private static CorridorDashboard.Closure closure(LocalDate from, LocalDate to, boolean ongoing) {
        return new CorridorDashboard.Closure(from, to, ChronoUnit.DAYS.between(from, to) + 1, ongoing);
    }

    public CeasefireDashboard ceasefire(DashboardQuery q) {
        return timed("ceasefire", () -> {
            var w = window(q);
            var rows = rollups.rows(RollupTable.INCIDENT, q.agreement(), w.from(), w.lastDay(), w.layers(), q.asOf());
            var weeks = new TreeMap<String, long[]>();
            var byParty = new TreeMap<String, Long>();
            var weekParty = new TreeMap<String, TreeMap<String, Long>>();
            var t = new long[7];
            for (var row : rows) {
                var week = isoWeek(row.key().day());
                var party = party(row.key().key(0));
                var wk = weeks.computeIfAbsent(week, k -> new long[3]);
                wk[0] += row.reports();
                wk[1] += row.sum(0);
                wk[2] += row.sum(1);
                byParty.merge(party, row.reports(), Long::sum);
                weekParty.computeIfAbsent(week, k -> new TreeMap<>()).merge(party, row.reports(), Long::sum);
                t[0] += row.reports();
                for (int i = 0; i < 5; i++) {
                    t[i + 1] += row.sum(i);
                }
                if (row.key().layer() == Layer.UNVERIFIED) {
                    t[6] += row.reports();
                }
            }
            var page = page(q);
            var incidents = facts.newest(q.agreement(), ReportArea.CEASEFIRE, w.periodStart(), w.periodEndExclusive(),
                    w.statuses(), f -> true, page * q.size(), q.size()).stream().map(DashboardService::incident).toList();
            var byWeek = weeks.entrySet().stream().map(e -> new CeasefireDashboard.Week(e.getKey(), e.getValue()[0],
                    e.getValue()[1], e.getValue()[2])).toList();
            var stacked = new ArrayList<CeasefireDashboard.WeekParty>();
            weekParty.forEach((week, parties) -> parties.forEach((p, n) -> stacked.add(new CeasefireDashboard.WeekParty(week, p, n))));
            return new CeasefireDashboard(w.period(), incidents, t[0], page, q.size(), byWeek, byParty, stacked,
                    new CeasefireDashboard.Totals(t[0], t[1], t[2], t[3], t[4], t[5], t[6]));
        });
    }

    /**
     * The reports behind a figure of a dashboard: those of its area in the period (or one day, or one ISO week) whose
     * details match every given field, newest first. Fields: the details' own names (receivedBy, corridor,
     * allegedAgainst, ...), {@code source} for the source's name, {@code obligation} for a handover. Reads at most
     * {@value #MAX_DRILL_READ} reports; if the matches run out before the period does, the answer says it is incomplete.
     */
    public DrillDown drillDown(String dashboard, DashboardQuery q, @Nullable LocalDate day, @Nullable String week,
            Map<String, String> match) {
        return timed("drill-down", () -> {
            var w = window(q);
            var area = switch (dashboard) {
                case "overview" -> null;
                case "withdrawals" -> ReportArea.WITHDRAWAL;
                case "prisoner-exchanges" -> ReportArea.PRISONER_EXCHANGE;
                case "refugee-returns" -> ReportArea.REFUGEE_RETURN;
                case "corridor-traffic" -> ReportArea.CORRIDOR_TRAFFIC;
                case "ceasefire" -> ReportArea.CEASEFIRE;
                default -> throw new NotFoundException("There is no dashboard '" + dashboard + "'. The dashboards are " + NAMES + ".");
            };
            var start = w.periodStart();
            var endExclusive = w.periodEndExclusive();
            if (area == ReportArea.WITHDRAWAL || area == ReportArea.CORRIDOR_TRAFFIC) {
                start = w.start();
            }
            if (day != null) {
                start = max(start, day.atStartOfDay(zone).toInstant());
                endExclusive = min(endExclusive, day.plusDays(1).atStartOfDay(zone).toInstant());
            }
            if (week != null) {
                var monday = weekStart(week);
                start = max(start, monday.atStartOfDay(zone).toInstant());
                endExclusive = min(endExclusive, monday.plusWeeks(1).atStartOfDay(zone).toInstant());
            }
            Predicate<ReportFact> filter = matcher(match, q);
            var page = page(q);
            if (!start.isBefore(endExclusive)) {
                return new DrillDown(List.of(), true);
            }
            var found = facts.newest(q.agreement(), area, start, endExclusive, w.statuses(), filter, page * q.size(), q.size(),
                    MAX_DRILL_READ);
            return new DrillDown(found.facts().stream().map(DashboardService::ref).toList(), found.complete());
        });
    }

    private Predicate<ReportFact> matcher(Map<String, String> match, DashboardQuery q) {
        Predicate<ReportFact> p = f -> true;
        for (var e : match.entrySet()) {
            var field = e.getKey();
            var value = e.getValue();
            p = p.and(switch (field) {
                case "source" -> f -> f.sourceName().equals(value);
                case "obligation" -> {
                    var district = obligations.listAsOf(q.agreement(), null).stream().filter(o -> o.code().equals(value))
                            .map(ObligationSummary::district).filter(Objects::nonNull).findFirst().orElse(null);
                    yield f -> {
                        var d = Figures.details(f);
                        var named = f.obligations().contains(value) || (district != null
                                && district.equalsIgnoreCase(Figures.text(d, "district", "").strip()));
                        return named && (f.area() != ReportArea.WITHDRAWAL || "COMPLETED".equals(Figures.text(d, "stage", "")));
                    };
                }
                default -> f -> {
                    var actual = Figures.text(Figures.details(f), field, Figures.NO_PARTY);
                    return actual.equals(value) || ("UNSPECIFIED".equals(value) && Figures.NO_PARTY.equals(actual))
                            || ("NONE".equals(value) && Figures.NO_PARTY.equals(actual));
                };
            });
        }
        return p;
    }

    private static String party(String key) {
        return Figures.NO_PARTY.equals(key) ? "UNSPECIFIED" : key;
    }

    public static String isoWeek(LocalDate day) {
        return String.format(Locale.ROOT, "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    static LocalDate weekStart(String week) {
        var m = java.util.regex.Pattern.compile("(\\d{4})-W(\\d{2})").matcher(week);
        if (!m.matches()) {
            throw new InvalidInputException("week", "'" + week + "' is not an ISO week such as 2020-W50");
        }
        var year = Integer.parseInt(m.group(1));
        var number = Integer.parseInt(m.group(2));
        var first = LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, 1).with(java.time.DayOfWeek.MONDAY);
        var monday = first.plusWeeks(number - 1L);
        if (number < 1 || monday.get(IsoFields.WEEK_BASED_YEAR) != year) {
            throw new InvalidInputException("week", "'" + week + "' does not exist: " + year + " has "
                    + first.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum() + " weeks at most");
        }
        return monday;
    }

    private ExchangesDashboard.Exchange exchange(ReportFact f) {
        var d = Figures.details(f);
        return new ExchangesDashboard.Exchange(LocalDate.ofInstant(f.observedAt(), zone), f.observedAt(),
                Figures.text(d, "releasedBy", "?"), Figures.text(d, "receivedBy", "?"), Figures.countOrNull(d, "prisonersOfWar"),
                Figures.countOrNull(d, "civilians"), Figures.countOrNull(d, "bodies"), nullable(d, "mediator"),
                Figures.text(d, "basis", Figures.EVENT), f.id(), f.sourceName(), f.grade(), f.status() == ReportStatus.VERIFIED);
    }

    private static CeasefireDashboard.Incident incident(ReportFact f) {
        var d = Figures.details(f);
        return new CeasefireDashboard.Incident(f.id(), f.observedAt(), location(f), Figures.text(d, "allegedBy", "?"),
                nullable(d, "allegedAgainst"), nullable(d, "deniedBy"), nullable(d, "assessedBy"), nullable(d, "assessment"),
                Figures.countOrNull(d, "killed"), Figures.countOrNull(d, "wounded"), f.summary(), f.sourceName(), f.grade(),
                f.status() == ReportStatus.VERIFIED);
    }

    static ReportRef ref(ReportFact f) {
        return new ReportRef(f.id(), f.observedAt(), f.area().name(), location(f), f.summary(), f.sourceName(),
                f.sourceKind().name(), f.grade(), f.status() == ReportStatus.VERIFIED);
    }

    private static @Nullable String location(ReportFact f) {
        return f.locationName() != null ? f.locationName() : f.district();
    }

    private static @Nullable String nullable(JsonNode d, String field) {
        var v = d.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static int page(DashboardQuery q) {
        if (q.page() < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (q.size() < 1 || q.size() > DashboardQuery.MAX_SIZE) {
            throw new InvalidInputException("size", "must be 1 to " + DashboardQuery.MAX_SIZE);
        }
        if ((long) q.page() * q.size() > 100_000) {
            throw new InvalidInputException("page", "is too far down the list; narrow the period instead");
        }
        return q.page();
    }

    private <T> T timed(String name, Supplier<T> work) {
        var timer = timers.get(name);
        if (timer == null) {
            return work.get();
        }
        return Objects.requireNonNull(timer.record(work));
    }

    /** The period a query resolves to, in local days and instants. */
    private Window window(DashboardQuery q) {
        var agreement = agreements.list().stream().filter(a -> a.code().equals(q.agreement())).findFirst()
                .orElseThrow(() -> new NotFoundException("There is no agreement with the code '" + q.agreement() + "'."));
        var life = LocalDate.ofInstant(agreement.effectiveAt(), zone);
        var now = clock.instant();
        var asOf = q.asOf();
        var end = LocalDate.ofInstant(asOf != null ? asOf : now, zone);
        var from = q.from() != null ? q.from() : life;
        // by default the period ends today or on the as-of day; an as-of instant before the agreement took effect is
        // a period of its first day, of which nothing had been observed yet (lastDay() stops at the as-of day)
        var to = q.to() != null ? q.to() : end.isBefore(from) ? from : end;
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "is before from (" + from + "); the period runs from one local day to a later one");
        }
        var layers = q.includeUnverified() ? Set.of(Layer.VERIFIED, Layer.UNVERIFIED) : Set.of(Layer.VERIFIED);
        var statuses = q.includeUnverified() ? List.of(ReportStatus.VERIFIED, ReportStatus.SUBMITTED) : List.of(ReportStatus.VERIFIED);
        var period = new Period(q.agreement(), from, to, asOf, q.includeUnverified(), zone.getId());
        return new Window(period, life, from, to, asOf, now, layers, statuses, zone);
    }

    private record Window(Period period, LocalDate life, LocalDate from, LocalDate to, @Nullable Instant asOf, Instant now,
            Set<Layer> layers, List<ReportStatus> statuses, ZoneId zone) {

        /** The instant figures are judged at: the as-of instant, or now. */
        Instant reference() {
            return asOf != null ? asOf : now;
        }

        /** The last day that counts: the period's end, or the as-of day if earlier. */
        LocalDate lastDay() {
            var asOfDay = LocalDate.ofInstant(reference(), zone);
            return asOf != null && asOfDay.isBefore(to) ? asOfDay : to;
        }

        Instant start() {
            return life.atStartOfDay(zone).toInstant();
        }

        Instant periodStart() {
            return from.atStartOfDay(zone).toInstant();
        }

        /** Reports observed before this count: the end of the period, or just after the as-of instant. */
        Instant periodEndExclusive() {
            var end = to.plusDays(1).atStartOfDay(zone).toInstant();
            return asOf != null && asOf.isBefore(end) ? asOf.plus(1, ChronoUnit.MICROS) : end;
        }

        Instant endExclusive() {
            var end = asOf != null ? asOf.plus(1, ChronoUnit.MICROS) : now.plus(1, ChronoUnit.DAYS);
            return end;
        }
    }

    private static final class DayClaims {
        long reports;
        long unverified;
        long event;
        final Map<String, Mark> latest = new HashMap<>();
    }
}
