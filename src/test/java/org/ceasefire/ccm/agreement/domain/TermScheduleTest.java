package org.ceasefire.ccm.agreement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TermScheduleTest {

    /** Point 4: five years from 00:00 Moscow time on 10 November 2020, renewed for five years, six months' notice. */
    private static final Instant EFFECTIVE = Instant.parse("2020-11-09T21:00:00Z");

    private final TermSchedule peacekeepers = new TermSchedule(EFFECTIVE, 5, 5, 6);

    @Test
    void during_the_first_period_the_term_ends_five_years_after_it_began() {
        var position = peacekeepers.at(Instant.parse("2024-01-01T00:00:00Z"));

        assertThat(position.periodEndsAt()).isEqualTo(Instant.parse("2025-11-09T21:00:00Z"));
        assertThat(position.renewals()).isZero();
    }

    @Test
    void notice_against_renewal_is_due_six_months_before_the_period_ends() {
        var position = peacekeepers.at(Instant.parse("2024-01-01T00:00:00Z"));

        assertThat(position.noticeDeadline()).isEqualTo(Instant.parse("2025-05-09T21:00:00Z"));
    }

    @Test
    void after_the_first_period_without_notice_the_term_has_renewed_for_five_more_years() {
        var position = peacekeepers.at(Instant.parse("2026-11-28T00:00:00Z"));

        assertThat(position.periodEndsAt()).isEqualTo(Instant.parse("2030-11-09T21:00:00Z"));
        assertThat(position.noticeDeadline()).isEqualTo(Instant.parse("2030-05-09T21:00:00Z"));
        assertThat(position.renewals()).isEqualTo(1);
    }

    @Test
    void the_term_renews_at_the_exact_instant_its_period_ends() {
        var justBefore = peacekeepers.at(Instant.parse("2025-11-09T20:59:59Z"));
        var atEnd = peacekeepers.at(Instant.parse("2025-11-09T21:00:00Z"));

        assertThat(justBefore.renewals()).isZero();
        assertThat(atEnd.renewals()).isEqualTo(1);
        assertThat(atEnd.periodEndsAt()).isEqualTo(Instant.parse("2030-11-09T21:00:00Z"));
    }

    @Test
    void a_term_without_renewal_keeps_its_first_end_after_it_has_passed() {
        var once = new TermSchedule(EFFECTIVE, 5, 0, 6);

        var position = once.at(Instant.parse("2026-11-28T00:00:00Z"));

        assertThat(position.periodEndsAt()).isEqualTo(Instant.parse("2025-11-09T21:00:00Z"));
        assertThat(position.renewals()).isZero();
    }

    @Test
    void a_term_needs_a_positive_length() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TermSchedule(EFFECTIVE, 0, 5, 6));
    }
}
