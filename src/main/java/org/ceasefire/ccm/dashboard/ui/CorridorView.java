package org.ceasefire.ccm.dashboard.ui;

import static org.ceasefire.ccm.dashboard.ui.ChartJson.arr;
import static org.ceasefire.ccm.dashboard.ui.ChartJson.obj;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ceasefire.ccm.base.TimeFormats;
import org.ceasefire.ccm.base.ui.EChart;
import org.ceasefire.ccm.dashboard.ChartColours;
import org.ceasefire.ccm.dashboard.CorridorDashboard;
import org.ceasefire.ccm.dashboard.DashboardNotifier;
import org.ceasefire.ccm.dashboard.DashboardQuery;
import org.ceasefire.ccm.dashboard.DashboardService;

/** Per corridor: traffic per day and direction, open, restricted or closed, the current closure and the longest. */
@Route("dashboards/corridor-traffic")
@PermitAll
class CorridorView extends DashboardView {

    static final List<String> DIRECTIONS = List.of("TO_KARABAKH", "TO_ARMENIA", "BOTH", "NONE");

    final Map<String, EChart> charts = new HashMap<>();
    List<CorridorDashboard.Corridor> shown = List.of();

    CorridorView(DashboardService dashboards, DashboardNotifier notifier, TimeFormats times) {
        super("corridor-traffic", "dashboard.corridors", dashboards, notifier, times);
        DashboardNav.add(this, "corridor-traffic");
    }

    @Override
    protected void show(DashboardQuery q) {
        var c = dashboards.corridors(q);
        shown = c.corridors();
        for (var corridor : c.corridors()) {
            var name = getTranslation("details.corridor." + corridor.corridor());
            if (corridor.days().isEmpty() && corridor.currentState() == null) {
                section(name, new com.vaadin.flow.component.html.Span(getTranslation("dashboard.no-reports")));
                continue;
            }
            var tiles = tiles();
            tiles.addClassName("corridor-tiles");
            var state = corridor.currentState();
            tile(tiles, getTranslation("dashboard.corridors.state", name), state == null ? getTranslation("dashboard.no-reports")
                    : getTranslation("details.state." + state), null).addClassName(state == null ? "state-none" : "state-" + OverviewView.css(state));
            tile(tiles, getTranslation("dashboard.corridors.closed-since"), corridor.closedSince() == null ? "–" : day(corridor.closedSince()), null);
            var longest = corridor.longestClosure();
            tile(tiles, getTranslation("dashboard.corridors.longest"), longest == null ? "–"
                    : getTranslation("dashboard.corridors.closure", number(longest.days()), day(longest.from()),
                            longest.ongoing() ? getTranslation("dashboard.corridors.ongoing") : day(longest.to())), null);
            tile(tiles, getTranslation("dashboard.corridors.days"), getTranslation("dashboard.corridors.days-value",
                    number(corridor.daysOpen()), number(corridor.daysRestricted()), number(corridor.daysClosed())), null);

            var chart = charts.computeIfAbsent(corridor.corridor(), k -> {
                var ch = new EChart();
                ch.addClickListener(e -> {
                    var date = clickedDay(e);
                    drillDown(getTranslation("dashboard.corridors.on", getTranslation("details.corridor." + k), day(date)), date, null,
                            Map.of("corridor", k));
                });
                return ch;
            });
            chart.setOption(ChartJson.json(chart(corridor, name, c.period())));
            chart.setHeight("380px");
            var closures = new Grid<CorridorDashboard.Closure>();
            closures.addThemeVariants(GridVariant.LUMO_COMPACT);
            closures.addColumn(x -> day(x.from())).setHeader(getTranslation("dashboard.corridors.closed-from"));
            closures.addColumn(x -> x.ongoing() ? getTranslation("dashboard.corridors.ongoing") : day(x.to()))
                    .setHeader(getTranslation("dashboard.corridors.closed-to"));
            closures.addColumn(x -> number(x.days())).setHeader(getTranslation("dashboard.corridors.closed-days"));
            closures.setItems(corridor.closures().reversed());
            closures.setAllRowsVisible(corridor.closures().size() <= 8);
            if (corridor.days().isEmpty()) {
                section(name, tiles, new com.vaadin.flow.component.html.Span(getTranslation("dashboard.corridors.no-days")));
            } else if (corridor.closures().isEmpty()) {
                section(name, tiles, chart);
            } else {
                section(name, tiles, chart, new com.vaadin.flow.component.html.H4(getTranslation("dashboard.corridors.closures")), closures);
            }
        }
    }

    private Map<String, Object> chart(CorridorDashboard.Corridor corridor, String name, org.ceasefire.ccm.dashboard.Period period) {
        var option = ChartJson.frame(getTranslation("dashboard.corridors.chart-title", name),
                getTranslation("dashboard.corridors.chart-sub", times.zoneLabel()));
        option.put("tooltip", obj("trigger", "axis", "axisPointer", obj("type", "shadow"), "confine", true));
        option.put("xAxis", ChartJson.timeAxis(getTranslation("dashboard.axis.date"), period));
        option.put("yAxis", ChartJson.valueAxis(getTranslation("dashboard.axis.vehicles")));
        var series = new ArrayList<Object>();
        for (var direction : DIRECTIONS) {
            var data = new ArrayList<Object>();
            for (var d : corridor.days()) {
                for (var x : d.directions()) {
                    if (x.direction().equals(direction) && x.vehicles() > 0) {
                        data.add(arr(d.date().toString(), x.vehicles()));
                    }
                }
            }
            if (!data.isEmpty() || !"NONE".equals(direction)) {
                series.add(obj("name", getTranslation("details.direction." + direction), "type", "bar", "stack", "vehicles",
                        "barMaxWidth", 18, "data", data, "color", ChartColours.DIRECTIONS.get(direction)));
            }
        }
        // the state of each day with reports, as a strip along the bottom; closures shaded over the whole chart
        var states = new ArrayList<Object>();
        for (var d : corridor.days()) {
            states.add(obj("value", arr(d.date().toString(), 0), "itemStyle", obj("color", ChartColours.state(d.state())),
                    "name", getTranslation("details.state." + d.state())));
        }
        var areas = new ArrayList<Object>();
        for (var c : corridor.closures()) {
            areas.add(arr(obj("xAxis", c.from().toString(), "name", getTranslation("details.state.CLOSED")),
                    obj("xAxis", c.to().plusDays(1).toString())));
        }
        series.add(obj("name", getTranslation("dashboard.corridors.state-series"), "type", "scatter", "symbol", "rect",
                "symbolSize", arr(6, 10), "data", states, "color", ChartJson.OPEN,
                "markArea", obj("silent", true, "itemStyle", obj("color", "rgba(213,94,0,0.12)"), "label", obj("color", ChartJson.CLOSED),
                        "data", areas)));
        option.put("series", series);
        option.put("dataZoom", ChartJson.zoom());
        return option;
    }

}
