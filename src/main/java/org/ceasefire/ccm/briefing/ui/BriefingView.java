package org.ceasefire.ccm.briefing.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import org.ceasefire.ccm.base.TimeFormats;
import org.ceasefire.ccm.base.ui.Notifications;
import org.ceasefire.ccm.base.ui.ViewToolbar;
import org.ceasefire.ccm.briefing.Briefing;
import org.ceasefire.ccm.briefing.BriefingArchive;
import org.ceasefire.ccm.briefing.BriefingCsv;
import org.ceasefire.ccm.briefing.BriefingDocx;
import org.ceasefire.ccm.briefing.BriefingPdf;
import org.ceasefire.ccm.briefing.BriefingService;
import org.ceasefire.ccm.briefing.BriefingXlsx;
import org.ceasefire.ccm.briefing.ChartDrawing;
import org.ceasefire.ccm.briefing.IsoWeek;
import org.ceasefire.ccm.dashboard.DashboardQuery;
import org.ceasefire.ccm.security.AppRoles;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * The weekly briefing in the page: pick a week (the last complete one by default), read what the PDF will say, and
 * download it as PDF, DOCX, XLSX or CSV. Composing runs off the UI thread, with a progress bar meanwhile.
 */
@Route("briefings")
@Menu(title = "nav.briefings", order = 30, icon = "vaadin:newspaper")
@RolesAllowed(AppRoles.BRIEFER)
class BriefingView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    final ComboBox<IsoWeek> week = new ComboBox<>();
    final ProgressBar progress = new ProgressBar();
    final Div content = new Div();
    final HorizontalLayout downloads = new HorizontalLayout();
    @Nullable Briefing shown;

    private final BriefingService briefings;
    private final BriefingPdf pdf;
    private final BriefingDocx docx;
    private final BriefingXlsx xlsx;
    private final BriefingCsv csv;
    private final TaskExecutor executor;
    private final TimeFormats times;
    private final BriefingArchive archive;
    private final ChartDrawing drawing;
    final Grid<BriefingArchive.Archived> archived = new Grid<>();

    BriefingView(BriefingService briefings, BriefingPdf pdf, BriefingDocx docx, BriefingXlsx xlsx, BriefingCsv csv,
            @Qualifier("briefingExecutor") TaskExecutor executor, TimeFormats times, Clock clock, BriefingArchive archive, ChartDrawing drawing) {
        this.archive = archive;
        this.drawing = drawing;
        this.briefings = briefings;
        this.pdf = pdf;
        this.docx = docx;
        this.xlsx = xlsx;
        this.csv = csv;
        this.executor = executor;
        this.times = times;
        addClassName("briefing-view");
        setWidthFull();

        var lastComplete = IsoWeek.of(LocalDate.now(clock.withZone(times.zone()))).previous();
        var weeks = new ArrayList<IsoWeek>();
        for (var w = lastComplete; !w.sunday().isBefore(LocalDate.of(2020, 11, 10)); w = w.previous()) {
            weeks.add(w);
        }
        week.setLabel(getTranslation("briefing.week"));
        week.setItems(weeks);
        week.setItemLabelGenerator(w -> getTranslation("briefing.week-label", w.label(), day(w.monday()), day(w.sunday())));
        week.setValue(lastComplete);
        week.setWidth("24rem");
        week.addValueChangeListener(e -> {
            if (e.getValue() != null && isAttached()) {
                compose(e.getValue());
            }
        });
        progress.setIndeterminate(true);
        progress.setVisible(false);
        progress.setWidth("16rem");
        var zone = new Span(getTranslation("briefing.cut-off-rule", times.zoneLabel()));
        zone.addClassName("dashboard-zone");
        var bar = new HorizontalLayout(week, downloads, progress);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        content.addClassName("briefing-content");
        content.setWidthFull();
        archived.addThemeVariants(GridVariant.LUMO_COMPACT);
        archived.addColumn(BriefingArchive.Archived::week).setHeader(getTranslation("briefing.week")).setAutoWidth(true);
        archived.addColumn(a -> times.dateTime(a.producedAt(), getLocale()) + " · " + a.producedBy())
                .setHeader(getTranslation("briefing.produced")).setAutoWidth(true);
        archived.addComponentColumn(a -> {
            var links = new HorizontalLayout();
            for (var format : BriefingArchive.FORMATS) {
                var w = IsoWeek.parse(a.week());
                links.add(download(format.toUpperCase(java.util.Locale.ROOT), format, "application/octet-stream",
                        out -> out.write(this.archive.file(DashboardQuery.DEFAULT_AGREEMENT, w, format).orElseThrow()), w));
            }
            return links;
        }).setHeader(getTranslation("briefing.files")).setAutoWidth(true);
        archived.addColumn(a -> a.sha256().getFirst().substring(0, 16) + "…").setHeader(getTranslation("briefing.pdf-hash"))
                .setAutoWidth(true);
        archived.setAllRowsVisible(true);
        var archiveSection = new Div(new H3(getTranslation("briefing.archive")), new Paragraph(getTranslation("briefing.archive-help")),
                archived);
        archiveSection.addClassName("dashboard-section");
        add(new ViewToolbar(getTranslation("briefing.title"), zone), bar, content, archiveSection);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("briefing.title");
    }

    /** A link may name the week: {@code /briefings?week=2020-W51}. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("week").ifPresent(label -> {
            try {
                var w = IsoWeek.parse(label);
                if (week.getListDataView().contains(w)) {
                    week.setValue(w);
                }
            } catch (org.ceasefire.ccm.base.InvalidInputException e) {
                // a hand-edited link: keep the default week
            }
        });
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (shown == null && week.getValue() != null) {
            compose(week.getValue());
        }
        archived.setItems(archive.list(DashboardQuery.DEFAULT_AGREEMENT));
    }

    /** Composes the briefing on a worker thread (as the signed-in briefer) and shows it when it is ready. */
    void compose(IsoWeek w) {
        var ui = UI.getCurrent();
        var locale = getLocale();
        progress.setVisible(true);
        downloads.setEnabled(false);
        CompletableFuture.runAsync(new DelegatingSecurityContextRunnable(() -> {
            try {
                var b = briefings.compose(DashboardQuery.DEFAULT_AGREEMENT, w, locale);
                ui.access(() -> show(b, w));
            } catch (RuntimeException e) {
                ui.access(() -> {
                    progress.setVisible(false);
                    Notifications.warn(getTranslation("briefing.failed", e.getMessage()));
                });
            }
        }), executor);
    }

    private void show(Briefing b, IsoWeek w) {
        if (!w.equals(week.getValue())) {
            return; // the person chose another week meanwhile: that one's briefing is on its way
        }
        shown = b;
        progress.setVisible(false);
        content.removeAll();
        downloads.removeAll();
        downloads.setEnabled(true);
        downloads.add(download("PDF", "pdf", "application/pdf", out -> out.write(pdf.render(briefings.compose(b.agreement(), w, b.language())))),
                download("DOCX", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        out -> out.write(docx.render(briefings.compose(b.agreement(), w, b.language())))),
                download("XLSX", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        out -> out.write(xlsx.render(briefings.compose(b.agreement(), w, b.language()), w))),
                download("CSV", "csv", "text/csv", out -> csv.write(b.agreement(), w, out)));

        var head = new Div();
        head.addClassName("dashboard-section");
        head.add(new H3(getTranslation("briefing.heading", b.week())),
                new Paragraph(b.agreementTitle()),
                new Paragraph(getTranslation("briefing.covers", day(b.from()), day(b.to()), times.dateTime(b.cutOff(), getLocale()))));
        content.add(head);

        var summary = new UnorderedList();
        b.summary().forEach(s -> summary.add(new ListItem(s)));
        section(getTranslation("briefing.summary"), summary);

        var changes = new Grid<Briefing.StatusChange>();
        changes.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        changes.addComponentColumn(c -> new Anchor(obligation(b, c.obligation()), c.obligation() + " · " + c.title()))
                .setHeader(getTranslation("briefing.obligation")).setFlexGrow(2);
        changes.addColumn(c -> getTranslation("status." + c.status()) + " · " + c.level() + "/3")
                .setHeader(getTranslation("briefing.new-status")).setWidth("12rem").setFlexGrow(0);
        changes.addColumn(c -> times.dateTime(c.effectiveAt(), getLocale())).setHeader(getTranslation("briefing.effective"))
                .setWidth("11rem").setFlexGrow(0);
        changes.addColumn(c -> c.justification()).setHeader(getTranslation("briefing.justification")).setFlexGrow(3);
        changes.addColumn(c -> c.evidence().isEmpty() ? "–" : number(c.evidence().size()))
                .setHeader(getTranslation("briefing.evidence")).setWidth("7rem").setFlexGrow(0);
        changes.setItems(b.statusChanges());
        changes.setAllRowsVisible(true);
        section(getTranslation("briefing.status-changes"),
                b.statusChanges().isEmpty() ? new Span(getTranslation("briefing.no-changes")) : changes);

        var deadlines = new Grid<Briefing.DeadlineLine>();
        deadlines.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        deadlines.addColumn(d -> getTranslation(b.deadlinesPassed().contains(d) ? "briefing.deadline.passed"
                : "briefing.deadline." + d.kind())).setHeader("").setWidth("10rem").setFlexGrow(0);
        deadlines.addColumn(d -> d.obligation() + " · " + d.title()).setHeader(getTranslation("briefing.obligation")).setFlexGrow(3);
        deadlines.addColumn(d -> times.dateTime(d.at(), getLocale())).setHeader(getTranslation("briefing.when")).setWidth("11rem").setFlexGrow(0);
        deadlines.addColumn(d -> getTranslation("timeliness." + d.timeliness())).setHeader(getTranslation("briefing.at-cut-off"))
                .setWidth("12rem").setFlexGrow(0);
        var allDeadlines = new ArrayList<Briefing.DeadlineLine>(b.deadlinesPassed());
        allDeadlines.addAll(b.comingDeadlines());
        deadlines.setItems(allDeadlines);
        deadlines.setAllRowsVisible(true);
        section(getTranslation("briefing.deadlines"), allDeadlines.isEmpty() ? new Span(getTranslation("briefing.no-deadlines")) : deadlines);

        var figures = new Grid<Briefing.Figure>();
        figures.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        figures.addColumn(Briefing.Figure::name).setHeader(getTranslation("briefing.figure")).setFlexGrow(3);
        figures.addColumn(f -> number(f.thisWeek())).setHeader(getTranslation("briefing.this-week")).setAutoWidth(true);
        figures.addColumn(f -> number(f.previousWeek())).setHeader(getTranslation("briefing.previous-week")).setAutoWidth(true);
        figures.addColumn(Briefing.Figure::unit).setHeader(getTranslation("briefing.unit")).setAutoWidth(true);
        figures.setItems(b.figures());
        figures.setAllRowsVisible(true);
        section(getTranslation("briefing.figures"), figures);

        var charts = new Div();
        charts.addClassName("briefing-charts");
        for (var chart : b.charts()) {
            if (chart.empty()) {
                charts.add(new Paragraph(getTranslation("briefing.chart-empty", chart.title())));
                continue;
            }
            var image = new Image((DownloadHandler) event -> {
                event.setContentType("image/png");
                event.getOutputStream().write(drawing.png(chart, b.language(), CHART_WIDTH, CHART_HEIGHT));
            }, chart.title());
            image.setWidth(CHART_WIDTH * 3 / 2 + "px");
            image.setMaxWidth("100%");
            charts.add(image);
        }
        section(getTranslation("briefing.charts"), charts);

        var points = new Grid<Briefing.ObligationLine>();
        points.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        points.addComponentColumn(o -> new Anchor(obligation(b, o.code()), o.code() + " · " + o.title()))
                .setHeader(getTranslation("briefing.obligation")).setFlexGrow(3);
        points.addColumn(o -> getTranslation("status." + o.status())).setHeader(getTranslation("briefing.status")).setWidth("11rem").setFlexGrow(0);
        points.addColumn(o -> o.level() + "/3").setHeader(getTranslation("briefing.level")).setWidth("6rem").setFlexGrow(0);
        points.addColumn(o -> getTranslation("timeliness." + o.timeliness())).setHeader(getTranslation("briefing.timeliness"))
                .setWidth("12rem").setFlexGrow(0);
        points.addColumn(o -> o.changesThisWeek() == 0 ? "–" : number(o.changesThisWeek()))
                .setHeader(getTranslation("briefing.changes")).setWidth("8rem").setFlexGrow(0);
        points.setItems(b.points().stream().flatMap(p -> p.obligations().stream()).toList());
        points.setAllRowsVisible(true);
        section(getTranslation("briefing.points"), points);

        var reports = new Grid<Briefing.ReportLine>();
        reports.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        reports.addColumn(r -> times.dateTime(r.observedAt(), getLocale())).setHeader(getTranslation("dashboard.observed"))
                .setWidth("11rem").setFlexGrow(0);
        reports.addComponentColumn(r -> new Anchor("reports/" + r.id(), r.summary())).setHeader(getTranslation("report.summary"))
                .setFlexGrow(3);
        reports.addColumn(r -> r.source() + " · " + r.grade()).setHeader(getTranslation("report.source")).setFlexGrow(1);
        reports.setItems(b.notableReports());
        reports.setAllRowsVisible(true);
        section(getTranslation("briefing.notable"), b.notableReports().isEmpty() ? new Span(getTranslation("dashboard.none")) : reports);

        var conflicts = new Grid<ClaimRow>();
        conflicts.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        conflicts.addColumn(r -> r.first() ? day(r.conflict().day()) : "").setHeader(getTranslation("dashboard.date"))
                .setWidth("9rem").setFlexGrow(0);
        conflicts.addColumn(r -> r.first() ? r.conflict().subject() + " · " + r.conflict().figure() : "")
                .setHeader(getTranslation("briefing.claim-subject")).setFlexGrow(2);
        conflicts.addColumn(r -> r.claim().source() + " · " + r.claim().grade()).setHeader(getTranslation("report.source")).setFlexGrow(2);
        conflicts.addColumn(r -> r.claim().value()).setHeader(getTranslation("briefing.claim")).setWidth("8rem").setFlexGrow(0);
        conflicts.addComponentColumn(r -> new Anchor("reports/" + r.claim().reports().getFirst(),
                r.claim().reports().size() == 1 ? getTranslation("briefing.report")
                        : getTranslation("briefing.reports-n", number(r.claim().reports().size()))))
                .setHeader(getTranslation("briefing.evidence")).setWidth("9rem").setFlexGrow(0);
        var rows = new ArrayList<ClaimRow>();
        for (var c : b.conflicts().subList(0, Math.min(b.conflicts().size(), Briefing.CONFLICTS_ON_PAPER))) {
            for (int i = 0; i < c.claims().size(); i++) {
                rows.add(new ClaimRow(c, c.claims().get(i), i == 0));
            }
        }
        conflicts.setItems(rows);
        conflicts.setAllRowsVisible(true);
        var intro = new Paragraph(b.conflicts().size() > Briefing.CONFLICTS_ON_PAPER
                ? getTranslation("briefing.conflicts-first", Briefing.CONFLICTS_ON_PAPER, number(b.conflicts().size()))
                : getTranslation("briefing.conflicts-help"));
        section(getTranslation("briefing.conflicts"), b.conflicts().isEmpty() ? new Span(getTranslation("dashboard.none"))
                : new Div(intro, conflicts));
    }

    /** The obligation's page. */
    private static String obligation(Briefing b, String code) {
        return "agreements/" + b.agreement() + "/obligations/" + code;
    }

    /** A source's claim in the annex, the first of its conflict carrying the day and subject. */
    private record ClaimRow(Briefing.Conflict conflict, Briefing.Claim claim, boolean first) {}

    /** Charts are drawn at this size in points and shown half as large again, so that their text reads on a screen. */
    static final int CHART_WIDTH = 480;
    static final int CHART_HEIGHT = 210;

    private Anchor download(String label, String extension, String type, Writer writer) {
        return download(label, extension, type, writer, week.getValue());
    }

    private Anchor download(String label, String extension, String type, Writer writer, @Nullable IsoWeek w) {
        var name = "briefing-" + (w == null ? "week" : w.label()) + "." + extension;
        var anchor = new Anchor((DownloadHandler) event -> {
            event.setFileName(name);
            event.setContentType(type);
            writer.write(event.getOutputStream());
        }, "");
        var button = new Button(label);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        anchor.add(button);
        anchor.getElement().setAttribute("download", true);
        anchor.addClassName("briefing-download-" + extension);
        return anchor;
    }

    private void section(String title, com.vaadin.flow.component.Component body) {
        var div = new Div();
        div.addClassName("dashboard-section");
        div.add(new H3(title), body);
        content.add(div);
    }

    private String day(LocalDate day) {
        return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM).withLocale(getLocale()).format(day);
    }

    private String number(long n) {
        return java.text.NumberFormat.getIntegerInstance(getLocale()).format(n);
    }

    @FunctionalInterface
    interface Writer {
        void write(java.io.OutputStream out) throws java.io.IOException;
    }
}
