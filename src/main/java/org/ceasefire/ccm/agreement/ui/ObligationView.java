package org.ceasefire.ccm.agreement.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.text.NumberFormat;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.ceasefire.ccm.agreement.AgreementService;
import org.ceasefire.ccm.agreement.DeadlineAmendmentEntry;
import org.ceasefire.ccm.agreement.LinkedReports;
import org.ceasefire.ccm.agreement.LinkedReports.LinkedReport;
import org.ceasefire.ccm.agreement.ObligationDetails;
import org.ceasefire.ccm.agreement.ObligationKind;
import org.ceasefire.ccm.agreement.ObligationService;
import org.ceasefire.ccm.agreement.StatusDecisionEntry;
import org.ceasefire.ccm.base.NotFoundException;
import org.ceasefire.ccm.base.TimeFormats;
import org.ceasefire.ccm.base.ui.ViewToolbar;
import org.ceasefire.ccm.security.AppRoles;

/**
 * One obligation: its text, quantities, deadlines (original and amended), status history as a timeline and the
 * amendment ledger, and the reports that name it. Supervisors record status (citing verified reports) and amend
 * deadlines here; other roles read. Reports are linked by address only: this module does not know the reporting one.
 */
@Route("agreements/:agreement/obligations/:code")
@PermitAll
class ObligationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ObligationService obligations;
    private final AgreementService agreements;
    private final TimeFormats times;
    private final AuthenticationContext authentication;
    private final LinkedReports linkedReports;

    final Button recordStatus = new Button();
    final Button amendDeadline = new Button();
    final OrderedList timeline = new OrderedList();
    final Grid<DeadlineAmendmentEntry> amendmentsGrid = new Grid<>();
    final Grid<LinkedReport> reportsGrid = new Grid<>();
    private List<LinkedReport> linked = List.of();

    private String agreement = "";
    private String code = "";
    private String title = "";

    ObligationView(ObligationService obligations, AgreementService agreements, TimeFormats times,
            AuthenticationContext authentication, LinkedReports linkedReports) {
        this.obligations = obligations;
        this.linkedReports = linkedReports;
        this.agreements = agreements;
        this.times = times;
        this.authentication = authentication;
        addClassName("obligation-view");
        recordStatus.setText(getTranslation("obligation.action.record-status"));
        recordStatus.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        recordStatus.addClickListener(e -> openStatusDialog());
        amendDeadline.setText(getTranslation("obligation.action.amend-deadline"));
        amendDeadline.addClickListener(e -> openAmendDialog());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        agreement = event.getRouteParameters().get("agreement").orElse("");
        code = event.getRouteParameters().get("code").orElse("");
        refresh();
    }

    void refresh() {
        removeAll();
        ObligationDetails d;
        try {
            d = obligations.get(agreement, code);
        } catch (NotFoundException e) {
            add(new ViewToolbar(getTranslation("obligation.not-found")), new Paragraph(e.getMessage()));
            return;
        }
        var s = d.summary();
        title = s.code() + " · " + s.title();
        linked = linkedReports.forObligation(agreement, code);
        var supervisor = authentication.hasRole(AppRoles.SUPERVISOR);
        recordStatus.setVisible(supervisor);
        amendDeadline.setVisible(supervisor && s.kind() == ObligationKind.DEADLINE);
        var back = new Anchor(RouteConfiguration.forSessionScope().getUrl(AgreementView.class,
                new RouteParameters("agreement", agreement)), getTranslation("obligation.back", d.pointTitle()));
        back.addClassName("back-link");
        add(back, new ViewToolbar(title, recordStatus, amendDeadline));

        var badges = new HorizontalLayout(Badges.status(this, s.status()), Badges.timeliness(this, s.timeliness()),
                Badges.level(this, s.implementationLevel()), badge(getTranslation("kind." + s.kind().name()), "badge kind"));
        badges.addClassName("badges");
        add(badges);
        if (!d.inCatalogue()) {
            add(new Paragraph(getTranslation("obligation.retired")));
        }

        var facts = new Div();
        facts.addClassName("facts");
        fact(facts, "obligation.point", getTranslation("agreement.point", s.point(), d.pointTitle()));
        fact(facts, "obligation.responsible", String.join(", ", s.responsible()));
        if (!d.supervisedBy().isEmpty()) {
            fact(facts, "obligation.supervised-by", String.join(", ", d.supervisedBy()));
        }
        if (s.originalDueAt() != null) {
            fact(facts, "obligation.due.original", times.dateTime(s.originalDueAt(), getLocale())
                    + (s.dueText() == null ? "" : " (“" + s.dueText() + "”)"));
            if (!s.originalDueAt().equals(s.dueAt())) {
                fact(facts, "obligation.due.current", times.dateTime(s.dueAt(), getLocale()));
            }
        } else if (s.whenText() != null) {
            fact(facts, "obligation.when", s.whenText());
        }
        if (s.completedAt() != null) {
            fact(facts, "obligation.completed", times.dateTime(s.completedAt(), getLocale()));
        }
        var term = s.term();
        if (term != null) {
            fact(facts, "obligation.term", getTranslation("obligation.term.rule", term.years(), term.renewalYears(),
                    term.noticeMonths(), String.join(", ", term.noticeBy())));
            fact(facts, "obligation.term.start", times.dateTime(term.startsAt(), getLocale()));
            if (term.currentPeriodEndsAt() != null) {
                fact(facts, "obligation.term.period-end", times.dateTime(term.currentPeriodEndsAt(), getLocale())
                        + " · " + getTranslation("obligation.term.renewals", term.renewals()));
                var notice = fact(facts, "obligation.term.notice", times.dateTime(term.noticeDeadline(), getLocale()));
                if (term.noticeWindowNear()) {
                    notice.add(badge(getTranslation("obligation.term.notice-near"), "badge timeliness timeliness-due-soon"));
                }
            }
        }
        if (d.condition() != null) {
            fact(facts, "obligation.condition", d.condition());
        }
        add(facts);

        var description = new Paragraph(d.description());
        description.addClassName("obligation-description");
        add(description);

        if (!d.quantities().isEmpty()) {
            var numbers = NumberFormat.getNumberInstance(getLocale());
            var quantities = new Section(new H2(getTranslation("obligation.quantities")));
            var list = new Div();
            list.addClassName("quantities");
            d.quantities().forEach(q -> {
                var item = new Div(new Span(q.label()), new Span(getTranslation("obligation.quantity.limit",
                        numbers.format(q.limit()), q.unit())));
                item.addClassName("quantity");
                list.add(item);
            });
            quantities.add(list);
            add(quantities);
        }

        var history = new Section(new H2(getTranslation("obligation.history")));
        timeline.removeAll();
        timeline.addClassName("timeline");
        if (d.statusHistory().isEmpty()) {
            history.add(new Paragraph(getTranslation("obligation.history.none")));
        } else {
            d.statusHistory().stream()
                    .sorted(Comparator.comparing(StatusDecisionEntry::effectiveAt).thenComparing(StatusDecisionEntry::decidedAt).reversed())
                    .forEach(entry -> timeline.add(timelineItem(entry)));
            history.add(timeline);
        }
        add(history);

        var reports = new Section(new H2(getTranslation("obligation.reports")));
        reports.addClassName("linked-reports");
        if (linked.isEmpty()) {
            reports.add(new Paragraph(getTranslation("obligation.reports.none")));
        } else {
            configureReports();
            reportsGrid.setItems(linked);
            reports.add(reportsGrid);
        }
        add(reports);

        if (s.kind() == ObligationKind.DEADLINE) {
            var ledger = new Section(new H2(getTranslation("obligation.amendments")));
            if (d.deadlineAmendments().isEmpty()) {
                ledger.add(new Paragraph(getTranslation("obligation.amendments.none")));
            } else {
                configureAmendments();
                amendmentsGrid.setItems(d.deadlineAmendments());
                ledger.add(amendmentsGrid);
            }
            add(ledger);
        }
    }

    private ListItem timelineItem(StatusDecisionEntry entry) {
        var head = new Div(Badges.status(this, entry.status()), Badges.level(this, entry.implementationLevel()),
                new Span(getTranslation("obligation.history.effective", times.dateTime(entry.effectiveAt(), getLocale()))));
        head.addClassName("timeline-head");
        var justification = new Paragraph(entry.justification());
        justification.addClassName("justification");
        var meta = new Span(getTranslation("obligation.history.decided", entry.decidedBy(),
                times.dateTime(entry.decidedAt(), getLocale())));
        meta.addClassName("timeline-meta");
        var item = new ListItem(head, justification);
        if (!entry.evidence().isEmpty()) {
            var evidence = new Div(new Span(getTranslation("obligation.history.evidence")));
            evidence.addClassName("evidence");
            entry.evidence().forEach(id -> {
                var link = new Anchor("reports/" + id, linked.stream().filter(r -> r.id().equals(id)).findFirst()
                        .map(r -> times.date(r.observedAt(), getLocale()) + " · " + r.source())
                        .orElse(id.toString().substring(0, 8) + "…"));
                link.setClassName("badge evidence-id");
                link.setTitle(id.toString());
                evidence.add(link);
            });
            item.add(evidence);
        }
        item.add(meta);
        item.addClassName("timeline-item");
        return item;
    }

    private void configureReports() {
        if (!reportsGrid.getColumns().isEmpty()) {
            return;
        }
        reportsGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        reportsGrid.setAllRowsVisible(true);
        reportsGrid.addClassName("linked-reports-grid");
        reportsGrid.addColumn(r -> times.dateTime(r.observedAt(), getLocale())).setHeader(getTranslation("report.observed"))
                .setAutoWidth(true).setFlexGrow(0);
        reportsGrid.addColumn(r -> getTranslation("area." + r.area())).setHeader(getTranslation("report.area"))
                .setAutoWidth(true).setFlexGrow(0);
        reportsGrid.addComponentColumn(r -> new Anchor("reports/" + r.id(), abbreviate(r.summary(), 160)))
                .setHeader(getTranslation("report.summary")).setFlexGrow(3);
        reportsGrid.addColumn(LinkedReport::source).setHeader(getTranslation("report.source")).setFlexGrow(1);
        reportsGrid.addColumn(LinkedReport::grade).setHeader(getTranslation("report.source.grade")).setWidth("6rem").setFlexGrow(0);
        reportsGrid.addComponentColumn(r -> badge(getTranslation("report-status." + r.status()),
                "badge report-status report-status-" + r.status().toLowerCase(Locale.ROOT)))
                .setHeader(getTranslation("report.status")).setAutoWidth(true).setFlexGrow(0);
    }

    private static String abbreviate(String text, int max) {
        var flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1).stripTrailing() + "…";
    }

    private void configureAmendments() {
        if (!amendmentsGrid.getColumns().isEmpty()) {
            return;
        }
        amendmentsGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        amendmentsGrid.setAllRowsVisible(true);
        amendmentsGrid.addColumn(a -> times.dateTime(a.previousDueAt(), getLocale())).setHeader(getTranslation("amendment.previous"));
        amendmentsGrid.addColumn(a -> times.dateTime(a.newDueAt(), getLocale())).setHeader(getTranslation("amendment.new"));
        amendmentsGrid.addColumn(DeadlineAmendmentEntry::requestedBy).setHeader(getTranslation("amendment.requested-by"));
        amendmentsGrid.addColumn(a -> String.join(", ", a.agreedBy())).setHeader(getTranslation("amendment.agreed-by"));
        amendmentsGrid.addColumn(a -> a.mediatedBy() == null ? "" : a.mediatedBy()).setHeader(getTranslation("amendment.mediated-by"));
        amendmentsGrid.addColumn(a -> times.dateTime(a.decidedAt(), getLocale())).setHeader(getTranslation("amendment.decided-at"));
        amendmentsGrid.addColumn(a -> a.source() + (a.note() == null ? "" : " — " + a.note())).setHeader(getTranslation("amendment.source")).setFlexGrow(3);
        amendmentsGrid.addColumn(a -> getTranslation("amendment.recorded", a.recordedBy(), times.dateTime(a.recordedAt(), getLocale())))
                .setHeader(getTranslation("amendment.recorded-by"));
    }

    private void openStatusDialog() {
        var details = obligations.get(agreement, code);
        var verified = linkedReports.forObligation(agreement, code).stream().filter(r -> "VERIFIED".equals(r.status())).toList();
        new RecordStatusDialog(obligations, times, details, verified, this::refresh).open();
    }

    private void openAmendDialog() {
        var details = obligations.get(agreement, code);
        var parties = agreements.parties().stream().map(p -> p.code()).collect(Collectors.toList());
        new AmendDeadlineDialog(obligations, times, details, parties, this::refresh).open();
    }

    private Div fact(Div container, String labelKey, String value) {
        var label = new Span(getTranslation(labelKey));
        label.addClassName("fact-label");
        var text = new Span(value);
        text.addClassName("fact-value");
        var row = new Div(label, text);
        row.addClassName("fact");
        container.add(row);
        return row;
    }

    private static Span badge(String text, String classes) {
        var span = new Span(text);
        span.setClassName(classes);
        return span;
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
