package org.ceasefire.ccm.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.ceasefire.ccm.CcmIntegrationTest;
import org.ceasefire.ccm.dashboard.ReportRef;
import org.ceasefire.ccm.reporting.ReportDraft;
import org.ceasefire.ccm.reporting.ReportService;
import org.ceasefire.ccm.reporting.ReviewDecision;
import org.ceasefire.ccm.reporting.ReviewService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dashboards as a person uses them, rendered without a browser. The database is shared with other tests, so
 * each test files reports that only it could have filed (its own parties, sources and days) and looks for those.
 */
@CcmIntegrationTest
class DashboardViewsIT extends SpringBrowserlessTest {

    @Autowired
    ReportService reports;

    @Autowired
    ReviewService reviews;

    @Test
    @WithMockUser(username = "briefer", roles = "BRIEFER")
    void the_overview_lists_all_17_obligations_with_counts_by_status_and_a_deadline_chart() {
        var view = navigate(OverviewView.class);

        assertThat(view.obligations.getGenericDataView().getItems().count()).isEqualTo(17);
        assertThat(view.timeline.option()).contains("Original deadline", "\"type\":\"time\"", "Date (local)");
        assertThat(tileLabels(view)).contains("Not started");
    }

    @Test
    @WithMockUser(username = "monitor", roles = "MONITOR")
    void the_withdrawals_dashboard_shows_the_three_district_handovers() {
        var view = navigate(WithdrawalsView.class);

        assertThat(view.districts.getGenericDataView().getItems().map(d -> d.district()).toList())
                .containsExactly("Aghdam", "Kalbajar", "Lachin");
        assertThat(view.timeline.option()).contains("Kalbajar", "Completed");
    }

    @Test
    @WithMockUser(username = "briefer", roles = "BRIEFER")
    void a_verified_exchange_shows_in_the_totals_the_chart_and_the_ledger_and_a_tile_opens_its_reports() {
        var id = file("PRISONER_EXCHANGE", "2021-02-03T10:00:00+04:00", "Exchange via Georgia",
                details().put("releasedBy", "GE").put("receivedBy", "TR").put("prisonersOfWar", 7).put("bodies", 2));
        verify(id);

        var view = navigate(ExchangesView.class);

        var shown = view.shown;
        assertThat(shown).isNotNull();
        assertThat(shown.totals()).anySatisfy(t -> {
            assertThat(t.receivedBy()).isEqualTo("TR");
            assertThat(t.prisonersOfWar()).isGreaterThanOrEqualTo(7);
        });
        assertThat(view.ledger.getGenericDataView().getItems().map(e -> e.reportId()).toList()).contains(id);
        assertThat(view.totals.option()).contains("TR · received", "Persons", "Category");

        var tile = find(Div.class).all().stream().filter(d -> d.hasClassName("dashboard-tile")
                && d.getElement().getTextRecursively().contains("Received by TR")).findFirst().orElseThrow();
        test(tile).click();
        var dialog = find(Dialog.class).single();
        @SuppressWarnings("unchecked")
        Grid<ReportRef> grid = find(Grid.class, dialog).single();
        assertThat(grid.getGenericDataView().getItems().map(ReportRef::reportId).toList()).contains(id);
    }

    @Test
    @WithMockUser(username = "briefer", roles = "BRIEFER")
    void an_unverified_exchange_counts_only_once_the_switch_is_on_and_is_marked() {
        var id = file("PRISONER_EXCHANGE", "2021-02-04T10:00:00+04:00", "Exchange still under review",
                details().put("releasedBy", "FR").put("receivedBy", "EU").put("civilians", 3));

        var view = navigate(ExchangesView.class);
        assertThat(view.shown.totals()).noneSatisfy(t -> assertThat(t.receivedBy()).isEqualTo("EU"));

        test(view.unverified).click();

        assertThat(view.shown.totals()).anySatisfy(t -> {
            assertThat(t.receivedBy()).isEqualTo("EU");
            assertThat(t.unverifiedReports()).isGreaterThanOrEqualTo(1);
        });
        assertThat(view.ledger.getGenericDataView().getItems().filter(e -> e.reportId().equals(id)).toList())
                .singleElement().satisfies(e -> assertThat(e.verified()).isFalse());
    }

    @Test
    @WithMockUser(username = "briefer", roles = "BRIEFER")
    void two_sources_of_return_figures_show_as_two_series() {
        var source = "Test ministry " + UUID.randomUUID();
        verify(file("REFUGEE_RETURN", "2021-03-01T10:00:00+04:00", "Returns so far", source,
                details().put("direction", "RETURN").put("persons", 1200).put("basis", "CUMULATIVE").put("since", "2020-11-14")));
        verify(file("REFUGEE_RETURN", "2021-03-01T12:00:00+04:00", "Returned today", "UN agency " + source,
                details().put("direction", "RETURN").put("persons", 40).put("basis", "EVENT")));

        var view = navigate(ReturnsView.class);

        assertThat(view.shown).filteredOn(s -> s.source().endsWith(source)).extracting(s -> s.basis())
                .containsExactlyInAnyOrder("CUMULATIVE", "EVENT");
        assertThat(view.chart.option()).contains(source + " · A running total", "UN agency " + source);
    }

    @Test
    @WithMockUser(username = "briefer", roles = "BRIEFER")
    void a_closure_of_the_nakhchivan_link_shows_with_its_length_for_the_period_chosen() {
        verify(file("CORRIDOR_TRAFFIC", "2021-01-05T09:00:00+04:00", "Link closed", details().put("corridor", "NAKHCHIVAN")
                .put("state", "CLOSED")));
        verify(file("CORRIDOR_TRAFFIC", "2021-01-08T09:00:00+04:00", "Link open again", details().put("corridor", "NAKHCHIVAN")
                .put("state", "OPEN").put("direction", "BOTH").put("vehicles", 12)));

        var view = navigate(CorridorView.class);
        view.from.setValue(LocalDate.of(2021, 1, 1));
        view.to.setValue(LocalDate.of(2021, 1, 10));

        var link = view.shown.stream().filter(c -> c.corridor().equals("NAKHCHIVAN")).findFirst().orElseThrow();
        assertThat(link.closures()).anySatisfy(c -> {
            assertThat(c.from()).isEqualTo(LocalDate.of(2021, 1, 5));
            assertThat(c.to()).isEqualTo(LocalDate.of(2021, 1, 7));
            assertThat(c.days()).isEqualTo(3);
        });
        assertThat(view.charts.get("NAKHCHIVAN").option()).contains("markArea", "Vehicles per day", "2021-01-05");
    }

    @Test
    @WithMockUser(username = "briefer", roles = "BRIEFER")
    void incidents_show_per_week_by_alleged_violator_and_replay_as_of_an_earlier_instant() {
        verify(file("CEASEFIRE", "2021-06-08T22:00:00+04:00", "Shots across the line", details().put("allegedBy", "AM")
                .put("allegedAgainst", "US").put("deniedBy", "US")));

        var view = navigate(CeasefireView.class);
        view.from.setValue(LocalDate.of(2021, 6, 7));
        view.to.setValue(LocalDate.of(2021, 6, 13));

        assertThat(view.shown.byAllegedAgainst()).containsEntry("US", 1L);
        assertThat(view.chart.option()).contains("2021-W23", "US · alleged violator", "ISO week");
        assertThat(view.incidents.getGenericDataView().getItems().toList()).anySatisfy(i -> assertThat(i.deniedBy()).isEqualTo("US"));

        view.asOf.setValue(LocalDateTime.of(2021, 6, 8, 21, 0));

        assertThat(view.shown.byAllegedAgainst()).doesNotContainKey("US");
    }

    @Test
    @WithMockUser(username = "briefer", roles = "BRIEFER")
    void an_open_dashboard_redraws_itself_when_a_report_behind_it_is_verified() throws InterruptedException {
        var id = file("CEASEFIRE", "2021-07-01T10:00:00+04:00", "Mortar fire reported", details().put("allegedBy", "AZ")
                .put("allegedAgainst", "OSCE"));
        var view = navigate(CeasefireView.class);
        assertThat(view.shown.byAllegedAgainst()).doesNotContainKey("OSCE");
        var before = view.refreshes;

        verify(id);

        awaitRefresh(() -> view.shown.byAllegedAgainst().containsKey("OSCE"));
        assertThat(view.refreshes).isGreaterThan(before);
    }

    private void awaitRefresh(Supplier<Boolean> done) throws InterruptedException {
        for (int i = 0; i < 40 && !done.get(); i++) {
            Thread.sleep(100);
            // what the server does when a push connection is open: run the tasks that other threads queued for this UI
            var session = com.vaadin.flow.server.VaadinSession.getCurrent();
            session.getService().runPendingAccessTasks(session);
            roundTrip();
        }
        assertThat(done.get()).as("the view refreshed within 4 s").isTrue();
    }

    private List<String> tileLabels(DashboardView view) {
        return find(Span.class, view).all().stream().filter(s -> s.hasClassName("tile-label")).map(Span::getText).toList();
    }

    private static ObjectNode details() {
        return JsonNodeFactory.instance.objectNode();
    }

    private UUID file(String area, String observedAt, String summary, ObjectNode details) {
        return file(area, observedAt, summary, "Own team", details);
    }

    private UUID file(String area, String observedAt, String summary, String source, ObjectNode details) {
        return as("monitor-dashboards", "ROLE_MONITOR", () -> reports.submit(new ReportDraft(UUID.randomUUID(),
                "nk-2020-11-10", List.of(), area, observedAt, null, null, summary,
                new ReportDraft.Source(source, "OWN_OBSERVATION", null, "B", 2, null), details)).value().id());
    }

    private void verify(UUID id) {
        as("supervisor-dashboards", "ROLE_SUPERVISOR", () -> reviews.review(id, ReviewDecision.VERIFY, null, null));
    }

    private static <T> T as(String user, String role, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList(role)));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
