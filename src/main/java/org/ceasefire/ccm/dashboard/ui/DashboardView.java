package org.ceasefire.ccm.dashboard.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.ceasefire.ccm.base.InvalidInputException;
import org.ceasefire.ccm.base.TimeFormats;
import org.ceasefire.ccm.base.ui.EChart;
import org.ceasefire.ccm.base.ui.ViewToolbar;
import org.ceasefire.ccm.dashboard.DashboardNotifier;
import org.ceasefire.ccm.dashboard.DashboardQuery;
import org.ceasefire.ccm.dashboard.DashboardService;
import org.ceasefire.ccm.dashboard.ReportRef;
import org.jspecify.annotations.Nullable;

/**
 * What every dashboard has: a period, an "as of" instant that replays the state as it stood then, a switch for
 * unverified reports, the zone stated, a drill-down from a figure to its reports, and a refresh by server push when
 * a report behind it is filed or reviewed.
 */
abstract class DashboardView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final DateTimePicker asOf = new DateTimePicker();
    final Checkbox unverified = new Checkbox();
    final Div content = new Div();

    protected final DashboardService dashboards;
    protected final TimeFormats times;
    private final DashboardNotifier notifier;
    private final String name;
    private final String titleKey;
    private @Nullable Runnable unsubscribe;
    private boolean attached;
    /** How many times the figures were drawn: tests and the push check read it. */
    int refreshes;

    DashboardView(String name, String titleKey, DashboardService dashboards, DashboardNotifier notifier, TimeFormats times) {
        this.name = name;
        this.titleKey = titleKey;
        this.dashboards = dashboards;
        this.notifier = notifier;
        this.times = times;
        addClassNames("dashboard-view", "dashboard-" + name);
        setWidthFull();
        setPadding(true);

        from.setLabel(getTranslation("dashboard.from"));
        to.setLabel(getTranslation("dashboard.to"));
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        from.setWidth("10.5em");
        to.setWidth("10.5em");
        asOf.setWidth("19em");
        from.setLocale(getLocale());
        to.setLocale(getLocale());
        asOf.setLabel(getTranslation("dashboard.as-of", times.zoneLabel()));
        asOf.setHelperText(getTranslation("dashboard.as-of.help"));
        asOf.setLocale(getLocale());
        unverified.setLabel(getTranslation("dashboard.include-unverified"));
        var now = new Button(getTranslation("dashboard.now"), e -> {
            asOf.clear();
            from.clear();
            to.clear();
        });
        now.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        asOf.addValueChangeListener(e -> refresh());
        unverified.addValueChangeListener(e -> refresh());
        var zone = new Span(getTranslation("dashboard.zone", times.zoneLabel()));
        zone.addClassName("dashboard-zone");
        var filters = new HorizontalLayout(from, to, asOf, unverified, now);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        filters.addClassName("filters");
        content.addClassName("dashboard-content");
        content.setWidthFull();
        add(new ViewToolbar(getTranslation(titleKey), zone), filters, content);
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey);
    }

    /**
     * A link may carry the period: {@code ?from=2020-11-10&to=2020-12-31&asOf=2020-12-01T12:00&unverified=true}, with
     * {@code asOf} a local date and time in the configured zone. What cannot be read is left empty.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters();
        params.getSingleParameter("from").ifPresent(v -> parse(() -> from.setValue(LocalDate.parse(v))));
        params.getSingleParameter("to").ifPresent(v -> parse(() -> to.setValue(LocalDate.parse(v))));
        params.getSingleParameter("asOf").ifPresent(v -> parse(() -> asOf.setValue(java.time.LocalDateTime.parse(v))));
        params.getSingleParameter("unverified").ifPresent(v -> unverified.setValue(Boolean.parseBoolean(v)));
    }

    private static void parse(Runnable set) {
        try {
            set.run();
        } catch (java.time.DateTimeException e) {
            // a hand-edited link: ignore what cannot be read
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        attached = true;
        refresh();
        var ui = event.getUI();
        unsubscribe = notifier.subscribe(changed -> {
            if (changed.contains(name)) {
                ui.access(this::refresh);
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        attached = false;
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
        super.onDetach(event);
    }

    /** Recomputes and redraws the figures for the chosen period. */
    final void refresh() {
        if (!attached) {
            return;
        }
        DashboardQuery q;
        try {
            q = query();
            content.removeAll();
            show(q);
            refreshes++;
        } catch (InvalidInputException e) {
            content.removeAll();
            var problem = new Div(e.getMessage() + " " + String.join("; ", e.problems().stream()
                    .map(p -> p.field() + " " + p.message()).toList()));
            problem.addClassName("dashboard-problem");
            content.add(problem);
        }
    }

    DashboardQuery query() {
        var zone = times.zone();
        var at = asOf.getValue() == null ? null : asOf.getValue().atZone(zone).toInstant();
        return DashboardQuery.of(DashboardQuery.DEFAULT_AGREEMENT).withPeriod(from.getValue(), to.getValue()).withAsOf(at)
                .withUnverified(unverified.getValue()).withPage(0, DashboardQuery.MAX_SIZE);
    }

    /** Draws the dashboard into {@link #content}. */
    protected abstract void show(DashboardQuery q);

    /** A titled section of the page. */
    protected Div section(String title, Component... components) {
        var div = new Div();
        div.addClassName("dashboard-section");
        div.add(new H3(title));
        div.add(components);
        content.add(div);
        return div;
    }

    /** A row of figures, each a number with its label; clicking one opens its reports if it has any. */
    protected Div tiles() {
        var div = new Div();
        div.addClassName("dashboard-tiles");
        content.add(div);
        return div;
    }

    protected Div tile(Div tiles, String label, String value, @Nullable Runnable drill) {
        var tile = new Div();
        tile.addClassName("dashboard-tile");
        var number = new Span(value);
        number.addClassName("tile-value");
        if (value.length() > 14) {
            number.addClassName("tile-text");
        }
        var text = new Span(label);
        text.addClassName("tile-label");
        tile.add(number, text);
        if (drill != null) {
            tile.addClassName("clickable");
            tile.getElement().setAttribute("role", "button");
            tile.getElement().setAttribute("tabindex", "0");
            tile.addClickListener(e -> drill.run());
        }
        tiles.add(tile);
        return tile;
    }

    /** Opens the reports behind a figure: their time, source, grade and whether verified, each linked to its page. */
    protected void drillDown(String title, @Nullable LocalDate day, @Nullable String week, Map<String, String> match) {
        var found = dashboards.drillDown(name, query().withPage(0, 200), day, week, match);
        var reports = found.reports();
        var dialog = new Dialog();
        dialog.addClassName("drill-down");
        dialog.setHeaderTitle(title);
        dialog.setWidth("min(1100px, 96vw)");
        var grid = new Grid<ReportRef>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(r -> times.dateTime(r.observedAt(), getLocale())).setHeader(getTranslation("dashboard.observed"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> new Anchor("reports/" + r.reportId(), r.summary())).setHeader(getTranslation("report.summary"))
                .setFlexGrow(3);
        grid.addColumn(r -> r.source() + " (" + getTranslation("source-kind." + r.sourceKind()) + ")")
                .setHeader(getTranslation("report.source")).setFlexGrow(1);
        grid.addColumn(ReportRef::grade).setHeader(getTranslation("dashboard.grade")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> verifiedBadge(r.verified())).setHeader(getTranslation("dashboard.review"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.setItems(reports);
        grid.setAllRowsVisible(reports.size() <= 12);
        var count = new Span(reports.isEmpty() ? getTranslation("dashboard.no-reports")
                : reports.size() >= 200 ? getTranslation("dashboard.first-reports", reports.size())
                : getTranslation("dashboard.reports-count", reports.size()));
        var body = new VerticalLayout(count, grid);
        if (!found.complete()) {
            var partial = new Span(getTranslation("dashboard.drill-incomplete"));
            partial.addClassName("dashboard-problem");
            body.addComponentAtIndex(1, partial);
        }
        dialog.add(body);
        var close = new Button(getTranslation("action.close"), e -> dialog.close());
        dialog.getFooter().add(close);
        dialog.open();
    }

    protected Span verifiedBadge(boolean verified) {
        var badge = new Span(getTranslation(verified ? "dashboard.verified" : "dashboard.unverified"));
        badge.addClassNames("badge", verified ? "report-verified" : "report-unverified");
        return badge;
    }

    protected String number(long n) {
        return java.text.NumberFormat.getIntegerInstance(getLocale()).format(n);
    }

    protected String day(@Nullable LocalDate day) {
        return day == null ? "–" : java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                .withLocale(getLocale()).format(day);
    }

    protected String instant(@Nullable Instant instant) {
        return instant == null ? "–" : times.dateTime(instant, getLocale());
    }

    protected ZoneId zone() {
        return times.zone();
    }

    /** The day of a clicked point on a time axis, whose value is {@code ["2023-09-25", n]}. */
    protected static LocalDate clickedDay(EChart.ClickEvent e) {
        return LocalDate.parse(e.value().replaceAll("^\\[\"([0-9-]{10}).*$", "$1"));
    }
}
