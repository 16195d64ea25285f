package org.ceasefire.ccm.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ceasefire.ccm.base.ConflictException;
import org.ceasefire.ccm.base.ForbiddenException;
import org.ceasefire.ccm.reporting.ReportArea;
import org.ceasefire.ccm.reporting.ReportStatus;
import org.ceasefire.ccm.reporting.ReviewDecision;
import org.ceasefire.ccm.reporting.SourceKind;
import org.junit.jupiter.api.Test;

/** The report aggregate's rules: four eyes, one review per submission, reasons, and who may correct what. */
class MonitorReportTest {

    static final Instant RECEIVED = Instant.parse("2020-11-25T06:00:00Z");
    static final Instant LATER = RECEIVED.plusSeconds(3600);

    static ReportContent content(String summary) {
        return new ReportContent("nk-2020-11-10", List.of("6a"), ReportArea.WITHDRAWAL,
                Instant.parse("2020-11-24T21:00:00Z"), null, "Kalbajar", "Kalbajar", 40.10, 46.04, summary,
                "Ministry of Defence", SourceKind.OFFICIAL, "AZ", "B", 2, "https://example.org/item",
                "{\"district\":\"Kalbajar\",\"stage\":\"COMPLETED\"}");
    }

    static MonitorReport filedBy(String author) {
        return new MonitorReport(UUID.randomUUID(), content("Army units entered the district."), author, RECEIVED);
    }

    @Test
    void a_new_report_is_submitted_by_its_author_and_remembers_the_fingerprint_of_what_was_sent() {
        var report = filedBy("monitor");
        assertThat(report.status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(report.submittedBy()).isEqualTo("monitor");
        assertThat(report.createHash()).isEqualTo(content("Army units entered the district.").fingerprint());
        assertThat(report.content()).isEqualTo(content("Army units entered the district."));
        assertThat(report.reviews()).isEmpty();
    }

    @Test
    void another_person_verifies_a_report_and_the_review_is_recorded() {
        var report = filedBy("monitor");
        report.review(ReviewDecision.VERIFY, null, "supervisor", LATER);
        assertThat(report.status()).isEqualTo(ReportStatus.VERIFIED);
        assertThat(report.reviews()).singleElement().satisfies(r -> {
            assertThat(r.reviewer()).isEqualTo("supervisor");
            assertThat(r.decision()).isEqualTo(ReviewDecision.VERIFY);
            assertThat(r.reviewedAt()).isEqualTo(LATER);
        });
    }

    @Test
    void nobody_reviews_their_own_report() {
        var report = filedBy("dual-role");
        assertThatThrownBy(() -> report.review(ReviewDecision.VERIFY, null, "dual-role", LATER))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("own report");
        assertThat(report.status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(report.reviews()).isEmpty();
    }

    @Test
    void a_reviewed_report_cannot_be_reviewed_twice() {
        var verified = filedBy("monitor");
        verified.review(ReviewDecision.VERIFY, null, "supervisor", LATER);
        assertThatThrownBy(() -> verified.review(ReviewDecision.REJECT, "on second thoughts", "supervisor-2", LATER))
                .isInstanceOf(ConflictException.class);
        assertThat(verified.status()).isEqualTo(ReportStatus.VERIFIED);

        var rejected = filedBy("monitor");
        rejected.review(ReviewDecision.REJECT, "duplicate of another report", "supervisor", LATER);
        assertThatThrownBy(() -> rejected.review(ReviewDecision.VERIFY, null, "supervisor", LATER))
                .isInstanceOf(ConflictException.class);

        var returned = filedBy("monitor");
        returned.review(ReviewDecision.RETURN, "which unit?", "supervisor", LATER);
        assertThatThrownBy(() -> returned.review(ReviewDecision.VERIFY, null, "supervisor", LATER))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("resubmit");
        assertThat(verified.reviews()).hasSize(1);
    }

    @Test
    void rejecting_or_returning_without_a_reason_is_refused() {
        var report = filedBy("monitor");
        assertThatThrownBy(() -> report.review(ReviewDecision.REJECT, null, "supervisor", LATER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> report.review(ReviewDecision.REJECT, "   ", "supervisor", LATER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> report.review(ReviewDecision.RETURN, "", "supervisor", LATER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(report.status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(report.reviews()).isEmpty();
    }

    @Test
    void the_author_corrects_a_returned_report_and_it_goes_back_to_the_queue() {
        var report = filedBy("monitor");
        var firstHash = report.createHash();
        report.review(ReviewDecision.RETURN, "which unit?", "supervisor", LATER);
        report.resubmit(content("The 1st Army Corps entered the district."), "monitor", LATER.plusSeconds(60));
        assertThat(report.status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(report.content().summary()).isEqualTo("The 1st Army Corps entered the district.");
        assertThat(report.updatedAt()).isEqualTo(LATER.plusSeconds(60));
        assertThat(report.createHash()).as("a retry of the first submission is still recognised").isEqualTo(firstHash);
        assertThat(report.reviews()).hasSize(1);
    }

    @Test
    void only_the_author_may_resubmit() {
        var report = filedBy("monitor");
        report.review(ReviewDecision.RETURN, "which unit?", "supervisor", LATER);
        assertThatThrownBy(() -> report.resubmit(content("Someone else's version."), "monitor-2", LATER))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("monitor");
        assertThat(report.status()).isEqualTo(ReportStatus.RETURNED);
        assertThat(report.content().summary()).isEqualTo("Army units entered the district.");
    }

    @Test
    void a_verified_or_rejected_report_cannot_be_resubmitted() {
        var verified = filedBy("monitor");
        verified.review(ReviewDecision.VERIFY, null, "supervisor", LATER);
        assertThatThrownBy(() -> verified.resubmit(content("Changed after verification."), "monitor", LATER))
                .isInstanceOf(ConflictException.class);
        assertThat(verified.status()).isEqualTo(ReportStatus.VERIFIED);
        assertThat(verified.content().summary()).isEqualTo("Army units entered the district.");

        var rejected = filedBy("monitor");
        rejected.review(ReviewDecision.REJECT, "not credible", "supervisor", LATER);
        assertThatThrownBy(() -> rejected.resubmit(content("Changed after rejection."), "monitor", LATER))
                .isInstanceOf(ConflictException.class);
        assertThat(rejected.status()).isEqualTo(ReportStatus.REJECTED);
    }

    @Test
    void the_same_content_has_the_same_fingerprint_and_any_change_another() {
        assertThat(content("a").fingerprint()).isEqualTo(content("a").fingerprint());
        assertThat(content("a").fingerprint()).isNotEqualTo(content("b").fingerprint());
    }
}
