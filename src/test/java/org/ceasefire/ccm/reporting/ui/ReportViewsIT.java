package org.ceasefire.ccm.reporting.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.ceasefire.ccm.CcmIntegrationTest;
import org.ceasefire.ccm.base.NotFoundException;
import org.ceasefire.ccm.reporting.ReportArea;
import org.ceasefire.ccm.reporting.ReportDraft;
import org.ceasefire.ccm.reporting.ReportService;
import org.ceasefire.ccm.reporting.ReportStatus;
import org.ceasefire.ccm.reporting.ReportView;
import org.ceasefire.ccm.reporting.ReviewDecision;
import org.ceasefire.ccm.reporting.ReviewService;
import org.ceasefire.ccm.reporting.SourceKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The report form, the monitor's list, the review queue and the report page as people use them, rendered without a
 * browser. All ITs share one database: every test files its own reports under its own user names.
 */
@CcmIntegrationTest
class ReportViewsIT extends SpringBrowserlessTest {

    @Autowired
    ReportService reports;

    @Autowired
    ReviewService reviews;

    /** Runs a call as another user (a monitor filing a report in a supervisor's test), then switches back. */
    private static <T> T as(String username, String roles, Supplier<T> call) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                AuthorityUtils.createAuthorityList(Arrays.stream(roles.split(",")).map(r -> "ROLE_" + r).toArray(String[]::new))));
        SecurityContextHolder.setContext(context);
        try {
            return call.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private static ReportDraft refugeeReturn(String summary) {
        var details = JsonNodeFactory.instance.objectNode().put("direction", "RETURN").put("persons", 340).put("basis", "EVENT");
        return new ReportDraft(UUID.randomUUID(), "nk-2020-11-10", List.of("7"), "REFUGEE_RETURN",
                "2020-11-21T12:00:00+04:00", null, new ReportDraft.Location("Stepanakert", null, null, null), summary,
                new ReportDraft.Source("Russian Ministry of Defence", "OFFICIAL", "RU", "B", 2, null), details);
    }

    private ReportView file(String monitor, String summary) {
        return as(monitor, "MONITOR", () -> reports.submit(refugeeReturn(summary)).value());
    }

    @SuppressWarnings("unchecked")
    private static <V> void set(ReportFormLayout form, ReportArea area, String field, V value) {
        ((HasValue<?, V>) form.detailFields.get(area).get(field)).setValue(value);
    }

    /** Fills a refugee-return report the way a monitor would, all but the summary. */
    private static void fillRefugeeReturnButSummary(ReportFormLayout form) {
        form.area.setValue(ReportArea.REFUGEE_RETURN);
        set(form, ReportArea.REFUGEE_RETURN, "direction", "RETURN");
        set(form, ReportArea.REFUGEE_RETURN, "persons", 1200);
        set(form, ReportArea.REFUGEE_RETURN, "basis", "EVENT");
        set(form, ReportArea.REFUGEE_RETURN, "area", "Stepanakert");
        form.obligations.setValue(Set.of("7"));
        form.observedAt.setValue(LocalDateTime.of(2020, 11, 20, 10, 0));
        form.locationName.setValue("Lachin corridor checkpoint");
        form.sourceName.setValue("Russian Ministry of Defence");
        form.sourceKind.setValue(SourceKind.OFFICIAL);
        form.sourceParty.setValue("RU");
        form.reliability.setValue("B");
        form.credibility.setValue(2);
    }

    @Test
    @WithMockUser(username = "ui-monitor-refugee", roles = "MONITOR")
    void a_monitor_files_a_refugee_return_and_it_is_stored_with_its_details() {
        var view = navigate(ReportForm.class);
        var id = view.reportId;
        fillRefugeeReturnButSummary(view.form);
        view.form.summary.setValue("About 1,200 people returned to Stepanakert through the Lachin corridor.");

        test(view.save).click();

        var stored = reports.get(id);
        assertThat(stored.area()).isEqualTo(ReportArea.REFUGEE_RETURN);
        assertThat(stored.details().get("direction").asString()).isEqualTo("RETURN");
        assertThat(stored.details().get("persons").asInt()).isEqualTo(1200);
        assertThat(stored.details().get("basis").asString()).isEqualTo("EVENT");
        assertThat(stored.details().get("area").asString()).isEqualTo("Stepanakert");
        assertThat(stored.obligations()).containsExactly("7");
        assertThat(stored.observedAt()).isEqualTo(OffsetDateTime.parse("2020-11-20T10:00:00+04:00").toInstant());
        assertThat(stored.source().grade()).isEqualTo("B2");
        assertThat(stored.source().party()).isEqualTo("RU");
        assertThat(stored.submittedBy()).isEqualTo("ui-monitor-refugee");
        assertThat(view.savedPanel.isVisible()).isTrue();
        assertThat(view.savedPanel.getElement().getTextRecursively()).contains(id.toString());
        assertThat(view.reportId).as("the next report gets a new id").isNotEqualTo(id);
        assertThat(view.form.summary.getValue()).isEmpty();
        assertThat(view.form.area.getValue()).isNull();
        assertThat(view.form.sourceName.getValue()).as("the last source is offered again").isEqualTo("Russian Ministry of Defence");
    }

    @Test
    @WithMockUser(username = "ui-monitor-areas", roles = "MONITOR")
    void choosing_an_area_shows_only_that_areas_fields() {
        var form = navigate(ReportForm.class).form;
        assertThat(form.chooseArea.isVisible()).isTrue();
        assertThat(form.areaSections.values()).noneMatch(s -> s.isVisible());

        for (var area : ReportArea.values()) {
            form.area.setValue(area);
            assertThat(form.areaSections.get(area).isVisible()).as(area.name()).isTrue();
            assertThat(form.areaSections.entrySet()).filteredOn(e -> e.getKey() != area)
                    .allSatisfy(e -> assertThat(e.getValue().isVisible()).as(e.getKey().name()).isFalse());
        }
        assertThat(form.chooseArea.isVisible()).isFalse();
        assertThat(form.detailFields.get(ReportArea.REFUGEE_RETURN).keySet())
                .containsExactly("direction", "persons", "basis", "since", "area");
        assertThat(form.detailFields.get(ReportArea.CEASEFIRE).keySet())
                .containsExactly("allegedBy", "allegedAgainst", "deniedBy", "assessedBy", "assessment", "killed", "wounded");
        assertThat(form.detailFields.get(ReportArea.OTHER).keySet()).containsExactly("notes");
        assertThat(form.detailFields.get(ReportArea.PRISONER_EXCHANGE).get("prisonersOfWar")).isInstanceOf(IntegerField.class);
    }

    @Test
    @WithMockUser(username = "ui-monitor-obligations", roles = "MONITOR")
    void the_areas_usual_obligations_are_offered_first() {
        var form = navigate(ReportForm.class).form;

        form.area.setValue(ReportArea.CORRIDOR_TRAFFIC);

        var offered = form.obligations.getListDataView().getItems().toList();
        assertThat(offered.subList(0, 4)).containsExactly("6c", "6e", "9b", "9c");
        assertThat(offered).contains("1", "7", "8").doesNotHaveDuplicates();
    }

    @Test
    @WithMockUser(username = "ui-monitor-missing", roles = "MONITOR")
    void a_missing_summary_is_shown_on_the_summary_field_and_nothing_is_stored() {
        var view = navigate(ReportForm.class);
        var id = view.reportId;
        fillRefugeeReturnButSummary(view.form);

        test(view.save).click();

        assertThat(view.form.summary.isInvalid()).isTrue();
        assertThat(view.form.summary.getErrorMessage()).startsWith("Is required");
        assertThat(view.form.sourceName.isInvalid()).isFalse();
        assertThat(view.savedPanel.isVisible()).isFalse();
        assertThatThrownBy(() -> reports.get(id)).isInstanceOf(NotFoundException.class);
    }

    @Test
    @WithMockUser(username = "ui-monitor-details", roles = "MONITOR")
    void a_problem_in_the_details_is_shown_next_to_that_detail_field() {
        var view = navigate(ReportForm.class);
        fillRefugeeReturnButSummary(view.form);
        view.form.summary.setValue("More people than live in the region: a typing error.");
        set(view.form, ReportArea.REFUGEE_RETURN, "persons", 20_000_000);

        test(view.save).click();

        var persons = (IntegerField) view.form.detailFields.get(ReportArea.REFUGEE_RETURN).get("persons");
        assertThat(persons.isInvalid()).isTrue();
        assertThat(persons.getErrorMessage()).startsWith("Must be a whole number");
        assertThat(view.form.summary.isInvalid()).isFalse();
        assertThat(reports.mine(0, 10).total()).isZero();
    }

    @Test
    @WithMockUser(username = "ui-monitor-negative", roles = "MONITOR")
    void a_negative_count_is_refused_in_the_form_before_anything_is_sent() {
        var view = navigate(ReportForm.class);
        var id = view.reportId;
        fillRefugeeReturnButSummary(view.form);
        view.form.summary.setValue("Minus three people.");
        set(view.form, ReportArea.REFUGEE_RETURN, "persons", -3);

        test(view.save).click();

        var persons = (IntegerField) view.form.detailFields.get(ReportArea.REFUGEE_RETURN).get("persons");
        assertThat(persons.isInvalid()).isTrue();
        assertThat(persons.getErrorMessage()).contains("0 or more");
        assertThatThrownBy(() -> reports.get(id)).isInstanceOf(NotFoundException.class);
    }

    @Test
    @WithMockUser(username = "ui-monitor-twice", roles = "MONITOR")
    void the_form_keeps_its_id_until_the_report_is_stored_so_a_repeated_save_stores_it_once() {
        var view = navigate(ReportForm.class);
        var id = view.reportId;
        fillRefugeeReturnButSummary(view.form);

        test(view.save).click();
        test(view.save).click();
        assertThat(view.reportId).as("a refused save keeps the id").isEqualTo(id);

        view.form.summary.setValue("Returnees counted at the checkpoint.");
        var sent = view.form.draft(id);
        test(view.save).click();
        // the same report sent again under the same id, as a double click or a retry after a lost answer does
        var again = reports.submit(sent);

        assertThat(again.created()).isFalse();
        assertThat(again.value().id()).isEqualTo(id);
        assertThat(reports.mine(0, 10).items()).extracting(ReportView::id).containsExactly(id);
    }

    @Test
    @WithMockUser(username = "ui-monitor-mine", roles = "MONITOR")
    void my_reports_lists_the_monitors_own_reports_and_not_others() {
        var mine = reports.submit(refugeeReturn("Mine: families returned to Shushi road villages.")).value();
        var theirs = file("ui-monitor-someone-else", "Not mine.");

        var view = navigate(MyReportsView.class);

        var listed = view.grid.getLazyDataView().getItems().map(ReportView::id).toList();
        assertThat(listed).contains(mine.id()).doesNotContain(theirs.id());
    }

    @Test
    @WithMockUser(username = "ui-supervisor", roles = "SUPERVISOR")
    void a_supervisor_finds_the_report_in_the_queue_opens_it_and_verifies_it() {
        var report = file("ui-monitor-queue", "340 people returned on 21 November.");

        var queue = navigate(ReviewQueueView.class);
        queue.monitorFilter.setValue("ui-monitor-queue");
        var listed = queue.grid.getLazyDataView().getItems().map(ReportView::id).toList();
        assertThat(listed).containsExactly(report.id());

        test(queue.grid).clickRow(0);
        assertThat(getCurrentView()).isInstanceOf(ReportDetailsView.class);
        var details = (ReportDetailsView) getCurrentView();
        assertThat(details.verify.isVisible()).isTrue();
        assertThat(details.reject.isVisible()).isTrue();
        assertThat(details.sendBack.isVisible()).isTrue();

        test(details.verify).click();

        assertThat(reports.get(report.id()).status()).isEqualTo(ReportStatus.VERIFIED);
        assertThat(details.verify.isVisible()).isFalse();
        assertThat(queue.grid.getLazyDataView().getItems().map(ReportView::id).toList()).doesNotContain(report.id());
    }

    @Test
    @WithMockUser(username = "ui-boss", roles = {"MONITOR", "SUPERVISOR"})
    void the_author_sees_no_review_buttons_on_their_own_report_even_as_supervisor() {
        var own = reports.submit(refugeeReturn("Filed by someone who also supervises.")).value();

        var details = navigate(ReportDetailsView.class, Map.of("id", own.id().toString()));

        assertThat(details.verify.isVisible()).isFalse();
        assertThat(details.reject.isVisible()).isFalse();
        assertThat(details.sendBack.isVisible()).isFalse();
        assertThat(details.correct.isVisible()).isTrue();
    }

    @Test
    @WithMockUser(username = "ui-supervisor-reject", roles = "SUPERVISOR")
    void rejecting_without_a_reason_keeps_the_dialog_open_with_an_error() {
        var report = file("ui-monitor-reject", "A figure nobody else reports.");
        var details = navigate(ReportDetailsView.class, Map.of("id", report.id().toString()));

        test(details.reject).click();
        var dialog = find(ReviewDialog.class).single();
        test(dialog.confirm).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.reason.isInvalid()).isTrue();
        assertThat(dialog.reason.getErrorMessage()).startsWith("Is required");
        assertThat(reports.get(report.id()).status()).isEqualTo(ReportStatus.SUBMITTED);

        dialog.reason.setValue("The figure contradicts both ministries and the UNHCR count.");
        test(dialog.confirm).click();

        assertThat(dialog.isOpened()).isFalse();
        var rejected = reports.get(report.id());
        assertThat(rejected.status()).isEqualTo(ReportStatus.REJECTED);
        assertThat(rejected.reviews().getLast().reason()).startsWith("The figure contradicts");
    }

    @Test
    @WithMockUser(username = "ui-supervisor-side", roles = "SUPERVISOR")
    void the_report_page_shows_other_sources_claims_for_the_same_area_and_day_side_by_side() {
        var first = file("ui-monitor-side-a", "340 returned, says the ministry.");
        var second = as("ui-monitor-side-b", "MONITOR", () -> reports.submit(new ReportDraft(UUID.randomUUID(), "nk-2020-11-10",
                List.of("7"), "REFUGEE_RETURN", "2020-11-21T18:00:00+04:00", null, null, "UNHCR counts 310 returnees.",
                new ReportDraft.Source("UNHCR", "UN", "UNHCR", "A", 2, null),
                JsonNodeFactory.instance.objectNode().put("direction", "RETURN").put("persons", 310).put("basis", "EVENT")))
                .value());

        var details = navigate(ReportDetailsView.class, Map.of("id", first.id().toString()));

        var text = details.claims.getElement().getTextRecursively();
        assertThat(text).contains("Russian Ministry of Defence", "UNHCR", "340", "310");
        assertThat(details.claims.getChildren().count()).isGreaterThanOrEqualTo(2);
        assertThat(details.claims.getChildren().findFirst().orElseThrow().getElement().getAttribute("class")).contains("claim-current");
        assertThat(second.id()).isNotEqualTo(first.id());
    }

    @Test
    @WithMockUser(username = "ui-monitor-returned", roles = "MONITOR")
    void a_returned_report_shows_the_reason_and_is_corrected_and_resubmitted() {
        var report = reports.submit(refugeeReturn("Returnees, number unclear.")).value();
        as("ui-supervisor-returns", "SUPERVISOR",
                () -> reviews.review(report.id(), ReviewDecision.RETURN, "Which checkpoint? Give the place.", null));

        var mine = navigate(MyReportsView.class);
        assertThat(mine.grid.getLazyDataView().getItems().filter(r -> r.id().equals(report.id())).findFirst().orElseThrow().status())
                .isEqualTo(ReportStatus.RETURNED);

        var edit = navigate(ReportEditView.class, Map.of("id", report.id().toString()));
        assertThat(edit.returnedReason.getElement().getTextRecursively()).contains("Which checkpoint?");
        var form = java.util.Objects.requireNonNull(edit.form);
        assertThat(form.area.getValue()).isEqualTo(ReportArea.REFUGEE_RETURN);
        assertThat(((Select<?>) form.detailFields.get(ReportArea.REFUGEE_RETURN).get("direction")).getValue()).isEqualTo("RETURN");
        form.locationName.setValue("Hakari bridge checkpoint");
        test(edit.save).click();

        var corrected = reports.get(report.id());
        assertThat(corrected.status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(corrected.location()).isNotNull();
        assertThat(corrected.location().name()).isEqualTo("Hakari bridge checkpoint");
        assertThat(corrected.details().get("persons").asInt()).isEqualTo(340);
        assertThat(getCurrentView()).isInstanceOf(ReportDetailsView.class);
    }

    @Test
    @WithMockUser(username = "ui-monitor-final", roles = "MONITOR")
    void a_verified_report_cannot_be_corrected() {
        var report = reports.submit(refugeeReturn("Confirmed by two sources.")).value();
        as("ui-supervisor-final", "SUPERVISOR", () -> reviews.review(report.id(), ReviewDecision.VERIFY, null, null));

        var edit = navigate(ReportEditView.class, Map.of("id", report.id().toString()));

        assertThat(edit.form).isNull();
        var details = navigate(ReportDetailsView.class, Map.of("id", report.id().toString()));
        assertThat(details.correct.isVisible()).isFalse();
    }
}
