package org.ceasefire.ccm.reporting.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The generator's week option: a week of many reports for the briefing benchmark, still valid and deterministic. */
class ScaleReportModelTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static final Instant WEEK = OffsetDateTime.of(2023, 9, 18, 0, 0, 0, 0, ZoneOffset.ofHours(4)).toInstant();

    @Test
    void with_a_week_every_report_is_observed_in_it_with_an_id_of_its_time_and_filed_after_it() {
        var model = new ScaleReportModel(ScaleReports.DEFAULT_SEED, NOW, WEEK);
        // the same draws without a week: a time line that runs to the horizon
        var spread = new ScaleReportModel(ScaleReports.DEFAULT_SEED, ScaleReportModel.HORIZON.atStartOfDay().toInstant(ScaleReportModel.LOCAL));
        for (long i = 0; i < 3_000; i++) {
            var g = model.report(i);
            var observed = OffsetDateTime.parse(g.draft().observedAt()).toInstant();
            assertThat(observed).isEqualTo(model.observedAt(i)).isBetween(WEEK, WEEK.plusSeconds(7 * 86_400 - 1));
            // weekday and time of day are those the report has without the week
            assertThat(Math.floorMod(observed.getEpochSecond() - spread.observedAt(i).getEpochSecond(), 7 * 86_400)).isZero();
            var id = g.draft().id();
            assertThat(id).isEqualTo(model.id(i));
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(observed.toEpochMilli());
            if (g.draft().observedUntil() != null) {
                assertThat(OffsetDateTime.parse(g.draft().observedUntil()).toInstant()).isAfterOrEqualTo(observed);
            }
            assertThat(g.receivedAt()).isAfterOrEqualTo(observed).isBeforeOrEqualTo(NOW);
            if (g.review() != null) {
                assertThat(g.review().at()).isAfterOrEqualTo(g.receivedAt()).isBeforeOrEqualTo(NOW);
            }
        }
    }

    @Test
    void the_same_seed_and_week_give_the_same_reports_whatever_the_clock_after_the_week() {
        // without a week, draws after the clock's now are drawn again: a later clock changes a few reports
        var a = new ScaleReportModel(7, WEEK.plusSeconds(30L * 86_400), WEEK);
        var b = new ScaleReportModel(7, NOW.plusSeconds(2L * 365 * 86_400), WEEK);
        for (long i = 0; i < 3_000; i++) {
            assertThat(b.report(i).draft()).isEqualTo(a.report(i).draft());
        }
    }

    @Test
    void the_current_week_holds_only_what_lies_before_now_and_a_future_week_is_refused() {
        var now = WEEK.plusSeconds(2 * 86_400 + 3_600);
        var model = new ScaleReportModel(ScaleReports.DEFAULT_SEED, now, WEEK);
        for (long i = 0; i < 1_000; i++) {
            assertThat(model.observedAt(i)).isBetween(WEEK, now);
        }
        assertThatThrownBy(() -> new ScaleReportModel(ScaleReports.DEFAULT_SEED, WEEK.minusSeconds(1), WEEK))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
