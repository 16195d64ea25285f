package org.ceasefire.ccm.dashboard.ui;

import static org.ceasefire.ccm.dashboard.ui.ChartJson.arr;
import static org.ceasefire.ccm.dashboard.ui.ChartJson.obj;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import org.ceasefire.ccm.dashboard.WithdrawalsDashboard;

/** Each district handover against its original and amended deadline, and when it was completed. */
@Route("dashboards/withdrawals")
@PermitAll
class WithdrawalsView extends DashboardView {

    final EChart timeline = new EChart();
    final Grid<WithdrawalsDashboard.District> districts = new Grid<>();
    List<WithdrawalsDashboard.District> shown = List.of();

    WithdrawalsView(DashboardService dashboards, DashboardNotifier notifier, TimeFormats times) {
        super("withdrawals", "dashboard.withdrawals", dashboards, notifier, times);
        DashboardNav.add(this, "withdrawals");
        timeline.addClickListener(e -> {
            if (e.dataIndex() >= 0 && e.dataIndex() < shown.size()) {
                open(shown.get(e.dataIndex()));
            }
        });
    }

    @Override
    protected void show(DashboardQuery q) {
        var w = dashboards.withdrawals(q);
        shown = w.districts();
        timeline.setOption(ChartJson.json(chart(w)));
        timeline.setHeight("300px");
        section(getTranslation("dashboard.withdrawals.timeline"), timeline);

        districts.removeAllColumns();
        districts.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        districts.addColumn(WithdrawalsDashboard.District::district).setHeader(getTranslation("dashboard.district")).setAutoWidth(true);
        districts.addColumn(d -> d.obligation()).setHeader(getTranslation("dashboard.code")).setAutoWidth(true).setFlexGrow(0);
        districts.addComponentColumn(d -> {
            var s = new Span(getTranslation("timeliness." + d.timeliness()));
            s.setClassName("badge timeliness timeliness-" + OverviewView.css(d.timeliness()));
            return s;
        }).setHeader(getTranslation("dashboard.timeliness")).setAutoWidth(true);
        districts.addColumn(d -> instant(d.originalDueAt())).setHeader(getTranslation("dashboard.original-deadline")).setAutoWidth(true);
        districts.addColumn(d -> d.dueAt() != null && !d.dueAt().equals(d.originalDueAt()) ? instant(d.dueAt()) : "–")
                .setHeader(getTranslation("dashboard.amended-deadline")).setAutoWidth(true);
        districts.addComponentColumn(d -> {
            if (d.completedAt() == null) {
                return new Span(getTranslation("dashboard.not-completed"));
            }
            var how = getTranslation("dashboard.completed-by." + d.completedBy());
            var b = new Button(instant(d.completedAt()) + " · " + how, e -> open(d));
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            return d.unverified() ? new Span(b, verifiedBadge(false)) : b;
        }).setHeader(getTranslation("dashboard.completed")).setFlexGrow(2);
        districts.setItems(w.districts());
        districts.setAllRowsVisible(true);
        section(getTranslation("dashboard.withdrawals.table"), districts);
    }

    private void open(WithdrawalsDashboard.District d) {
        drillDown(getTranslation("dashboard.withdrawals.reports", d.district()), null, null, Map.of("obligation", d.obligation()));
    }

    private Map<String, Object> chart(WithdrawalsDashboard w) {
        var categories = new ArrayList<String>();
        var original = new ArrayList<Object>();
        var amended = new ArrayList<Object>();
        var met = new ArrayList<Object>();
        for (var d : w.districts()) {
            categories.add(d.district());
            original.add(d.originalDueAt() == null ? null : arr(d.originalDueAt().toString(), d.district()));
            amended.add(d.dueAt() == null || d.dueAt().equals(d.originalDueAt()) ? null : arr(d.dueAt().toString(), d.district()));
            met.add(d.completedAt() == null ? null : arr(d.completedAt().toString(), d.district()));
        }
        var option = ChartJson.frame(getTranslation("dashboard.withdrawals.timeline"), getTranslation("dashboard.zone", times.zoneLabel()));
        option.put("tooltip", obj("trigger", "item", "confine", true));
        option.put("xAxis", ChartJson.timeAxis(getTranslation("dashboard.axis.date")));
        option.put("yAxis", obj("type", "category", "data", categories));
        option.put("series", arr(
                obj("name", getTranslation("dashboard.original-deadline"), "type", "scatter", "symbol", "diamond", "symbolSize", 16, "data", original),
                obj("name", getTranslation("dashboard.amended-deadline"), "type", "scatter", "symbol", "triangle", "symbolSize", 16, "data", amended),
                obj("name", getTranslation("dashboard.completed"), "type", "scatter", "symbol", "circle", "symbolSize", 14, "data", met)));
        return option;
    }
}
