package org.ceasefire.ccm.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.ceasefire.ccm.base.ui.Translations;
import org.ceasefire.ccm.reporting.ReportArea;
import org.ceasefire.ccm.reporting.ReportFact;
import org.ceasefire.ccm.reporting.ReportStatus;
import org.ceasefire.ccm.reporting.SourceKind;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Which figures the annex sets side by side, and what each source is taken to claim. */
class ConflictingClaimsTest {

    private final ConflictingClaims claims = new ConflictingClaims(ZoneOffset.ofHours(4),
            new BriefingText(new Translations(), Locale.ENGLISH, ZoneOffset.ofHours(4)));

    @Test
    void two_sources_giving_different_counts_for_the_same_exchange_on_the_same_day_conflict() {
        var a = fact(ReportArea.PRISONER_EXCHANGE, "2020-12-14T10:00:00Z", "ICRC", "A", 2, null,
                "{\"releasedBy\":\"AZ\",\"receivedBy\":\"AM\",\"prisonersOfWar\":44,\"basis\":\"EVENT\"}");
        var b = fact(ReportArea.PRISONER_EXCHANGE, "2020-12-14T11:00:00Z", "Ministry", "B", 3, null,
                "{\"releasedBy\":\"AZ\",\"receivedBy\":\"AM\",\"prisonersOfWar\":40,\"civilians\":2,\"basis\":\"EVENT\"}");
        claims.accept(a);
        claims.accept(b);

        assertThat(claims.result()).singleElement().satisfies(c -> {
            assertThat(c.day()).isEqualTo(LocalDate.of(2020, 12, 14));
            assertThat(c.subject()).isEqualTo("Exchange AZ → AM");
            assertThat(c.figure()).as("civilians were given by one source only: nothing to compare").isEqualTo("Prisoners of war");
            assertThat(c.claims()).extracting(Briefing.Claim::source, Briefing.Claim::grade, Briefing.Claim::value)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("ICRC", "A2", "44"),
                            org.assertj.core.groups.Tuple.tuple("Ministry", "B3", "40"));
            assertThat(c.claims().get(0).reports()).containsExactly(a.id());
        });
    }

    @Test
    void a_sources_single_events_of_a_day_are_added_up_before_they_are_compared() {
        claims.accept(fact(ReportArea.PRISONER_EXCHANGE, "2020-12-14T10:00:00Z", "ICRC", "A", 2, null,
                "{\"releasedBy\":\"AZ\",\"receivedBy\":\"AM\",\"prisonersOfWar\":30,\"basis\":\"EVENT\"}"));
        claims.accept(fact(ReportArea.PRISONER_EXCHANGE, "2020-12-14T12:00:00Z", "ICRC", "A", 2, null,
                "{\"releasedBy\":\"AZ\",\"receivedBy\":\"AM\",\"prisonersOfWar\":14,\"basis\":\"EVENT\"}"));
        claims.accept(fact(ReportArea.PRISONER_EXCHANGE, "2020-12-14T13:00:00Z", "Ministry", "B", 3, null,
                "{\"releasedBy\":\"AZ\",\"receivedBy\":\"AM\",\"prisonersOfWar\":44,\"basis\":\"EVENT\"}"));

        assertThat(claims.result()).as("30 + 14 is the 44 the ministry gave").isEmpty();
    }

    @Test
    void a_running_total_is_the_sources_latest_claim_of_the_day_and_is_compared_only_with_totals_since_the_same_day() {
        claims.accept(fact(ReportArea.REFUGEE_RETURN, "2023-09-29T08:00:00Z", "Government", "A", 2, null,
                "{\"direction\":\"DEPARTURE\",\"persons\":90000,\"basis\":\"CUMULATIVE\",\"since\":\"2023-09-24\"}"));
        claims.accept(fact(ReportArea.REFUGEE_RETURN, "2023-09-29T18:00:00Z", "Government", "A", 2, null,
                "{\"direction\":\"DEPARTURE\",\"persons\":97864,\"basis\":\"CUMULATIVE\",\"since\":\"2023-09-24\"}"));
        claims.accept(fact(ReportArea.REFUGEE_RETURN, "2023-09-29T12:00:00Z", "UNHCR", "A", 1, null,
                "{\"direction\":\"DEPARTURE\",\"persons\":95700,\"basis\":\"CUMULATIVE\",\"since\":\"2023-09-24\"}"));
        claims.accept(fact(ReportArea.REFUGEE_RETURN, "2023-09-29T12:00:00Z", "Another", "C", 3, null,
                "{\"direction\":\"DEPARTURE\",\"persons\":50000,\"basis\":\"CUMULATIVE\",\"since\":\"2023-09-26\"}"));

        assertThat(claims.result()).singleElement().satisfies(c -> {
            assertThat(c.subject()).isEqualTo("Departures (running total since 2023-09-24)");
            assertThat(c.claims()).extracting(Briefing.Claim::source, Briefing.Claim::value)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Government", "97,864"),
                            org.assertj.core.groups.Tuple.tuple("UNHCR", "95,700"));
            assertThat(c.claims().get(0).reports()).as("the latest claim's report only").hasSize(1);
        });
    }

    @Test
    void figures_of_different_days_or_places_or_unknown_counts_are_not_compared() {
        claims.accept(fact(ReportArea.CEASEFIRE, "2021-05-01T10:00:00Z", "A", "B", 2, "Shusha",
                "{\"allegedBy\":\"AM\",\"killed\":1}"));
        claims.accept(fact(ReportArea.CEASEFIRE, "2021-05-01T11:00:00Z", "B", "B", 2, "Aghdam",
                "{\"allegedBy\":\"AM\",\"killed\":2}"));
        claims.accept(fact(ReportArea.CEASEFIRE, "2021-05-02T11:00:00Z", "B", "B", 2, "Shusha",
                "{\"allegedBy\":\"AM\",\"killed\":3}"));
        claims.accept(fact(ReportArea.CEASEFIRE, "2021-05-01T12:00:00Z", "C", "B", 2, "Shusha",
                "{\"allegedBy\":\"AM\",\"wounded\":3}"));
        claims.accept(fact(ReportArea.CEASEFIRE, "2021-05-01T12:00:00Z", "D", "B", 2, null,
                "{\"allegedBy\":\"AM\",\"killed\":9}"));

        assertThat(claims.result()).isEmpty();
    }

    @Test
    void the_day_is_the_local_day_of_the_zone() {
        // 22:00 UTC on the 13th is 02:00 on the 14th at UTC+4: the same day as the other claim
        claims.accept(fact(ReportArea.CORRIDOR_TRAFFIC, "2022-12-13T22:00:00Z", "A", "B", 2, null,
                "{\"corridor\":\"LACHIN\",\"state\":\"CLOSED\"}"));
        claims.accept(fact(ReportArea.CORRIDOR_TRAFFIC, "2022-12-14T06:00:00Z", "B", "B", 2, null,
                "{\"corridor\":\"LACHIN\",\"state\":\"OPEN\"}"));

        assertThat(claims.result()).singleElement().satisfies(c -> {
            assertThat(c.day()).isEqualTo(LocalDate.of(2022, 12, 14));
            assertThat(c.subject()).isEqualTo("Lachin corridor");
            assertThat(c.claims()).extracting(Briefing.Claim::value).containsExactly("Closed", "Open");
        });
    }

    private static ReportFact fact(ReportArea area, String observedAt, String source, String reliability, int credibility,
            @Nullable String location, String details) {
        return new ReportFact(UUID.randomUUID(), "nk-2020-11-10", area, ReportStatus.VERIFIED, Instant.parse(observedAt), List.of(),
                location, null, "A report.", source, SourceKind.OFFICIAL, null, reliability, credibility, details);
    }
}
