package org.ceasefire.ccm.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.ceasefire.ccm.CcmIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reading reports newest first a chunk at a time: every report once, in order, even when a thousand of them were
 * observed at the same instant (as a bulk import of one day's counts may be). Reading them oldest first as a stream
 * (for exports): the same reports in the same order as the database sorts them.
 */
@CcmIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportFactsIT {

    private static final String SOURCE = "Chunk test " + UUID.randomUUID();
    private static final Instant TIE = Instant.parse("2021-05-05T08:00:00Z");
    /** 60 reports naming two obligations, observed at one instant half an hour before the tie. */
    private static final Instant PAIRS = TIE.minusSeconds(1800);

    @Autowired
    ReportService reports;

    @Autowired
    ReportFacts facts;

    private final List<UUID> filed = new ArrayList<>();

    @BeforeAll
    void file() {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("monitor-chunks", null,
                AuthorityUtils.createAuthorityList("ROLE_MONITOR")));
        SecurityContextHolder.setContext(context);
        try {
            // 1,200 incidents at one instant, then 300 an hour apart before it: chunks of 500 must cross the tie
            for (int batch = 0; batch < 3; batch++) {
                var drafts = new ArrayList<ReportDraft>();
                for (int i = 0; i < 500; i++) {
                    var n = batch * 500 + i;
                    var at = n < 1200 ? TIE : TIE.minusSeconds(3600L * (n - 1199));
                    drafts.add(draft(at));
                }
                reports.submitBatch(drafts).forEach(r -> assertThat(r.status()).isEqualTo(201));
                drafts.forEach(d -> filed.add(d.id()));
            }
            var pairs = new ArrayList<ReportDraft>();
            for (int i = 0; i < 60; i++) {
                pairs.add(draft(PAIRS, List.of("6e", "1")));
            }
            reports.submitBatch(pairs).forEach(r -> assertThat(r.status()).isEqualTo(201));
            pairs.forEach(d -> filed.add(d.id()));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void every_report_of_an_area_is_read_once_newest_first_across_chunks_and_ties() {
        assertReadsAllOnce(ReportArea.CEASEFIRE);
    }

    @Test
    void every_report_of_any_area_is_read_once_newest_first_across_chunks_and_ties() {
        assertReadsAllOnce(null);
    }

    @Test
    void a_search_that_reads_too_many_says_it_stopped() {
        var found = facts.newest("nk-2020-11-10", null, Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2022-01-01T00:00:00Z"),
                List.of(ReportStatus.SUBMITTED), f -> f.summary().equals("no report says this"), 0, 10, 1000);

        assertThat(found.facts()).isEmpty();
        assertThat(found.complete()).isFalse();
    }

    @Test
    void the_stream_oldest_first_holds_every_report_once_in_the_order_the_database_sorts_them() {
        var from = Instant.parse("2020-01-01T00:00:00Z");
        var to = Instant.parse("2022-01-01T00:00:00Z");
        // observed() has the database sort by (observed_at, id, position); forEachObserved reads H2 along the index on
        // observation time and orders ties by id itself
        var sorted = facts.observed("nk-2020-11-10", ReportArea.CEASEFIRE, from, to, List.of(ReportStatus.SUBMITTED)).stream()
                .filter(f -> f.sourceName().equals(SOURCE)).toList();
        var streamed = new ArrayList<ReportFact>();
        facts.forEachObserved("nk-2020-11-10", from, to, List.of(ReportStatus.SUBMITTED), f -> {
            if (f.sourceName().equals(SOURCE)) {
                streamed.add(f);
            }
        });
        var everyStatus = new ArrayList<ReportFact>();
        facts.forEachObserved("nk-2020-11-10", from, to, List.of(ReportStatus.values()), f -> {
            if (f.sourceName().equals(SOURCE)) {
                everyStatus.add(f);
            }
        });

        assertThat(sorted).hasSize(filed.size());
        assertThat(streamed).containsExactlyElementsOf(sorted);
        assertThat(everyStatus).containsExactlyElementsOf(sorted);
        assertThat(streamed.stream().filter(f -> f.observedAt().equals(PAIRS)))
                .hasSize(60).allSatisfy(f -> assertThat(f.obligations()).containsExactly("6e", "1"));
        var none = new ArrayList<ReportFact>();
        facts.forEachObserved("nk-2020-11-10", from, to, List.of(ReportStatus.REJECTED), f -> {
            if (f.sourceName().equals(SOURCE)) {
                none.add(f);
            }
        });
        assertThat(none).isEmpty();
    }

    private void assertReadsAllOnce(ReportArea area) {
        var read = facts.newest("nk-2020-11-10", area, Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2022-01-01T00:00:00Z"),
                List.of(ReportStatus.SUBMITTED), f -> f.sourceName().equals(SOURCE), 0, 5000);

        assertThat(read).hasSize(filed.size());
        assertThat(new HashSet<>(read.stream().map(ReportFact::id).toList())).containsExactlyInAnyOrderElementsOf(filed);
        for (int i = 1; i < read.size(); i++) {
            assertThat(read.get(i).observedAt()).isBeforeOrEqualTo(read.get(i - 1).observedAt());
        }
        assertThat(read.getFirst().obligations()).containsExactly("1");
    }

    private static ReportDraft draft(Instant at) {
        return draft(at, List.of("1"));
    }

    private static ReportDraft draft(Instant at, List<String> obligations) {
        var details = JsonNodeFactory.instance.objectNode().put("allegedBy", "AZ").put("allegedAgainst", "AM");
        return new ReportDraft(UUID.randomUUID(), "nk-2020-11-10", obligations, "CEASEFIRE", at.toString(), null, null,
                "Small-arms fire reported", new ReportDraft.Source(SOURCE, "OWN_OBSERVATION", null, "B", 2, null), details);
    }
}
