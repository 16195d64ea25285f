package org.ceasefire.ccm.dashboard.ui;

import static org.ceasefire.ccm.dashboard.ui.ChartJson.arr;
import static org.ceasefire.ccm.dashboard.ui.ChartJson.obj;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
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
import org.ceasefire.ccm.dashboard.ReturnsDashboard;

/** Returns and departures over time, one series per source and basis, side by side and never added up. */
@Route("dashboards/refugee-returns")
@PermitAll
class ReturnsView extends DashboardView {

    final EChart chart = new EChart();
    final Grid<ReturnsDashboard.Series> sources = new Grid<>();
    List<ReturnsDashboard.Series> shown = List.of();

    ReturnsView(DashboardService dashboards, DashboardNotifier notifier, TimeFormats times) {
        super("refugee-returns", "dashboard.returns", dashboards, notifier, times);
        DashboardNav.add(this, "refugee-returns");
        chart.addClickListener(e -> {
            if (e.seriesIndex() < 0 || e.seriesIndex() >= shown.size()) {
                return;
            }
            var series = shown.get(e.seriesIndex());
            if (e.dataIndex() < 0 || e.dataIndex() >= series.points().size()) {
                return;
            }
            var point = series.points().get(e.dataIndex());
            drillDown(getTranslation("dashboard.returns.point", series.source(), day(point.date())), point.date(), null,
                    Map.of("source", series.source(), "basis", series.basis()));
        });
    }

    @Override
    protected void show(DashboardQuery q) {
        var r = dashboards.returns(q);
        shown = r.series();
        var tiles = tiles();
        tile(tiles, getTranslation("dashboard.returns.event-total"), number(r.eventTotal()), null);
        tile(tiles, getTranslation("dashboard.returns.event-returns"), number(r.eventReturns()), null);
        tile(tiles, getTranslation("dashboard.returns.event-departures"), number(r.eventDepartures()), null);
        tile(tiles, getTranslation("dashboard.returns.sources"), number(r.series().size()), null);

        chart.setOption(ChartJson.json(chart(r)));
        chart.setHeight("400px");
        section(getTranslation("dashboard.returns.over-time"), r.series().isEmpty()
                ? new Span(getTranslation("dashboard.no-reports")) : chart);

        sources.removeAllColumns();
        sources.addThemeVariants(GridVariant.LUMO_COMPACT);
        sources.addColumn(ReturnsDashboard.Series::source).setHeader(getTranslation("report.source")).setFlexGrow(2);
        sources.addColumn(s -> getTranslation("details.basis." + s.basis())).setHeader(getTranslation("dashboard.basis")).setAutoWidth(true);
        sources.addColumn(s -> s.points().isEmpty() ? "–" : day(s.points().getLast().date())).setHeader(getTranslation("dashboard.returns.last-day"))
                .setAutoWidth(true);
        sources.addColumn(s -> s.points().isEmpty() ? "–" : number(s.points().getLast().persons()))
                .setHeader(getTranslation("dashboard.returns.last-figure")).setAutoWidth(true);
        sources.addColumn(s -> number(s.points().stream().mapToLong(ReturnsDashboard.Point::reports).sum()))
                .setHeader(getTranslation("dashboard.reports")).setAutoWidth(true);
        sources.addColumn(s -> number(s.points().stream().mapToLong(ReturnsDashboard.Point::unverifiedReports).sum()))
                .setHeader(getTranslation("dashboard.unverified")).setAutoWidth(true);
        sources.setItems(r.series());
        sources.setAllRowsVisible(true);
        sources.addItemClickListener(e -> drillDown(getTranslation("dashboard.returns.series", e.getItem().source()), null, null,
                Map.of("source", e.getItem().source(), "basis", e.getItem().basis())));
        section(getTranslation("dashboard.returns.by-source"), r.series().isEmpty() ? new Span(getTranslation("dashboard.no-reports")) : sources);
    }

    private Map<String, Object> chart(ReturnsDashboard r) {
        var option = ChartJson.frame(getTranslation("dashboard.returns.chart-title"), getTranslation("dashboard.returns.chart-sub",
                times.zoneLabel()));
        option.put("xAxis", ChartJson.timeAxis(getTranslation("dashboard.axis.date"), r.period()));
        option.put("yAxis", ChartJson.valueAxis(getTranslation("dashboard.axis.persons")));
        var series = new ArrayList<Object>();
        for (var s : r.series()) {
            var data = new ArrayList<Object>();
            for (var p : s.points()) {
                data.add(p.unverifiedReports() > 0
                        ? obj("value", arr(p.date().toString(), p.persons()), "itemStyle", obj("borderType", "dashed", "opacity", 0.6))
                        : arr(p.date().toString(), p.persons()));
            }
            var event = "EVENT".equals(s.basis());
            series.add(obj("name", s.source() + " · " + getTranslation("details.basis." + s.basis()), "type", event ? "bar" : "line",
                    "showSymbol", true, "symbolSize", 6, "sampling", "lttb", "data", data,
                    "lineStyle", obj("type", event ? "solid" : "solid", "width", 2)));
        }
        option.put("series", series);
        option.put("dataZoom", ChartJson.zoom());
        return option;
    }
}
