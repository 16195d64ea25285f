package org.ceasefire.ccm.dashboard.ui;

import static org.ceasefire.ccm.dashboard.ui.ChartJson.arr;
import static org.ceasefire.ccm.dashboard.ui.ChartJson.obj;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ceasefire.ccm.base.TimeFormats;
import org.ceasefire.ccm.base.ui.EChart;
import org.ceasefire.ccm.dashboard.DashboardNotifier;
import org.ceasefire.ccm.dashboard.DashboardQuery;
import org.ceasefire.ccm.dashboard.DashboardService;
import org.ceasefire.ccm.dashboard.ExchangesDashboard;
import org.jspecify.annotations.Nullable;

/** The ledger of exchanges, totals per receiving side and category, and their growth over time. */
@Route("dashboards/prisoner-exchanges")
@PermitAll
class ExchangesView extends DashboardView {

    static final List<String> CATEGORIES = List.of("prisonersOfWar", "civilians", "bodies");

    final EChart totals = new EChart();
    final EChart cumulative = new EChart();
    final Grid<ExchangesDashboard.Exchange> ledger = new Grid<>();
    @Nullable ExchangesDashboard shown;

    ExchangesView(DashboardService dashboards, DashboardNotifier notifier, TimeFormats times) {
        super("prisoner-exchanges", "dashboard.exchanges", dashboards, notifier, times);
        DashboardNav.add(this, "prisoner-exchanges");
        totals.addClickListener(e -> drillDown(getTranslation("dashboard.exchanges.received-by", e.seriesName()), null, null,
                Map.of("receivedBy", side(e.seriesName()))));
        cumulative.addClickListener(e -> {
            var date = clickedDay(e);
            drillDown(getTranslation("dashboard.exchanges.on", day(date)), date, null, Map.of("receivedBy", side(e.seriesName())));
        });
    }

    /** Series are named by side code first ("AM · ..."), so the code leads the name. */
    private static String side(String seriesName) {
        var i = seriesName.indexOf(' ');
        return i < 0 ? seriesName : seriesName.substring(0, i);
    }

    @Override
    protected void show(DashboardQuery q) {
        var x = dashboards.exchanges(q);
        shown = x;
        var tiles = tiles();
        for (var t : x.totals()) {
            tile(tiles, getTranslation("dashboard.exchanges.tile", t.receivedBy()),
                    getTranslation("dashboard.exchanges.tile-value", number(t.prisonersOfWar()), number(t.civilians()), number(t.bodies())),
                    () -> drillDown(getTranslation("dashboard.exchanges.received-by", t.receivedBy()), null, null,
                            Map.of("receivedBy", t.receivedBy())));
        }
        tile(tiles, getTranslation("dashboard.exchanges.count"), number(x.exchangeCount()), null);
        if (q.includeUnverified()) {
            tile(tiles, getTranslation("dashboard.unverified-counted"),
                    number(x.totals().stream().mapToLong(ExchangesDashboard.Total::unverifiedReports).sum()), null).addClassName("unverified");
        }

        totals.setOption(ChartJson.json(totalsChart(x)));
        totals.setHeight("320px");
        cumulative.setOption(ChartJson.json(cumulativeChart(x)));
        cumulative.setHeight("360px");
        var charts = new com.vaadin.flow.component.html.Div(totals, cumulative);
        charts.addClassName("chart-pair");
        section(getTranslation("dashboard.exchanges.asymmetry"), x.totals().isEmpty()
                ? new Span(getTranslation("dashboard.no-reports")) : charts);

        ledger.removeAllColumns();
        ledger.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        ledger.addColumn(e -> day(e.date())).setHeader(getTranslation("dashboard.date")).setAutoWidth(true).setFlexGrow(0);
        ledger.addColumn(e -> e.releasedBy() + " → " + e.receivedBy()).setHeader(getTranslation("dashboard.exchanges.direction"))
                .setAutoWidth(true).setFlexGrow(0);
        ledger.addColumn(e -> count(e.prisonersOfWar())).setHeader(getTranslation("dashboard.exchanges.pow")).setAutoWidth(true).setFlexGrow(0);
        ledger.addColumn(e -> count(e.civilians())).setHeader(getTranslation("dashboard.exchanges.civilians")).setAutoWidth(true).setFlexGrow(0);
        ledger.addColumn(e -> count(e.bodies())).setHeader(getTranslation("dashboard.exchanges.bodies")).setAutoWidth(true).setFlexGrow(0);
        ledger.addColumn(e -> e.mediator() == null ? "–" : e.mediator()).setHeader(getTranslation("dashboard.exchanges.mediator"))
                .setAutoWidth(true).setFlexGrow(0);
        ledger.addColumn(e -> getTranslation("details.basis." + e.basis())).setHeader(getTranslation("dashboard.basis")).setAutoWidth(true).setFlexGrow(0);
        ledger.addComponentColumn(e -> new Anchor("reports/" + e.reportId(), e.source() + " · " + e.grade()))
                .setHeader(getTranslation("report.source"));
        ledger.addComponentColumn(e -> verifiedBadge(e.verified())).setHeader(getTranslation("dashboard.review")).setAutoWidth(true).setFlexGrow(0);
        ledger.setItems(x.exchanges());
        ledger.setAllRowsVisible(x.exchanges().size() <= 20);
        var heading = x.exchangeCount() > x.exchanges().size()
                ? getTranslation("dashboard.exchanges.ledger-first", x.exchanges().size(), number(x.exchangeCount()))
                : getTranslation("dashboard.exchanges.ledger");
        section(heading, x.exchanges().isEmpty() ? new Span(getTranslation("dashboard.no-reports")) : ledger);
    }

    private String count(@Nullable Long n) {
        return n == null ? "–" : number(n);
    }

    private Map<String, Object> totalsChart(ExchangesDashboard x) {
        var option = ChartJson.frame(getTranslation("dashboard.exchanges.totals-title"), getTranslation("dashboard.exchanges.totals-sub"));
        option.put("tooltip", obj("trigger", "axis", "axisPointer", obj("type", "shadow"), "confine", true));
        option.put("xAxis", ChartJson.categoryAxis(getTranslation("dashboard.exchanges.category"),
                CATEGORIES.stream().map(c -> getTranslation("dashboard.exchanges." + c)).toList()));
        option.put("yAxis", ChartJson.valueAxis(getTranslation("dashboard.axis.persons")));
        var series = new ArrayList<Object>();
        for (var t : x.totals()) {
            series.add(obj("name", t.receivedBy() + " · " + getTranslation("dashboard.exchanges.received"), "type", "bar",
                    "label", obj("show", true, "position", "top"),
                    "data", arr(t.prisonersOfWar(), t.civilians(), t.bodies())));
        }
        option.put("series", series);
        return option;
    }

    private Map<String, Object> cumulativeChart(ExchangesDashboard x) {
        var option = ChartJson.frame(getTranslation("dashboard.exchanges.cumulative-title"), getTranslation("dashboard.zone", times.zoneLabel()));
        option.put("xAxis", ChartJson.timeAxis(getTranslation("dashboard.axis.date"), x.period()));
        option.put("yAxis", ChartJson.valueAxis(getTranslation("dashboard.axis.persons")));
        var lines = new TreeMap<String, List<Object>>();
        for (var c : x.cumulative()) {
            long[] values = {c.prisonersOfWar(), c.civilians(), c.bodies()};
            for (int i = 0; i < CATEGORIES.size(); i++) {
                lines.computeIfAbsent(c.receivedBy() + " · " + getTranslation("dashboard.exchanges." + CATEGORIES.get(i)),
                        k -> new ArrayList<>()).add(arr(c.date().toString(), values[i]));
            }
        }
        var series = new ArrayList<Object>();
        lines.forEach((name, data) -> {
            // a running total starts at 0 when the period starts and holds its last value to the period's end
            var last = (List<?>) data.getLast();
            if (((Number) last.get(1)).longValue() == 0) {
                return; // a category this side never received: the bar chart shows the zero
            }
            var steps = new ArrayList<Object>();
            steps.add(arr(x.period().from().toString(), 0));
            steps.addAll(data);
            steps.add(arr(x.period().to().toString(), last.get(1)));
            series.add(obj("name", name, "type", "line", "step", "end", "showSymbol", true, "data", steps));
        });
        option.put("series", series);
        option.put("dataZoom", ChartJson.zoom());
        return option;
    }
}
