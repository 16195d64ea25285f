package org.ceasefire.ccm.reporting.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
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
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ceasefire.ccm.base.ConflictException;
import org.ceasefire.ccm.base.ForbiddenException;
import org.ceasefire.ccm.base.InvalidInputException;
import org.ceasefire.ccm.base.NotFoundException;
import org.ceasefire.ccm.base.TimeFormats;
import org.ceasefire.ccm.base.ui.Notifications;
import org.ceasefire.ccm.base.ui.ViewToolbar;
import org.ceasefire.ccm.reporting.ReportService;
import org.ceasefire.ccm.reporting.ReportStatus;
import org.ceasefire.ccm.reporting.ReportView;
import org.ceasefire.ccm.reporting.ReviewDecision;
import org.ceasefire.ccm.reporting.ReviewService;
import org.ceasefire.ccm.security.AppRoles;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One report as every role reads it: what was observed or claimed, by which source and how graded, when, where, its
 * review history, and what other sources claimed for the same area and day, side by side. A supervisor who is not
 * the author reviews it here.
 */
@Route("reports/:id([0-9a-fA-F-]{36})")
@PermitAll
class ReportDetailsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Every detail field the form knows, and the values of those that take one of a few. */
    private static final Set<String> KNOWN_DETAILS = new HashSet<>();
    private static final Map<String, Set<String>> CHOICES = new HashMap<>();

    static {
        ReportFormLayout.SPECS.values().forEach(specs -> specs.forEach(s -> {
            KNOWN_DETAILS.add(s.name());
            if (!s.values().isEmpty()) {
                CHOICES.computeIfAbsent(s.name(), k -> new HashSet<>()).addAll(s.values());
            }
        }));
    }

    private final ReportService reports;
    private final ReviewService reviews;
    private final TimeFormats times;
    private final AuthenticationContext authentication;

    final Button verify = new Button();
    final Button reject = new Button();
    final Button sendBack = new Button();
    final Button correct = new Button();
    final Div claims = new Div();
    final OrderedList history = new OrderedList();
    @Nullable ReportView report;
    private String title = "";

    ReportDetailsView(ReportService reports, ReviewService reviews, TimeFormats times, AuthenticationContext authentication) {
        this.reports = reports;
        this.reviews = reviews;
        this.times = times;
        this.authentication = authentication;
        addClassName("report-details-view");
        verify.setText(getTranslation("review.VERIFY"));
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        verify.setDisableOnClick(true);
        verify.addClickListener(e -> {
            try {
                verify();
            } finally {
                verify.setEnabled(true);
            }
        });
        reject.setText(getTranslation("review.REJECT"));
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        reject.addClickListener(e -> openDialog(ReviewDecision.REJECT));
        sendBack.setText(getTranslation("review.RETURN"));
        sendBack.addClickListener(e -> openDialog(ReviewDecision.RETURN));
        correct.setText(getTranslation("report.correct"));
        correct.addClickListener(e -> {
            if (report != null) {
                UI.getCurrent().navigate(ReportEditView.class, new RouteParameters("id", report.id().toString()));
            }
        });
        claims.addClassName("claims");
        history.addClassName("timeline");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var id = event.getRouteParameters().get("id").orElse("");
        try {
            load(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            notFound(id);
        }
    }

    void load(UUID id) {
        try {
            report = reports.get(id);
        } catch (NotFoundException e) {
            notFound(id.toString());
            return;
        }
        build(report);
    }

    private void notFound(String id) {
        removeAll();
        report = null;
        title = getTranslation("report.not-found");
        add(new ViewToolbar(title), new Paragraph(getTranslation("report.not-found.text", id)));
    }

    private void build(ReportView r) {
        removeAll();
        var me = authentication.getPrincipalName().orElse("");
        var author = me.equals(r.submittedBy());
        var supervisor = authentication.hasRole(AppRoles.SUPERVISOR);
        var submitted = r.status() == ReportStatus.SUBMITTED;
        verify.setVisible(supervisor && !author && submitted);
        reject.setVisible(supervisor && !author && submitted);
        sendBack.setVisible(supervisor && !author && submitted);
        correct.setVisible(author && r.status().editableByAuthor() && authentication.hasRole(AppRoles.MONITOR));
        correct.setText(getTranslation(r.status() == ReportStatus.RETURNED ? "my-reports.correct" : "report.correct"));

        title = getTranslation("report.title", ReportLabels.area(this, r.area()), times.date(r.observedAt(), getLocale()));
        var back = new Anchor(supervisor ? "reviews" : author ? "reports/mine" : "",
                getTranslation(supervisor ? "report.back.queue" : author ? "report.back.mine" : "report.back.home"));
        back.addClassName("back-link");
        add(back, new ViewToolbar(title, correct, sendBack, reject, verify));

        var badges = new HorizontalLayout(ReportLabels.status(this, r.status()),
                ReportLabels.badge(ReportLabels.area(this, r.area()), "badge area"), ReportLabels.grade(this, r.source()));
        if (r.recordedLate()) {
            badges.add(ReportLabels.late(this));
        }
        badges.addClassName("badges");
        add(badges);
        if (supervisor && author && submitted) {
            var own = new Paragraph(getTranslation("report.own-report"));
            own.addClassName("own-report-note");
            add(own);
        }

        var summary = new Paragraph(r.summary());
        summary.addClassName("report-summary");
        add(summary);

        var columns = new Div();
        columns.addClassName("report-columns");
        columns.add(factsSection(r), detailsSection(r));
        add(columns);

        add(historySection(r));
        add(claimsSection(r));
    }

    private Section factsSection(ReportView r) {
        var facts = new Div();
        facts.addClassName("facts");
        fact(facts, "report.observed", times.dateTime(r.observedAt(), getLocale())
                + (r.observedUntil() == null ? "" : " – " + times.dateTime(r.observedUntil(), getLocale())));
        var location = r.location();
        if (location != null) {
            var place = new ArrayList<String>();
            if (location.name() != null) {
                place.add(location.name());
            }
            if (location.district() != null) {
                place.add(getTranslation("report.location.district.value", location.district()));
            }
            if (location.lat() != null && location.lon() != null) {
                place.add(String.format(Locale.ROOT, "%.4f, %.4f", location.lat(), location.lon()));
            }
            fact(facts, "report.location", String.join(" · ", place));
        }
        var source = r.source();
        fact(facts, "report.source.name", source.name());
        fact(facts, "report.source.kind", getTranslation("source-kind." + source.kind().name()));
        if (source.party() != null) {
            fact(facts, "report.source.party", source.party());
        }
        var grade = fact(facts, "report.source.grade", "");
        grade.getChildren().skip(1).findFirst().ifPresent(value -> ((Span) value).add(ReportLabels.grade(this, source),
                new Span(ReportLabels.gradeMeaning(this, source))));
        if (source.url() != null) {
            var link = new Anchor(source.url(), ReportLabels.abbreviate(source.url(), 80));
            link.setTarget(AnchorTarget.BLANK);
            link.getElement().setAttribute("rel", "noopener noreferrer");
            var row = fact(facts, "report.source.url", "");
            row.getChildren().skip(1).findFirst().ifPresent(value -> ((Span) value).add(link));
        }
        if (!r.obligations().isEmpty()) {
            var row = fact(facts, "report.obligations", "");
            row.getChildren().skip(1).findFirst().ifPresent(value -> r.obligations().forEach(code -> ((Span) value).add(
                    new Anchor("agreements/" + r.agreement() + "/obligations/" + code, code))));
        }
        fact(facts, "report.agreement", r.agreement());
        fact(facts, "report.submitted-by", r.submittedBy());
        fact(facts, "report.received", times.dateTime(r.receivedAt(), getLocale()));
        fact(facts, "report.id", r.id().toString());
        var section = new Section(new H2(getTranslation("report.section.facts")), facts);
        section.addClassName("report-facts");
        return section;
    }

    private Section detailsSection(ReportView r) {
        var section = new Section(new H2(getTranslation("report.section.details", ReportLabels.area(this, r.area()))));
        section.addClassName("report-details");
        var pairs = detailPairs(r);
        if (pairs.isEmpty()) {
            section.add(new Paragraph(getTranslation("report.details.none")));
        } else {
            var facts = new Div();
            facts.addClassName("facts");
            pairs.forEach((label, value) -> factText(facts, label, value));
            section.add(facts);
        }
        return section;
    }

    private Section historySection(ReportView r) {
        history.removeAll();
        history.add(historyItem(ReportLabels.status(this, ReportStatus.SUBMITTED),
                getTranslation("report.history.submitted", r.submittedBy(), times.dateTime(r.receivedAt(), getLocale())), null));
        for (var review : r.reviews()) {
            history.add(historyItem(ReportLabels.decision(this, review.decision()),
                    getTranslation("report.history.reviewed", review.reviewer(), times.dateTime(review.reviewedAt(), getLocale())),
                    review.reason()));
        }
        var section = new Section(new H2(getTranslation("report.section.history")), history);
        section.addClassName("report-history");
        return section;
    }

    private ListItem historyItem(Span badge, String meta, @Nullable String reason) {
        var head = new Div(badge, new Span(meta));
        head.addClassName("timeline-head");
        var item = new ListItem(head);
        if (reason != null && !reason.isBlank()) {
            var text = new Paragraph(reason);
            text.addClassName("justification");
            item.add(text);
        }
        item.addClassName("timeline-item");
        return item;
    }

    private Section claimsSection(ReportView r) {
        claims.removeAll();
        var others = reports.sameAreaAndDay(r.id());
        claims.add(claimCard(r, true));
        others.forEach(o -> claims.add(claimCard(o, false)));
        var section = new Section(new H2(getTranslation("report.section.others")));
        section.addClassName("report-others");
        if (others.isEmpty()) {
            var none = new Paragraph(getTranslation("report.others.none"));
            none.addClassName("others-none");
            section.add(none);
        }
        section.add(claims);
        return section;
    }

    private Div claimCard(ReportView v, boolean current) {
        var card = new Div();
        card.addClassName("claim");
        if (current) {
            card.addClassName("claim-current");
        }
        var heading = new H3(v.source().name());
        heading.addClassName("claim-source");
        var badges = new Div(ReportLabels.grade(this, v.source()), ReportLabels.status(this, v.status()));
        badges.addClassName("claim-badges");
        if (current) {
            badges.addComponentAsFirst(ReportLabels.badge(getTranslation("report.this-report"), "badge this-report"));
        }
        var when = new Span(times.dateTime(v.observedAt(), getLocale()));
        when.addClassName("claim-time");
        card.add(heading, badges, when);
        var pairs = detailPairs(v);
        if (!pairs.isEmpty()) {
            var figures = new Div();
            figures.addClassName("claim-figures");
            pairs.forEach((label, value) -> factText(figures, label, value));
            card.add(figures);
        }
        var summary = new Paragraph(ReportLabels.abbreviate(v.summary(), 220));
        summary.addClassName("claim-summary");
        card.add(summary);
        if (!current) {
            var open = new Anchor("reports/" + v.id(), getTranslation("report.open"));
            open.addClassName("claim-open");
            card.add(open);
        }
        return card;
    }

    /** The report's details as label and value, in the order the form asks for them, then anything else given. */
    private Map<String, String> detailPairs(ReportView r) {
        var result = new LinkedHashMap<String, String>();
        var details = r.details();
        if (!details.isObject()) {
            return result;
        }
        var order = new LinkedHashSet<String>();
        ReportFormLayout.SPECS.getOrDefault(r.area(), List.of()).forEach(s -> order.add(s.name()));
        order.add("basis");
        order.addAll(details.propertyNames());
        for (var name : order) {
            var value = details.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            var label = KNOWN_DETAILS.contains(name) ? getTranslation("details." + name) : name;
            result.put(label, value(name, value));
        }
        return result;
    }

    private String value(String name, JsonNode value) {
        if (value.isNumber()) {
            return NumberFormat.getNumberInstance(getLocale()).format(value.isIntegralNumber() ? value.asLong() : value.asDouble());
        }
        if (value.isString()) {
            var text = value.asString();
            if ("since".equals(name)) {
                try {
                    return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale())
                            .format(LocalDate.parse(text));
                } catch (DateTimeException e) {
                    return text;
                }
            }
            return CHOICES.getOrDefault(name, Set.of()).contains(text) ? getTranslation("details." + name + "." + text) : text;
        }
        return value.toString();
    }

    void verify() {
        var r = report;
        if (r == null) {
            return;
        }
        try {
            reviews.review(r.id(), ReviewDecision.VERIFY, null, r.version());
            Notifications.success(getTranslation("review.done.verify"));
        } catch (ForbiddenException | ConflictException | InvalidInputException ex) {
            Notifications.warn(ex.getMessage());
        }
        load(r.id());
    }

    private void openDialog(ReviewDecision decision) {
        var r = report;
        if (r != null) {
            new ReviewDialog(reviews, r, decision, () -> load(r.id())).open();
        }
    }

    private Div fact(Div container, String labelKey, String value) {
        return factText(container, getTranslation(labelKey), value);
    }

    private static Div factText(Div container, String label, String value) {
        var l = new Span(label);
        l.addClassName("fact-label");
        var v = new Span(value);
        v.addClassName("fact-value");
        var row = new Div(l, v);
        row.addClassName("fact");
        container.add(row);
        return row;
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
