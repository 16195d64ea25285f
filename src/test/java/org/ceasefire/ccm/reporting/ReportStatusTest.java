package org.ceasefire.ccm.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The review status table: which move from one status to another is allowed. */
class ReportStatusTest {

    @Test
    void a_submitted_report_can_be_verified_rejected_returned_or_corrected() {
        assertThat(ReportStatus.SUBMITTED.canBecome(ReportStatus.VERIFIED)).isTrue();
        assertThat(ReportStatus.SUBMITTED.canBecome(ReportStatus.REJECTED)).isTrue();
        assertThat(ReportStatus.SUBMITTED.canBecome(ReportStatus.RETURNED)).isTrue();
        assertThat(ReportStatus.SUBMITTED.canBecome(ReportStatus.SUBMITTED)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(ReportStatus.class)
    void a_verified_report_can_become_nothing_else(ReportStatus next) {
        assertThat(ReportStatus.VERIFIED.canBecome(next)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(ReportStatus.class)
    void a_rejected_report_can_become_nothing_else(ReportStatus next) {
        assertThat(ReportStatus.REJECTED.canBecome(next)).isFalse();
    }

    @Test
    void a_returned_report_can_only_be_resubmitted() {
        assertThat(ReportStatus.RETURNED.canBecome(ReportStatus.SUBMITTED)).isTrue();
        for (var next : EnumSet.complementOf(EnumSet.of(ReportStatus.SUBMITTED))) {
            assertThat(ReportStatus.RETURNED.canBecome(next)).as("RETURNED -> %s", next).isFalse();
        }
    }

    @Test
    void only_submitted_and_returned_reports_are_editable_by_their_author() {
        assertThat(ReportStatus.SUBMITTED.editableByAuthor()).isTrue();
        assertThat(ReportStatus.RETURNED.editableByAuthor()).isTrue();
        assertThat(ReportStatus.VERIFIED.editableByAuthor()).isFalse();
        assertThat(ReportStatus.REJECTED.editableByAuthor()).isFalse();
    }

    @Test
    void each_review_decision_leads_to_its_status() {
        assertThat(ReviewDecision.VERIFY.result()).isEqualTo(ReportStatus.VERIFIED);
        assertThat(ReviewDecision.REJECT.result()).isEqualTo(ReportStatus.REJECTED);
        assertThat(ReviewDecision.RETURN.result()).isEqualTo(ReportStatus.RETURNED);
    }
}
