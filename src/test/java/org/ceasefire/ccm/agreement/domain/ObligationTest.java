package org.ceasefire.ccm.agreement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ceasefire.ccm.agreement.ObligationKind;
import org.ceasefire.ccm.agreement.ObligationStatus;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ObligationTest {

    /** End of 15 November 2020 at UTC+4: the Kalbajar handover deadline. */
    private static final Instant KALBAJAR_DUE = Instant.parse("2020-11-15T19:59:59Z");
    private static final Instant EXTENDED_DUE = Instant.parse("2020-11-25T19:59:59Z");
    private static final Instant EXTENDED_AGAIN_DUE = Instant.parse("2020-11-30T19:59:59Z");

    private final Agreement agreement = new Agreement("nk-2020-11-10");

    private static Obligation.Definition definition(ObligationKind kind, @Nullable Instant due, String title) {
        return new Obligation.Definition(6, 5, title, title + ", with Armenian forces withdrawn", kind,
                due == null ? null : "by 15 November 2020", due, due != null, due == null ? "standing" : null, null,
                null, null, null, null, List.of(new Obligation.PartyRole("AM", Obligation.PartyRole.RESPONSIBLE)),
                List.of(), List.of("handover done"), null, "hash-" + title);
    }

    private Obligation kalbajar() {
        var obligation = new Obligation(agreement, "6a");
        obligation.define(definition(ObligationKind.DEADLINE, KALBAJAR_DUE, "Return of Kalbajar district"));
        return obligation;
    }

    private static StatusDecision decide(Obligation o, ObligationStatus status, @Nullable Integer level,
            String effectiveAt, String decidedAt) {
        return o.decide(UUID.randomUUID(), status, level, "Reported by two verified monitors", List.of(),
                Instant.parse(effectiveAt), "supervisor", Instant.parse(decidedAt), "request-hash");
    }

    private static DeadlineAmendment amend(Obligation o, Instant newDue, String decidedAt) {
        return o.amendDeadline(UUID.randomUUID(), newDue, "AM", List.of("AZ"), "RU", Instant.parse(decidedAt),
                "Statement of the Azerbaijani presidency", null, "supervisor", Instant.parse(decidedAt), "request-hash");
    }

    @Test
    void a_new_obligation_has_not_started() {
        var obligation = kalbajar();

        assertThat(obligation.currentStatus()).isEqualTo(ObligationStatus.NOT_STARTED);
        assertThat(obligation.currentLevel()).isZero();
        assertThat(obligation.completedAt()).isNull();
        assertThat(obligation.currentDueAt()).isEqualTo(KALBAJAR_DUE);
    }

    @Test
    void a_decision_becomes_the_current_status() {
        var obligation = kalbajar();

        decide(obligation, ObligationStatus.IN_PROGRESS, 1, "2020-11-12T08:00:00Z", "2020-11-12T09:00:00Z");

        assertThat(obligation.currentStatus()).isEqualTo(ObligationStatus.IN_PROGRESS);
        assertThat(obligation.currentLevel()).isEqualTo(1);
        assertThat(obligation.currentEffectiveAt()).isEqualTo(Instant.parse("2020-11-12T08:00:00Z"));
    }

    @Test
    void the_current_status_is_the_decision_with_the_latest_effective_instant_not_the_latest_recorded() {
        var obligation = kalbajar();
        decide(obligation, ObligationStatus.FULFILLED, null, "2020-11-25T10:00:00Z", "2020-11-26T09:00:00Z");

        decide(obligation, ObligationStatus.IN_PROGRESS, 1, "2020-11-20T10:00:00Z", "2020-11-27T09:00:00Z");

        assertThat(obligation.currentStatus()).isEqualTo(ObligationStatus.FULFILLED);
        assertThat(obligation.currentLevel()).isEqualTo(3);
        assertThat(obligation.completedAt()).isEqualTo(Instant.parse("2020-11-25T10:00:00Z"));
        assertThat(obligation.decisions()).hasSize(2);
    }

    @Test
    void a_later_effective_decision_recorded_afterwards_replaces_the_current_status() {
        var obligation = kalbajar();
        decide(obligation, ObligationStatus.FULFILLED, null, "2020-11-25T10:00:00Z", "2020-11-26T09:00:00Z");

        decide(obligation, ObligationStatus.BREACHED, 2, "2020-11-28T10:00:00Z", "2020-11-28T12:00:00Z");

        assertThat(obligation.currentStatus()).isEqualTo(ObligationStatus.BREACHED);
        assertThat(obligation.completedAt()).isNull();
    }

    @Test
    void of_decisions_with_the_same_effective_instant_the_latest_recorded_wins() {
        var obligation = kalbajar();
        decide(obligation, ObligationStatus.FULFILLED, null, "2020-11-25T10:00:00Z", "2020-11-26T09:00:00Z");

        decide(obligation, ObligationStatus.PARTIALLY_FULFILLED, 2, "2020-11-25T10:00:00Z", "2020-11-26T10:00:00Z");

        assertThat(obligation.currentStatus()).isEqualTo(ObligationStatus.PARTIALLY_FULFILLED);
        assertThat(obligation.currentLevel()).isEqualTo(2);
    }

    @Test
    void a_decision_without_a_level_takes_the_level_its_status_implies() {
        var obligation = kalbajar();

        var decision = decide(obligation, ObligationStatus.FULFILLED, null, "2020-11-25T10:00:00Z",
                "2020-11-26T09:00:00Z");

        assertThat(decision.implementationLevel()).isEqualTo(3);
        assertThat(obligation.currentLevel()).isEqualTo(3);
    }

    @Test
    void a_decision_without_a_level_whose_status_implies_none_keeps_the_current_level() {
        var obligation = kalbajar();
        decide(obligation, ObligationStatus.PARTIALLY_FULFILLED, 2, "2020-11-14T10:00:00Z", "2020-11-14T12:00:00Z");

        var decision = decide(obligation, ObligationStatus.DISPUTED, null, "2020-11-16T10:00:00Z",
                "2020-11-16T12:00:00Z");

        assertThat(decision.implementationLevel()).isEqualTo(2);
        assertThat(obligation.currentStatus()).isEqualTo(ObligationStatus.DISPUTED);
    }

    @Test
    void a_decision_with_a_blank_justification_is_refused_and_not_recorded() {
        var obligation = kalbajar();

        assertThatIllegalArgumentException().isThrownBy(() -> obligation.decide(UUID.randomUUID(),
                ObligationStatus.FULFILLED, 3, "   ", List.of(), Instant.parse("2020-11-25T10:00:00Z"), "supervisor",
                Instant.parse("2020-11-26T09:00:00Z"), "request-hash"))
                .withMessageContaining("justification");
        assertThat(obligation.decisions()).isEmpty();
        assertThat(obligation.currentStatus()).isEqualTo(ObligationStatus.NOT_STARTED);
    }

    @Test
    void a_decision_with_a_level_outside_0_to_3_is_refused() {
        var obligation = kalbajar();

        assertThatIllegalArgumentException().isThrownBy(() -> decide(obligation, ObligationStatus.IN_PROGRESS, 4,
                "2020-11-25T10:00:00Z", "2020-11-26T09:00:00Z"));
        assertThat(obligation.decisions()).isEmpty();
    }

    @Test
    void the_deadline_of_a_standing_obligation_cannot_be_amended() {
        var ceasefire = new Obligation(agreement, "1");
        ceasefire.define(definition(ObligationKind.STANDING, null, "Complete ceasefire"));

        assertThatIllegalStateException().isThrownBy(() -> amend(ceasefire, EXTENDED_DUE, "2020-11-14T12:00:00Z"))
                .withMessageContaining("STANDING");
        assertThat(ceasefire.amendments()).isEmpty();
        assertThat(ceasefire.currentDueAt()).isNull();
    }

    @Test
    void an_amendment_moves_the_deadline_in_force_and_keeps_the_original() {
        var obligation = kalbajar();

        var amendment = amend(obligation, EXTENDED_DUE, "2020-11-14T12:00:00Z");

        assertThat(obligation.originalDueAt()).isEqualTo(KALBAJAR_DUE);
        assertThat(obligation.currentDueAt()).isEqualTo(EXTENDED_DUE);
        assertThat(amendment.previousDueAt()).isEqualTo(KALBAJAR_DUE);
        assertThat(amendment.newDueAt()).isEqualTo(EXTENDED_DUE);
    }

    @Test
    void a_second_amendment_starts_from_the_first_amendments_new_deadline() {
        var obligation = kalbajar();
        amend(obligation, EXTENDED_DUE, "2020-11-14T12:00:00Z");

        var second = amend(obligation, EXTENDED_AGAIN_DUE, "2020-11-24T12:00:00Z");

        assertThat(second.previousDueAt()).isEqualTo(EXTENDED_DUE);
        assertThat(obligation.currentDueAt()).isEqualTo(EXTENDED_AGAIN_DUE);
        assertThat(obligation.originalDueAt()).isEqualTo(KALBAJAR_DUE);
        assertThat(obligation.amendments()).extracting(DeadlineAmendment::newDueAt)
                .containsExactly(EXTENDED_DUE, EXTENDED_AGAIN_DUE);
    }

    @Test
    void an_amendment_without_a_party_that_agreed_is_refused() {
        var obligation = kalbajar();

        assertThatIllegalArgumentException().isThrownBy(() -> obligation.amendDeadline(UUID.randomUUID(),
                EXTENDED_DUE, "AM", List.of(), null, Instant.parse("2020-11-14T12:00:00Z"), "Statement", null,
                "supervisor", Instant.parse("2020-11-14T12:00:00Z"), "request-hash"));
        assertThat(obligation.currentDueAt()).isEqualTo(KALBAJAR_DUE);
    }

    @Test
    void redefining_from_the_catalogue_keeps_the_decisions_and_the_amended_deadline() {
        var obligation = kalbajar();
        decide(obligation, ObligationStatus.IN_PROGRESS, 1, "2020-11-12T08:00:00Z", "2020-11-12T09:00:00Z");
        amend(obligation, EXTENDED_DUE, "2020-11-14T12:00:00Z");

        obligation.define(definition(ObligationKind.DEADLINE, KALBAJAR_DUE, "Return of Kalbajar district (revised)"));

        assertThat(obligation.title()).isEqualTo("Return of Kalbajar district (revised)");
        assertThat(obligation.decisions()).hasSize(1);
        assertThat(obligation.currentStatus()).isEqualTo(ObligationStatus.IN_PROGRESS);
        assertThat(obligation.currentLevel()).isEqualTo(1);
        assertThat(obligation.amendments()).hasSize(1);
        assertThat(obligation.currentDueAt()).isEqualTo(EXTENDED_DUE);
        assertThat(obligation.originalDueAt()).isEqualTo(KALBAJAR_DUE);
    }

    @Test
    void redefining_an_unamended_obligation_moves_its_deadline_to_the_catalogues() {
        var obligation = kalbajar();
        var corrected = Instant.parse("2020-11-16T19:59:59Z");

        obligation.define(definition(ObligationKind.DEADLINE, corrected, "Return of Kalbajar district"));

        assertThat(obligation.originalDueAt()).isEqualTo(corrected);
        assertThat(obligation.currentDueAt()).isEqualTo(corrected);
    }

    @Test
    void a_deadline_obligation_without_a_due_instant_cannot_be_defined() {
        var obligation = new Obligation(agreement, "6a");

        assertThatIllegalArgumentException().isThrownBy(
                () -> obligation.define(definition(ObligationKind.DEADLINE, null, "Return of Kalbajar district")));
    }

    @Test
    void a_retired_obligation_returns_to_the_catalogue_when_it_is_defined_again() {
        var obligation = kalbajar();
        obligation.retire();
        assertThat(obligation.inCatalogue()).isFalse();

        obligation.define(definition(ObligationKind.DEADLINE, KALBAJAR_DUE, "Return of Kalbajar district"));

        assertThat(obligation.inCatalogue()).isTrue();
    }
}
