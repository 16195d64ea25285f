package org.ceasefire.ccm.agreement.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.notification.Notification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ceasefire.ccm.CcmIntegrationTest;
import org.ceasefire.ccm.agreement.ObligationService;
import org.ceasefire.ccm.agreement.ObligationStatus;
import org.ceasefire.ccm.agreement.ObligationSummary;
import org.ceasefire.ccm.agreement.Timeliness;
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

/** The agreement and obligation views as people use them, rendered without a browser. */
@CcmIntegrationTest
class AgreementViewsIT extends SpringBrowserlessTest {

    @Autowired
    ObligationService obligations;

    @Autowired
    ReportService reports;

    @Autowired
    ReviewService reviews;

    private AgreementView openAgreement() {
        return navigate(AgreementView.class, Map.of("agreement", "nk-2020-11-10"));
    }

    private ObligationView openObligation(String code) {
        return navigate(ObligationView.class, Map.of("agreement", "nk-2020-11-10", "code", code));
    }

    private static int shownRows(AgreementView view) {
        return view.pointGrids.values().stream().mapToInt(g -> g.getGenericDataView().getItems().toList().size()).sum();
    }

    @Test
    @WithMockUser(username = "briefer", roles = "BRIEFER")
    void the_agreement_view_shows_the_nine_points_in_order_with_all_17_obligations() {
        var view = openAgreement();

        assertThat(view.pointGrids.keySet()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(shownRows(view)).isEqualTo(17);
        assertThat(view.pointGrids.get(6).getGenericDataView().getItems().map(ObligationSummary::code))
                .containsExactly("6a", "6b", "6c", "6d", "6e");
    }

    @Test
    @WithMockUser(username = "monitor", roles = "MONITOR")
    void filtering_by_party_shows_only_obligations_that_party_is_responsible_for_and_hides_empty_points() {
        var view = openAgreement();

        test(view.partyFilter).selectItem("RU");

        var shown = view.pointGrids.values().stream().flatMap(g -> g.getGenericDataView().getItems()).toList();
        assertThat(shown).isNotEmpty().allSatisfy(o -> assertThat(o.responsible()).contains("RU"));
        assertThat(view.pointSections.get(1).isVisible()).isFalse();
        assertThat(view.pointSections.get(3).isVisible()).isTrue();
    }

    @Test
    @WithMockUser(username = "monitor", roles = "MONITOR")
    void filtering_by_a_timeliness_nobody_has_says_so_instead_of_showing_empty_grids() {
        var view = openAgreement();

        view.timelinessFilter.setValue(java.util.Set.of(Timeliness.DUE_SOON));

        assertThat(shownRows(view)).isZero();
        assertThat(view.noMatch.isVisible()).isTrue();
        assertThat(view.pointSections.values()).noneMatch(s -> s.isVisible());
    }

    @Test
    @WithMockUser(username = "monitor", roles = "MONITOR")
    void a_monitor_reads_an_obligation_but_sees_no_supervisor_actions() {
        var view = openObligation("6e");

        assertThat(view.recordStatus.isVisible()).isFalse();
        assertThat(view.amendDeadline.isVisible()).isFalse();
    }

    @Test
    @WithMockUser(username = "supervisor", roles = "SUPERVISOR")
    void a_supervisor_can_amend_a_deadline_obligation_but_not_a_standing_one() {
        assertThat(openObligation("6b").amendDeadline.isVisible()).isTrue();
        var standing = openObligation("7");
        assertThat(standing.recordStatus.isVisible()).isTrue();
        assertThat(standing.amendDeadline.isVisible()).isFalse();
    }

    @Test
    @WithMockUser(username = "supervisor", roles = "SUPERVISOR")
    void the_status_dialog_asks_for_a_status_rather_than_assuming_the_current_one() {
        var view = openObligation("9d");
        test(view.recordStatus).click();
        var dialog = find(RecordStatusDialog.class).single();

        dialog.justification.setValue("Talks have not started.");
        test(dialog.save).click();

        assertThat(dialog.status.isInvalid()).isTrue();
        assertThat(dialog.status.getErrorMessage()).startsWith("Is required");
        assertThat(obligations.get("nk-2020-11-10", "9d").statusHistory()).isEmpty();
    }

    @Test
    @WithMockUser(username = "supervisor", roles = "SUPERVISOR")
    void the_status_dialog_refuses_an_empty_justification_next_to_the_field_and_stores_nothing() {
        var view = openObligation("7");
        test(view.recordStatus).click();
        var dialog = find(RecordStatusDialog.class).single();

        dialog.status.setValue(ObligationStatus.IN_PROGRESS);
        test(dialog.save).click();

        assertThat(dialog.justification.isInvalid()).isTrue();
        assertThat(dialog.justification.getErrorMessage()).startsWith("Is required");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(obligations.get("nk-2020-11-10", "7").statusHistory()).isEmpty();
    }

    @Test
    @WithMockUser(username = "supervisor", roles = "SUPERVISOR")
    void a_status_recorded_in_the_dialog_appears_in_the_timeline_with_its_justification() {
        var view = openObligation("8");
        test(view.recordStatus).click();
        var dialog = find(RecordStatusDialog.class).single();

        dialog.status.setValue(ObligationStatus.PARTIALLY_FULFILLED);
        dialog.justification.setValue("Two exchanges mediated by Russia; detainees still held on both sides.");
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isFalse();
        var stored = obligations.get("nk-2020-11-10", "8");
        assertThat(stored.summary().status()).isEqualTo(ObligationStatus.PARTIALLY_FULFILLED);
        assertThat(stored.summary().implementationLevel()).isEqualTo(2);
        assertThat(find(ListItem.class).withClassName("timeline-item")
                .withCondition(item -> item.getElement().getTextRecursively().contains("Two exchanges")).exists()).isTrue();
    }

    @Test
    @WithMockUser(username = "supervisor", roles = "SUPERVISOR")
    void a_dialog_opened_before_someone_elses_decision_is_refused_rather_than_overwriting_it() {
        var view = openObligation("5");
        test(view.recordStatus).click();
        var stale = find(RecordStatusDialog.class).single();
        obligations.decide("nk-2020-11-10", "5", new org.ceasefire.ccm.agreement.NewStatusDecision(null,
                ObligationStatus.FULFILLED, null, "Centre opened.", java.util.List.of(), null), null);

        stale.status.setValue(ObligationStatus.IN_PROGRESS);
        stale.justification.setValue("Judged from an outdated page.");
        test(stale.save).click();

        assertThat(stale.isOpened()).isTrue();
        assertThat(find(Notification.class).all()).as("notifications %s", find(Notification.class).all().stream()
                .map(n -> n.getElement().getProperty("text", "") + n.getElement().getTextRecursively()).toList())
                .anyMatch(n -> (n.getElement().getProperty("text", "") + n.getElement().getTextRecursively()).contains("someone else"));
        assertThat(obligations.get("nk-2020-11-10", "5").statusHistory()).hasSize(1);
    }

    @Test
    @WithMockUser(username = "supervisor-evidence", roles = "SUPERVISOR")
    void an_obligation_lists_its_reports_and_the_status_dialog_offers_only_the_verified_ones_as_evidence() {
        var verified = fileAsMonitor("Exchange of 44 prisoners of war, verified.");
        reviews.review(verified, ReviewDecision.VERIFY, null, null);
        var pending = fileAsMonitor("Exchange reported by one side only, not yet reviewed.");

        var view = openObligation("8");

        var listed = view.reportsGrid.getGenericDataView().getItems().map(r -> r.id()).toList();
        assertThat(listed).contains(verified, pending);
        var row = listed.indexOf(verified);
        var summaryColumn = 2;
        assertThat(((Anchor) test(view.reportsGrid).getCellComponent(row, summaryColumn)).getHref())
                .isEqualTo("reports/" + verified);

        test(view.recordStatus).click();
        var dialog = find(RecordStatusDialog.class).single();
        var offered = dialog.evidence.getListDataView().getItems().map(r -> r.id()).toList();
        assertThat(offered).contains(verified).doesNotContain(pending);
    }

    private UUID fileAsMonitor(String summary) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "monitor-evidence", null, AuthorityUtils.createAuthorityList("ROLE_MONITOR")));
        SecurityContextHolder.setContext(context);
        try {
            var details = JsonNodeFactory.instance.objectNode()
                    .put("releasedBy", "AZ").put("receivedBy", "AM").put("prisonersOfWar", 44).put("mediator", "RU");
            return reports.submit(new ReportDraft(UUID.randomUUID(), "nk-2020-11-10",
                    List.of("8"), "PRISONER_EXCHANGE", "2020-12-14T15:00:00+04:00", null, null, summary,
                    new ReportDraft.Source("ICRC", "NGO", "ICRC", "A", 1, null), details))
                    .value().id();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    @Test
    @WithMockUser(username = "supervisor", roles = "SUPERVISOR")
    void clicking_an_obligation_in_the_agreement_opens_its_page() {
        var view = openAgreement();
        Grid<ObligationSummary> grid = view.pointGrids.get(2);

        test(grid).clickRow(0);

        assertThat(getCurrentView()).isInstanceOf(ObligationView.class);
    }

    @Test
    @WithMockUser(username = "monitor", roles = "MONITOR")
    void an_unknown_obligation_says_so_in_plain_words() {
        var view = openObligation("42z");
        assertThat(view.getElement().getText() + find(com.vaadin.flow.component.html.Paragraph.class).first().getText())
                .contains("42z");
    }
}
