package org.ceasefire.ccm.agreement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.ceasefire.ccm.agreement.ObligationKind;
import org.ceasefire.ccm.agreement.ObligationStatus;
import org.ceasefire.ccm.agreement.Timeliness;
import org.ceasefire.ccm.base.Instants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TimelinessPolicyTest {

    private static final ZoneOffset LOCAL = ZoneOffset.ofHours(4);

    /** "By 15 November 2020" as the catalogue reads it: the end of that day at UTC+4. */
    private static final Instant KALBAJAR_DUE = Instants.parseInstantOrDay("due", "2020-11-15", LOCAL);
    /** "By 20 November 2020". */
    private static final Instant AGHDAM_DUE = Instants.parseInstantOrDay("due", "2020-11-20", LOCAL);
    /** An agreed extension of the Kalbajar deadline to 25 November. */
    private static final Instant EXTENDED_DUE = Instants.endOfDay(LocalDate.of(2020, 11, 25), LOCAL);

    private final TimelinessPolicy policy = new TimelinessPolicy(Duration.ofHours(72));

    private static Instant local(String dateTime) {
        return OffsetDateTime.parse(dateTime + "+04:00").toInstant();
    }

    private Timeliness deadline(Instant originalDue, Instant due, Instant completedAt, Instant now) {
        return policy.assess(ObligationKind.DEADLINE, completedAt == null ? ObligationStatus.IN_PROGRESS
                : ObligationStatus.FULFILLED, originalDue, due, completedAt, null, now);
    }

    @Test
    void a_deadline_given_as_a_day_ends_at_23_59_59_at_utc_plus_4() {
        assertThat(KALBAJAR_DUE).isEqualTo(Instant.parse("2020-11-15T19:59:59Z"));
    }

    @Test
    void completion_at_the_last_second_of_the_due_day_is_on_time() {
        var completed = local("2020-11-15T23:59:59");

        assertThat(deadline(KALBAJAR_DUE, KALBAJAR_DUE, completed, local("2020-12-01T12:00:00")))
                .isEqualTo(Timeliness.MET_ON_TIME);
    }

    @Test
    void completion_within_the_last_second_of_the_due_day_is_still_on_time() {
        var completed = local("2020-11-15T23:59:59").plusMillis(999);

        assertThat(deadline(KALBAJAR_DUE, KALBAJAR_DUE, completed, local("2020-12-01T12:00:00")))
                .isEqualTo(Timeliness.MET_ON_TIME);
    }

    @Test
    void completion_one_second_after_the_due_day_without_amendment_is_late() {
        var completed = local("2020-11-16T00:00:00");

        assertThat(deadline(KALBAJAR_DUE, KALBAJAR_DUE, completed, local("2020-12-01T12:00:00")))
                .isEqualTo(Timeliness.MET_LATE);
    }

    @Test
    void completion_late_in_the_evening_at_utc_plus_4_is_on_time_while_the_same_wall_clock_in_utc_is_late() {
        var inBaku = OffsetDateTime.parse("2020-11-15T23:30:00+04:00").toInstant();
        var inUtc = OffsetDateTime.parse("2020-11-15T23:30:00Z").toInstant();
        var now = local("2020-12-01T12:00:00");

        assertThat(deadline(KALBAJAR_DUE, KALBAJAR_DUE, inBaku, now)).isEqualTo(Timeliness.MET_ON_TIME);
        assertThat(deadline(KALBAJAR_DUE, KALBAJAR_DUE, inUtc, now)).isEqualTo(Timeliness.MET_LATE);
    }

    @Test
    void completion_after_the_original_deadline_but_by_the_amended_one_is_met_under_extension() {
        var completed = local("2020-11-25T10:00:00");

        assertThat(deadline(KALBAJAR_DUE, EXTENDED_DUE, completed, local("2020-12-01T12:00:00")))
                .isEqualTo(Timeliness.MET_UNDER_EXTENSION);
    }

    @Test
    void completion_at_the_last_second_of_the_amended_day_is_met_under_extension() {
        var completed = local("2020-11-25T23:59:59");

        assertThat(deadline(KALBAJAR_DUE, EXTENDED_DUE, completed, local("2020-12-01T12:00:00")))
                .isEqualTo(Timeliness.MET_UNDER_EXTENSION);
    }

    @Test
    void completion_before_the_original_deadline_is_on_time_even_when_it_was_extended() {
        var completed = local("2020-11-14T09:00:00");

        assertThat(deadline(KALBAJAR_DUE, EXTENDED_DUE, completed, local("2020-12-01T12:00:00")))
                .isEqualTo(Timeliness.MET_ON_TIME);
    }

    @Test
    void completion_after_the_amended_deadline_is_late() {
        var completed = local("2020-11-26T00:00:00");

        assertThat(deadline(KALBAJAR_DUE, EXTENDED_DUE, completed, local("2020-12-01T12:00:00")))
                .isEqualTo(Timeliness.MET_LATE);
    }

    @Test
    void an_uncompleted_obligation_is_overdue_once_its_due_second_has_passed() {
        assertThat(deadline(AGHDAM_DUE, AGHDAM_DUE, null, local("2020-11-21T00:00:00")))
                .isEqualTo(Timeliness.OVERDUE);
    }

    @Test
    void an_uncompleted_obligation_is_not_yet_overdue_at_its_last_second() {
        assertThat(deadline(AGHDAM_DUE, AGHDAM_DUE, null, local("2020-11-20T23:59:59")))
                .isEqualTo(Timeliness.DUE_SOON);
    }

    @Test
    void an_uncompleted_obligation_is_judged_against_the_amended_deadline() {
        var now = local("2020-11-20T12:00:00");

        assertThat(deadline(KALBAJAR_DUE, EXTENDED_DUE, null, now)).isEqualTo(Timeliness.NOT_DUE);
        assertThat(deadline(KALBAJAR_DUE, KALBAJAR_DUE, null, now)).isEqualTo(Timeliness.OVERDUE);
    }

    @Test
    void an_uncompleted_obligation_is_due_soon_within_the_last_72_hours() {
        assertThat(deadline(AGHDAM_DUE, AGHDAM_DUE, null, local("2020-11-18T12:00:00")))
                .isEqualTo(Timeliness.DUE_SOON);
    }

    @Test
    void an_uncompleted_obligation_is_not_due_before_the_72_hour_window() {
        assertThat(deadline(AGHDAM_DUE, AGHDAM_DUE, null, local("2020-11-17T12:00:00")))
                .isEqualTo(Timeliness.NOT_DUE);
    }

    @Test
    void the_due_soon_window_follows_the_configured_duration() {
        var oneDay = new TimelinessPolicy(Duration.ofHours(24));
        var now = local("2020-11-18T12:00:00");

        assertThat(oneDay.assess(ObligationKind.DEADLINE, ObligationStatus.NOT_STARTED, AGHDAM_DUE, AGHDAM_DUE, null,
                null, now)).isEqualTo(Timeliness.NOT_DUE);
    }

    @ParameterizedTest
    @EnumSource(value = ObligationKind.class, names = {"STANDING", "CONDITIONAL"})
    void standing_and_conditional_obligations_have_no_timeliness(ObligationKind kind) {
        assertThat(policy.assess(kind, ObligationStatus.IN_PROGRESS, null, null, null, null, local("2020-11-18T12:00:00")))
                .isEqualTo(Timeliness.NOT_APPLICABLE);
    }

    @ParameterizedTest
    @EnumSource(value = ObligationStatus.class, names = {"SUPERSEDED", "TERMINATED", "MOOT"})
    void an_obligation_that_was_superseded_terminated_or_became_moot_has_no_timeliness(ObligationStatus status) {
        var afterDue = local("2020-12-15T12:00:00");

        assertThat(policy.assess(ObligationKind.DEADLINE, status, AGHDAM_DUE, AGHDAM_DUE, null, null, afterDue))
                .isEqualTo(Timeliness.NOT_APPLICABLE);
        assertThat(policy.assess(ObligationKind.TERM, status, null, null, null,
                Instant.parse("2025-11-09T21:00:00Z"), afterDue)).isEqualTo(Timeliness.NOT_APPLICABLE);
    }

    @Test
    void a_term_is_not_due_before_its_end() {
        var termEnd = Instant.parse("2025-11-09T21:00:00Z");

        assertThat(policy.assess(ObligationKind.TERM, ObligationStatus.IN_PROGRESS, null, null, null, termEnd,
                Instant.parse("2025-11-09T20:59:59Z"))).isEqualTo(Timeliness.NOT_DUE);
    }
}
