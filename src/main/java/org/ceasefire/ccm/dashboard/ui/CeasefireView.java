package org.ceasefire.ccm.dashboard.ui;

import static org.ceasefire.ccm.dashboard.ui.ChartJson.obj;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.ceasefire.ccm.base.TimeFormats;
import org.ceasefire.ccm.base.ui.EChart;
import org.ceasefire.ccm.dashboard.CeasefireDashboard;
import org.ceasefire.ccm.dashboard.DashboardNotifier;
import org.ceasefire.ccm.dashboard.DashboardQuery;
import org.ceasefire.ccm.dashboard.DashboardService;
import org.jspecify.annotations.Nullable;

/** Incidents over time by alleged violator, with who alleged, who denied and how it was assessed. */
@Route("dashboards/ceasefire")
@PermitAll
class CeasefireView extends DashboardView {

    final EChart chart = new EChart();
    final Grid<CeasefireDashboard.Incident> incidents = new Grid<>();
    @Nullable CeasefireDashboard shown;
    private List<String> weeks = List.of();

    CeasefireView(DashboardService dashboards, DashboardNotifier notifier, TimeFormats times) {
        super("ceasefire", "dashboard.ceasefire", dashboards, notifier, times);
        DashboardNav.add(this, "ceasefire");
        chart.addClickListener(e -> {
            var week = e.name();
            var party = e.seriesName().contains(" ") ? e.seriesName().substring(0, e.seriesName().indexOf(' ')) : e.seriesName();
            drillDown(getTranslation("dashboard.ceasefire.week", week, e.seriesName()), null, week, Map.of("allegedAgainst", party));
        });
    }

    @Override
    protected void show(DashboardQuery q) {
        var c = dashboards.ceasefire(q);
        shown = c;
        var t = c.totals();
        var tiles = tiles();
        tile(tiles, getTranslation("dashboard.ceasefire.incidents"), number(t.incidents()), null);
        c.byAllegedAgainst().forEach((party, n) -> tile(tiles, getTranslation("dashboard.ceasefire.against", party), number(n),
                () -> drillDown(getTranslation("dashboard.ceasefire.against", party), null, null, Map.of("allegedAgainst", party))));
        tile(tiles, getTranslation("dashboard.ceasefire.denied"), number(t.denied()), null);
        tile(tiles, getTranslation("dashboard.ceasefire.confirmed"), number(t.confirmed()), null);
        tile(tiles, getTranslation("dashboard.ceasefire.refuted"), number(t.refuted()), null);
        if (q.includeUnverified()) {
            tile(tiles, getTranslation("dashboard.unverified-counted"), number(t.unverifiedReports()), null).addClassName("unverified");
        }
        tile(tiles, getTranslation("dashboard.ceasefire.casualties"), getTranslation("dashboard.ceasefire.casualties-value",
                number(t.killed()), number(t.wounded())), null);

        chart.setOption(ChartJson.json(chart(c)));
        chart.setHeight("380px");
        section(getTranslation("dashboard.ceasefire.over-time"), c.incidentCount() == 0
                ? new Span(getTranslation("dashboard.no-reports")) : chart);

        incidents.removeAllColumns();
        incidents.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        incidents.addColumn(i -> instant(i.observedAt()) + (i.location() == null ? "" : " · " + i.location()))
                .setHeader(getTranslation("dashboard.observed")).setWidth("11rem").setFlexGrow(0);
        incidents.addColumn(i -> getTranslation("dashboard.ceasefire.allegation", i.allegedBy(),
                i.allegedAgainst() == null ? "?" : i.allegedAgainst())).setHeader(getTranslation("dashboard.ceasefire.alleged"))
                .setWidth("8rem").setFlexGrow(0);
        incidents.addColumn(i -> i.deniedBy() == null ? "–" : i.deniedBy()).setHeader(getTranslation("dashboard.ceasefire.denied-by"))
                .setWidth("6rem").setFlexGrow(0);
        incidents.addColumn(i -> i.assessment() == null ? "–" : getTranslation("details.assessment." + i.assessment())
                + (i.assessedBy() == null ? "" : " (" + i.assessedBy() + ")")).setHeader(getTranslation("dashboard.ceasefire.assessment"))
                .setWidth("9rem").setFlexGrow(0);
        incidents.addColumn(i -> (i.killed() == null ? "–" : number(i.killed())) + " / " + (i.wounded() == null ? "–" : number(i.wounded())))
                .setHeader(getTranslation("dashboard.ceasefire.killed-wounded")).setWidth("7rem").setFlexGrow(0);
        incidents.addComponentColumn(i -> new Anchor("reports/" + i.reportId(), i.summary())).setHeader(getTranslation("report.summary")).setWidth("14rem").setFlexGrow(3);
        incidents.addColumn(i -> i.source() + " · " + i.grade()).setHeader(getTranslation("report.source")).setWidth("9rem").setFlexGrow(1);
        incidents.addComponentColumn(i -> verifiedBadge(i.verified())).setHeader(getTranslation("dashboard.review")).setAutoWidth(true).setFlexGrow(0);
        incidents.setItems(c.incidents());
        incidents.setAllRowsVisible(c.incidents().size() <= 20);
        var heading = c.incidentCount() > c.incidents().size()
                ? getTranslation("dashboard.ceasefire.latest", c.incidents().size(), number(c.incidentCount()))
                : getTranslation("dashboard.ceasefire.list");
        section(heading, c.incidents().isEmpty() ? new Span(getTranslation("dashboard.no-reports")) : incidents);
    }

    private Map<String, Object> chart(CeasefireDashboard c) {
        var option = ChartJson.frame(getTranslation("dashboard.ceasefire.chart-title"), getTranslation("dashboard.ceasefire.chart-sub",
                times.zoneLabel()));
        option.put("tooltip", obj("trigger", "axis", "axisPointer", obj("type", "shadow"), "confine", true));
        // every week of the period, so that quiet weeks show as quiet rather than vanish
        var all = new ArrayList<String>();
        var last = c.period().asOf() != null && c.period().asOf().atZone(zone()).toLocalDate().isBefore(c.period().to())
                ? c.period().asOf().atZone(zone()).toLocalDate() : c.period().to();
        for (var d = c.period().from(); !d.isAfter(last); d = d.plusWeeks(1)) {
            all.add(DashboardService.isoWeek(d));
        }
        if (!all.contains(DashboardService.isoWeek(last))) {
            all.add(DashboardService.isoWeek(last));
        }
        weeks = all;
        var parties = new TreeSet<String>();
        c.byWeekAndParty().forEach(w -> parties.add(w.allegedAgainst()));
        var index = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < weeks.size(); i++) {
            index.put(weeks.get(i), i);
        }
        var series = new ArrayList<Object>();
        for (var party : parties) {
            var data = new ArrayList<Object>();
            for (int i = 0; i < weeks.size(); i++) {
                data.add(0);
            }
            c.byWeekAndParty().stream().filter(w -> w.allegedAgainst().equals(party) && index.containsKey(w.week())).forEach(w -> data.set(index.get(w.week()), w.count()));
            series.add(obj("name", party + " · " + getTranslation("dashboard.ceasefire.alleged-violator"), "type", "bar",
                    "stack", "incidents", "barMaxWidth", 24, "data", data));
        }
        option.put("xAxis", ChartJson.categoryAxis(getTranslation("dashboard.axis.iso-week"), weeks));
        option.put("yAxis", ChartJson.valueAxis(getTranslation("dashboard.axis.incidents")));
        option.put("series", series);
        option.put("dataZoom", ChartJson.zoom());
        return option;
    }
}
