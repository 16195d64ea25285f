package org.ceasefire.ccm.dashboard.ui;

import static org.ceasefire.ccm.dashboard.ui.ChartJson.arr;
import static org.ceasefire.ccm.dashboard.ui.ChartJson.obj;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ceasefire.ccm.base.TimeFormats;
import org.ceasefire.ccm.base.ui.EChart;
import org.ceasefire.ccm.dashboard.DashboardNotifier;
import org.ceasefire.ccm.dashboard.DashboardQuery;
import org.ceasefire.ccm.dashboard.DashboardService;
import org.ceasefire.ccm.dashboard.OverviewDashboard;
import org.ceasefire.ccm.dashboard.ReportRef;
import org.jspecify.annotations.Nullable;

/** Every obligation at a glance: status, level, timeliness and deadlines, what falls due next, the latest reports. */
@Route("dashboards")
@Menu(title = "nav.dashboards", order = 3, icon = "vaadin:dashboard")
@PermitAll
class OverviewView extends DashboardView {

    final EChart timeline = new EChart();
    final Grid<OverviewDashboard.ObligationRow> obligations = new Grid<>();
    @Nullable OverviewDashboard shown;

    OverviewView(DashboardService dashboards, DashboardNotifier notifier, TimeFormats times) {
        super("overview", "dashboard.overview", dashboards, notifier, times);
        DashboardNav.add(this, "overview");
    }

    @Override
    protected void show(DashboardQuery q) {
        var o = dashboards.overview(q);
        shown = o;
        var status = tiles();
        status.addClassName("status-tiles");
        o.byStatus().forEach((s, n) -> {
            if (n > 0) {
                tile(status, getTranslation("status." + s), number(n), null).addClassName("status-" + css(s));
            }
        });
        var timeliness = tiles();
        o.byTimeliness().forEach((t, n) -> {
            if (n > 0) {
                tile(timeliness, getTranslation("timeliness." + t), number(n), null).addClassName("timeliness-" + css(t));
            }
        });
        timeline.setOption(ChartJson.json(deadlineTimeline(o)));
        timeline.setHeight("340px");
        section(getTranslation("dashboard.deadlines"), timeline);

        obligations.removeAllColumns();
        obligations.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        obligations.addComponentColumn(r -> new Anchor("agreements/" + DashboardQuery.DEFAULT_AGREEMENT + "/obligations/"
                + r.code(), r.code())).setHeader(getTranslation("dashboard.code")).setAutoWidth(true).setFlexGrow(0);
        obligations.addColumn(OverviewDashboard.ObligationRow::title).setHeader(getTranslation("dashboard.obligation")).setFlexGrow(3);
        obligations.addComponentColumn(r -> badge("status." + r.status(), "status status-" + css(r.status())))
                .setHeader(getTranslation("dashboard.status")).setAutoWidth(true).setFlexGrow(0);
        obligations.addColumn(r -> r.implementationLevel() + "/3").setHeader(getTranslation("dashboard.level"))
                .setAutoWidth(true).setFlexGrow(0);
        obligations.addComponentColumn(r -> badge("timeliness." + r.timeliness(), "timeliness timeliness-" + css(r.timeliness())))
                .setHeader(getTranslation("dashboard.timeliness")).setAutoWidth(true).setFlexGrow(0);
        obligations.addColumn(r -> r.dueAt() != null ? instant(r.dueAt()) : r.termEndsAt() != null
                ? getTranslation("dashboard.term-ends", instant(r.termEndsAt())) : "").setHeader(getTranslation("dashboard.due"))
                .setAutoWidth(true);
        obligations.setItems(o.obligations());
        obligations.setAllRowsVisible(true);
        section(getTranslation("dashboard.obligations", o.obligations().size()), obligations);

        var upcoming = new Grid<OverviewDashboard.Upcoming>();
        upcoming.addThemeVariants(GridVariant.LUMO_COMPACT);
        upcoming.addColumn(u -> instant(u.at())).setHeader(getTranslation("dashboard.when")).setAutoWidth(true).setFlexGrow(0);
        upcoming.addColumn(u -> getTranslation("dashboard.upcoming." + u.kind())).setHeader(getTranslation("dashboard.what"))
                .setAutoWidth(true).setFlexGrow(0);
        upcoming.addColumn(u -> u.code() + " · " + u.title()).setHeader(getTranslation("dashboard.obligation"));
        upcoming.setItems(o.upcoming());
        upcoming.setAllRowsVisible(true);
        section(getTranslation("dashboard.upcoming"), o.upcoming().isEmpty() ? new Span(getTranslation("dashboard.none"))
                : upcoming);

        var latest = new Grid<ReportRef>();
        latest.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        latest.addColumn(r -> instant(r.observedAt())).setHeader(getTranslation("dashboard.observed")).setAutoWidth(true).setFlexGrow(0);
        latest.addColumn(r -> getTranslation("area." + r.area())).setHeader(getTranslation("report.area")).setAutoWidth(true).setFlexGrow(0);
        latest.addComponentColumn(r -> new Anchor("reports/" + r.reportId(), r.summary())).setHeader(getTranslation("report.summary")).setFlexGrow(3);
        latest.addColumn(r -> r.source() + " · " + r.grade()).setHeader(getTranslation("report.source")).setFlexGrow(1);
        latest.addComponentColumn(r -> verifiedBadge(r.verified())).setHeader(getTranslation("dashboard.review")).setAutoWidth(true).setFlexGrow(0);
        latest.setItems(o.latestReports());
        latest.setAllRowsVisible(true);
        section(getTranslation("dashboard.latest-reports"), o.latestReports().isEmpty()
                ? new Span(getTranslation("dashboard.no-reports")) : latest);
    }

    /** Original and amended deadlines and completions of the obligations that have deadlines, on one time axis. */
    private Map<String, Object> deadlineTimeline(OverviewDashboard o) {
        var categories = new ArrayList<String>();
        var original = new ArrayList<Object>();
        var amended = new ArrayList<Object>();
        var met = new ArrayList<Object>();
        for (var r : o.obligations()) {
            if (r.originalDueAt() == null && r.termEndsAt() == null) {
                continue;
            }
            var label = r.code() + " · " + abbreviate(r.title(), 38);
            categories.add(label);
            var originalAt = r.originalDueAt() != null ? r.originalDueAt() : r.termEndsAt();
            original.add(arr(originalAt.toString(), label));
            if (r.dueAt() != null && !r.dueAt().equals(r.originalDueAt())) {
                amended.add(arr(r.dueAt().toString(), label));
            }
            if (r.completedAt() != null) {
                met.add(arr(r.completedAt().toString(), label));
            }
        }
        var option = ChartJson.frame(getTranslation("dashboard.deadlines.title"), getTranslation("dashboard.zone", times.zoneLabel()));
        option.put("tooltip", obj("trigger", "item", "confine", true));
        option.put("xAxis", ChartJson.timeAxis(getTranslation("dashboard.axis.date")));
        option.put("yAxis", obj("type", "category", "data", categories, "axisLabel", obj("width", 260, "overflow", "truncate")));
        option.put("series", arr(
                obj("name", getTranslation("dashboard.original-deadline"), "type", "scatter", "symbol", "diamond", "symbolSize", 14, "data", original),
                obj("name", getTranslation("dashboard.amended-deadline"), "type", "scatter", "symbol", "triangle", "symbolSize", 14, "data", amended),
                obj("name", getTranslation("dashboard.met"), "type", "scatter", "symbol", "circle", "symbolSize", 12, "data", met)));
        option.put("dataZoom", arr(obj("type", "inside")));
        return option;
    }

    private Span badge(String key, String classes) {
        var span = new Span(getTranslation(key));
        span.setClassName("badge " + classes);
        return span;
    }

    static String css(String constant) {
        return constant.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
