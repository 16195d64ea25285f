package org.ceasefire.ccm.briefing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.UUID;
import org.ceasefire.ccm.agreement.AgreementService;
import org.ceasefire.ccm.agreement.ObligationKind;
import org.ceasefire.ccm.agreement.ObligationService;
import org.ceasefire.ccm.base.CcmProperties;
import org.ceasefire.ccm.base.NotFoundException;
import org.ceasefire.ccm.base.ui.Translations;
import org.ceasefire.ccm.dashboard.DashboardQuery;
import org.ceasefire.ccm.dashboard.DashboardService;
import org.ceasefire.ccm.reporting.ReportFact;
import org.ceasefire.ccm.reporting.ReportFacts;
import org.ceasefire.ccm.reporting.ReportService;
import org.ceasefire.ccm.reporting.ReportView;
import org.ceasefire.ccm.reporting.ReportStatus;
import org.ceasefire.ccm.security.AppRoles;
import org.ceasefire.ccm.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Composes the weekly briefing from the same services the dashboards use, as the world stood at the week's cut-off:
 * the end of Sunday in the configured zone. The same data and week give the same content; only the production line
 * (when, by whom) differs between two renderings.
 */
@Service
@PreAuthorize("hasRole('" + AppRoles.BRIEFER + "')")
@Transactional(readOnly = true)
public class BriefingService {

    static final int NOTABLE_REPORTS = 20;
    static final Duration LOOK_AHEAD = Duration.ofDays(14);

    private final AgreementService agreements;
    private final ObligationService obligations;
    private final DashboardService dashboards;
    private final ReportFacts facts;
    private final ReportService reports;
    private final CurrentUser currentUser;
    private final WeekCharts charts;
    private final Translations translations;
    private final Clock clock;
    private final ZoneId zone;

    BriefingService(AgreementService agreements, ObligationService obligations, DashboardService dashboards, ReportFacts facts,
            ReportService reports, CurrentUser currentUser, Clock clock, CcmProperties properties, Translations translations) {
        this.translations = translations;
        this.agreements = agreements;
        this.obligations = obligations;
        this.dashboards = dashboards;
        this.facts = facts;
        this.reports = reports;
        this.currentUser = currentUser;
        this.charts = new WeekCharts(dashboards);
        this.clock = clock;
        this.zone = properties.zone();
    }

    /** Passes for briefers, refuses everyone else: for exports that must be refused before they start writing. */
    public void checkAccess() {
        // the class's @PreAuthorize does the check
    }

    /** The week's briefing in English. */
    public Briefing compose(String agreementCode, IsoWeek week) {
        return compose(agreementCode, week, Locale.ENGLISH);
    }

    /** The week's briefing in the language closest to {@code language} among the product's four. */
    public Briefing compose(String agreementCode, IsoWeek week, Locale language) {
        var text = new BriefingText(translations, language, zone);
        var agreement = agreements.list().stream().filter(a -> a.code().equals(agreementCode)).findFirst()
                .orElseThrow(() -> new NotFoundException("There is no agreement with the code '" + agreementCode + "'."));
        var start = week.start(zone);
        var cutOff = week.cutOff(zone);
        if (cutOff.isBefore(agreement.effectiveAt())) {
            throw new NotFoundException("Week " + week.label() + " ended before the agreement took effect ("
                    + agreement.effectiveAt() + "); there is nothing to brief.");
        }
        var asOf = cutOff.minus(1, ChronoUnit.MICROS);
        var list = obligations.listAsOf(agreementCode, asOf);

        var changes = new ArrayList<Briefing.StatusChange>();
        for (var o : list) {
            for (var d : obligations.get(agreementCode, o.code()).statusHistory()) {
                if (!d.effectiveAt().isBefore(start) && d.effectiveAt().isBefore(cutOff)) {
                    changes.add(new Briefing.StatusChange(o.code(), o.point(), o.title(), d.status().name(),
                            d.implementationLevel(), d.effectiveAt(), d.justification(), d.evidence(), d.decidedBy()));
                }
            }
        }
        changes.sort(Comparator.comparing(Briefing.StatusChange::effectiveAt).thenComparing(Briefing.StatusChange::obligation));

        var passed = new ArrayList<Briefing.DeadlineLine>();
        var coming = new ArrayList<Briefing.DeadlineLine>();
        var horizon = cutOff.plus(LOOK_AHEAD);
        for (var o : list) {
            if (o.kind() == ObligationKind.DEADLINE && o.dueAt() != null) {
                if (!o.dueAt().isBefore(start) && o.dueAt().isBefore(cutOff)) {
                    passed.add(new Briefing.DeadlineLine(o.code(), o.title(), "DEADLINE", o.dueAt(), o.timeliness().name()));
                } else if (!o.dueAt().isBefore(cutOff) && o.dueAt().isBefore(horizon) && o.completedAt() == null) {
                    coming.add(new Briefing.DeadlineLine(o.code(), o.title(), "DEADLINE", o.dueAt(), o.timeliness().name()));
                }
            }
            var term = o.term();
            if (term != null && term.noticeDeadline() != null && !term.noticeDeadline().isBefore(cutOff)
                    && term.noticeDeadline().isBefore(horizon)) {
                coming.add(new Briefing.DeadlineLine(o.code(), o.title(), "NOTICE_DEADLINE", term.noticeDeadline(), o.timeliness().name()));
            }
        }
        coming.sort(Comparator.comparing(Briefing.DeadlineLine::at));

        var figures = List.of(
                figure(text.t("figure.exchanged"), text.t("unit.persons"), agreementCode, week, this::exchanged),
                figure(text.t("figure.returns"), text.t("unit.persons"), agreementCode, week, q -> dashboards.returns(q).eventTotal()),
                figure(text.t("figure.closed"), text.t("unit.days"), agreementCode, week, q -> corridorDays(q, "CLOSED")),
                figure(text.t("figure.open"), text.t("unit.days"), agreementCode, week, q -> corridorDays(q, "OPEN")),
                figure(text.t("figure.incidents"), text.t("unit.incidents"), agreementCode, week,
                        q -> dashboards.ceasefire(q).incidentCount()));

        var cited = new LinkedHashSet<UUID>();
        changes.forEach(c -> cited.addAll(c.evidence()));
        var citedReports = cited.stream().map(reports::get)
                .sorted(Comparator.comparing(ReportView::observedAt))
                .map(v -> new Briefing.ReportLine(v.id(), v.observedAt(), v.area().name(),
                        v.location() == null ? null : v.location().name() != null ? v.location().name() : v.location().district(),
                        v.summary(), v.source().name(), v.source().kind().name(), v.source().grade(), v.status().name()))
                .toList();
        // one pass over the week's verified reports: the best graded for the list, every one for the annex of claims
        var best = new PriorityQueue<ReportFact>(NOTABLE.reversed());
        var conflicts = new ConflictingClaims(zone, text);
        facts.forEachObserved(agreementCode, start, cutOff, List.of(ReportStatus.VERIFIED), f -> {
            conflicts.accept(f);
            best.add(f);
            if (best.size() > NOTABLE_REPORTS) {
                best.poll();
            }
        });
        var notable = best.stream().sorted(NOTABLE).map(BriefingService::line).toList();
        var claims = conflicts.result();
        var charts = this.charts.compose(agreementCode, week, asOf, LocalDate.ofInstant(agreement.effectiveAt(), zone), text);

        var points = new ArrayList<Briefing.PointSection>();
        for (var point : agreements.get(agreementCode).points()) {
            var lines = list.stream().filter(o -> o.point() == point.number()).map(o -> new Briefing.ObligationLine(o.code(),
                    o.title(), o.status().name(), o.implementationLevel(), o.timeliness().name(),
                    (int) changes.stream().filter(c -> c.obligation().equals(o.code())).count())).toList();
            if (!lines.isEmpty()) {
                points.add(new Briefing.PointSection(point.number(), point.title(), lines));
            }
        }

        var producedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var summary = summary(text, zoneLabel(), week, cutOff, changes, passed, coming, figures, claims.size());
        return new Briefing(agreementCode, agreement.title(), week.label(), week.monday(), week.sunday(), cutOff, zoneLabel(),
                producedAt, currentUser.require(), summary, changes, passed, coming, figures, charts, points, citedReports, notable,
                claims, method(text), text.locale());
    }

    private long exchanged(DashboardQuery q) {
        return dashboards.exchanges(q).totals().stream().mapToLong(t -> t.prisonersOfWar() + t.civilians() + t.bodies()).sum();
    }

    private long corridorDays(DashboardQuery q, String state) {
        return dashboards.corridors(q).corridors().stream().filter(c -> c.corridor().equals("LACHIN")).mapToLong(c ->
                switch (state) {
                    case "CLOSED" -> c.daysClosed();
                    default -> c.daysOpen();
                }).sum();
    }

    private Briefing.Figure figure(String name, String unit, String agreement, IsoWeek week,
            java.util.function.ToLongFunction<DashboardQuery> value) {
        return new Briefing.Figure(name, unit, value.applyAsLong(weekQuery(agreement, week)),
                value.applyAsLong(weekQuery(agreement, week.previous())));
    }

    private DashboardQuery weekQuery(String agreement, IsoWeek week) {
        return DashboardQuery.of(agreement).withPeriod(week.monday(), week.sunday())
                .withAsOf(week.cutOff(zone).minus(1, ChronoUnit.MICROS));
    }

    private static List<String> summary(BriefingText t, String zone, IsoWeek week, Instant cutOff, List<Briefing.StatusChange> changes,
            List<Briefing.DeadlineLine> passed, List<Briefing.DeadlineLine> coming, List<Briefing.Figure> figures, int conflicts) {
        var s = new ArrayList<String>();
        s.add(t.t("summary.covers", week.label(), t.day(week.monday()), t.day(week.sunday()), t.when(cutOff), zone));
        if (changes.isEmpty()) {
            s.add(t.t("summary.no-changes"));
        }
        for (var c : changes) {
            s.add(t.t("summary.change", c.obligation(), c.title(), t.status(c.status()), c.level(), t.when(c.effectiveAt()),
                    c.justification()) + (c.evidence().isEmpty() ? "" : " " + t.t("summary.evidence", c.evidence().size())));
        }
        if (passed.isEmpty()) {
            s.add(t.t("summary.no-deadline-passed"));
        }
        for (var d : passed) {
            s.add(t.t("summary.deadline-passed", d.obligation(), d.title(), t.when(d.at()), t.timeliness(d.timeliness())));
        }
        if (coming.isEmpty()) {
            s.add(t.t("summary.nothing-coming"));
        }
        for (var d : coming) {
            s.add(t.t(d.kind().equals("NOTICE_DEADLINE") ? "summary.notice-coming" : "summary.deadline-coming", d.obligation(),
                    d.title(), t.when(d.at())));
        }
        for (var f : figures) {
            s.add(t.t("summary.figure", f.name(), t.number(f.thisWeek()), f.unit(), t.number(f.previousWeek())));
        }
        s.add(conflicts == 0 ? t.t("summary.no-conflicts") : t.t("summary.conflicts", conflicts));
        return s;
    }

    private static List<String> method(BriefingText t) {
        return List.of(t.t("method.verified"), t.t("method.time"), t.t("method.totals"), t.t("method.deadlines"), t.t("method.grades"));
    }

    /** Best graded first (A1 before B2, an unknown part last), then the earliest, then by id: a total order. */
    private static final Comparator<ReportFact> NOTABLE = Comparator.comparingInt(BriefingService::gradeRank)
            .thenComparing(ReportFact::observedAt).thenComparing(ReportFact::id);

    static int gradeRank(ReportFact f) {
        var reliability = f.reliability() == null ? 6 : f.reliability().charAt(0) - 'A';
        var credibility = f.credibility() == null ? 6 : f.credibility();
        return reliability * 10 + credibility;
    }

    static Briefing.ReportLine line(ReportFact f) {
        return new Briefing.ReportLine(f.id(), f.observedAt(), f.area().name(),
                f.locationName() != null ? f.locationName() : f.district(), f.summary(), f.sourceName(),
                f.sourceKind().name(), f.grade(), f.status().name());
    }

    private String zoneLabel() {
        var id = zone.getId();
        return id.equals("Z") ? "UTC" : id.startsWith("+") || id.startsWith("-") ? "UTC" + id : id;
    }
}
