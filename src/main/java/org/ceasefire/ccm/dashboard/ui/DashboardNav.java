package org.ceasefire.ccm.dashboard.ui;

import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.router.RouterLink;
import java.util.LinkedHashMap;
import java.util.Map;

/** The row of links between the dashboards, under each dashboard's toolbar. */
final class DashboardNav {

    private static final Map<String, Class<? extends DashboardView>> VIEWS = new LinkedHashMap<>();

    static {
        VIEWS.put("overview", OverviewView.class);
        VIEWS.put("withdrawals", WithdrawalsView.class);
        VIEWS.put("prisoner-exchanges", ExchangesView.class);
        VIEWS.put("refugee-returns", ReturnsView.class);
        VIEWS.put("corridor-traffic", CorridorView.class);
        VIEWS.put("ceasefire", CeasefireView.class);
    }

    private DashboardNav() {}

    static void add(DashboardView view, String current) {
        var nav = new Nav();
        nav.addClassName("dashboard-nav");
        VIEWS.forEach((name, type) -> {
            var link = new RouterLink(view.getTranslation("dashboard.nav." + name), type);
            if (name.equals(current)) {
                link.addClassName("current");
                link.getElement().setAttribute("aria-current", "page");
            }
            nav.add(link);
        });
        view.addComponentAtIndex(1, nav);
    }
}
