package org.ceasefire.ccm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ceasefire.ccm.CcmIntegrationTest;
import org.ceasefire.ccm.audit.domain.AuditEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit chain finds an altered or deleted entry. The database is shared with every other IT, so the tampering
 * happens in one test method that reads each row before touching it and puts it back exactly, even when an assertion
 * fails, and ends by checking that the chain is whole again.
 */
@CcmIntegrationTest
class AuditChainIT {

    static final String AUDIT = "/api/v1/audit";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> COLUMNS = List.of("seq", "recorded_at", "actor", "action", "object_type", "object_id",
            "before_state", "after_state", "prev_hash", "hash");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    static RequestPostProcessor admin() {
        return user("admin-audit").roles("ADMIN");
    }

    JsonNode verify() throws Exception {
        var body = mvc.perform(get(AUDIT + "/verify").with(admin()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JSON.readTree(body);
    }

    /** Files a report and verifies it over HTTP; returns the report id. */
    UUID fileAndReview(String monitor, String supervisor) throws Exception {
        var id = UUID.randomUUID();
        mvc.perform(post("/api/v1/reports").contentType(MediaType.APPLICATION_JSON).content("""
                {"id":"%s","agreement":"nk-2020-11-10","obligations":["6a"],"area":"WITHDRAWAL",
                 "observedAt":"2020-11-25T01:00:00+04:00","location":{"name":"Kalbajar","district":"Kalbajar"},
                 "summary":"Army units entered the district.",
                 "source":{"name":"Ministry of Defence","kind":"OFFICIAL","party":"AZ"},
                 "details":{"district":"Kalbajar","stage":"COMPLETED"}}""".formatted(id))
                        .with(user(monitor).roles("MONITOR")))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/reports/" + id + "/review").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"VERIFY\"}").with(user(supervisor).roles("SUPERVISOR")))
                .andExpect(status().isOk());
        return id;
    }

    /** The row as it is stored (a case-insensitive map: H2 answers with upper-case column names). */
    Map<String, Object> row(long seq) {
        return jdbc.queryForMap("select " + String.join(", ", COLUMNS) + " from audit_entry where seq = ?", seq);
    }

    void restore(Map<String, Object> row) {
        var seq = ((Number) row.get("seq")).longValue();
        jdbc.update("delete from audit_entry where seq = ?", seq);
        var values = new ArrayList<>();
        for (var column : COLUMNS) {
            values.add(row.get(column));
        }
        jdbc.update("insert into audit_entry (" + String.join(", ", COLUMNS) + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                values.toArray());
        assertThat(row(seq)).isEqualTo(row);
    }

    @Test
    void the_chain_of_real_changes_verifies_and_an_altered_or_deleted_entry_is_found_by_its_sequence_number() throws Exception {
        var monitor = "monitor-audit-" + UUID.randomUUID().toString().substring(0, 8);
        var supervisor = "supervisor-audit-" + UUID.randomUUID().toString().substring(0, 8);
        var id = fileAndReview(monitor, supervisor);

        // the entries of this report, as an administrator reads them
        var latest = JSON.readTree(mvc.perform(get(AUDIT).param("size", "500").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].objectId", hasItem(id.toString())))
                .andReturn().getResponse().getContentAsString());
        long submittedSeq = -1;
        long reviewedSeq = -1;
        for (var entry : latest) {
            if (entry.get("objectId").asString().equals(id.toString())) {
                if (entry.get("action").asString().equals("REPORT_SUBMITTED")) {
                    assertThat(entry.get("actor").asString()).isEqualTo(monitor);
                    assertThat(entry.get("before").isNull()).isTrue();
                    // a creation records the report's identity and the fingerprint of its content (the row holds the text)
                    assertThat(entry.get("after").asString()).contains("\"contentSha256\"", "\"SUBMITTED\"", id.toString());
                    submittedSeq = entry.get("seq").asLong();
                } else if (entry.get("action").asString().equals("REPORT_REVIEWED")) {
                    assertThat(entry.get("actor").asString()).isEqualTo(supervisor);
                    assertThat(entry.get("before").asString()).contains("SUBMITTED");
                    assertThat(entry.get("after").asString()).contains("VERIFIED");
                    reviewedSeq = entry.get("seq").asLong();
                }
            }
        }
        assertThat(submittedSeq).as("REPORT_SUBMITTED entry").isPositive();
        assertThat(reviewedSeq).as("REPORT_REVIEWED entry").isGreaterThan(submittedSeq);

        var before = verify();
        assertThat(before.get("intact").asBoolean()).as("chain before tampering: %s", before).isTrue();
        assertThat(before.get("entries").asLong()).isGreaterThanOrEqualTo(reviewedSeq);
        assertThat(before.get("firstBadSeq").isNull()).isTrue();

        var submitted = row(submittedSeq);
        var reviewed = row(reviewedSeq);
        try {
            // 1. an altered actor
            assertThat(jdbc.update("update audit_entry set actor = 'mallory' where seq = ?", submittedSeq)).isEqualTo(1);
            var altered = verify();
            assertThat(altered.get("intact").asBoolean()).isFalse();
            assertThat(altered.get("firstBadSeq").asLong()).isEqualTo(submittedSeq);
            assertThat(altered.get("problem").asString()).contains("altered");
            restore(submitted);
            assertThat(verify().get("intact").asBoolean()).isTrue();

            // 2. an altered state
            jdbc.update("update audit_entry set after_state = replace(after_state, 'VERIFIED', 'REJECTED') where seq = ?",
                    reviewedSeq);
            var rewritten = verify();
            assertThat(rewritten.get("intact").asBoolean()).isFalse();
            assertThat(rewritten.get("firstBadSeq").asLong()).isEqualTo(reviewedSeq);
            restore(reviewed);
            assertThat(verify().get("intact").asBoolean()).isTrue();

            // 3. a forger who alters an entry and recomputes its hash: the next entry no longer links to it
            var forged = new AuditEntry(submittedSeq, ((OffsetDateTime) submitted.get("recorded_at")).toInstant(), "mallory",
                    (String) submitted.get("action"), (String) submitted.get("object_type"),
                    (String) submitted.get("object_id"), (String) submitted.get("before_state"),
                    (String) submitted.get("after_state"), (String) submitted.get("prev_hash"));
            jdbc.update("update audit_entry set actor = 'mallory', hash = ? where seq = ?", forged.hash(), submittedSeq);
            var relinked = verify();
            assertThat(relinked.get("intact").asBoolean()).isFalse();
            assertThat(relinked.get("firstBadSeq").asLong()).isEqualTo(submittedSeq + 1);
            assertThat(relinked.get("problem").asString()).contains("link");
            restore(submitted);
            assertThat(verify().get("intact").asBoolean()).isTrue();

            // 4. an entry deleted from the middle
            jdbc.update("delete from audit_entry where seq = ?", submittedSeq);
            var gap = verify();
            assertThat(gap.get("intact").asBoolean()).isFalse();
            assertThat(gap.get("firstBadSeq").asLong()).isEqualTo(submittedSeq);
            assertThat(gap.get("problem").asString()).contains("missing");
            restore(submitted);
            assertThat(verify().get("intact").asBoolean()).isTrue();
        } finally {
            restoreIfChanged(submitted);
            restoreIfChanged(reviewed);
        }

        // 5. the last entry deleted, the head left as it was
        var lastSeq = jdbc.queryForObject("select max(seq) from audit_entry", Long.class);
        assertThat(lastSeq).isNotNull();
        var last = row(lastSeq);
        try {
            jdbc.update("delete from audit_entry where seq = ?", lastSeq);
            var truncated = verify();
            assertThat(truncated.get("intact").asBoolean()).isFalse();
            assertThat(truncated.get("firstBadSeq").asLong()).isEqualTo(lastSeq);
            assertThat(truncated.get("problem").asString()).contains(String.valueOf(lastSeq));
        } finally {
            restoreIfChanged(last);
        }

        var after = verify();
        assertThat(after.get("intact").asBoolean()).as("chain after restoring: %s", after).isTrue();
        assertThat(after.get("entries").asLong()).isGreaterThanOrEqualTo(before.get("entries").asLong());
    }

    private void restoreIfChanged(Map<String, Object> row) {
        var seq = ((Number) row.get("seq")).longValue();
        var now = jdbc.queryForList("select " + String.join(", ", COLUMNS) + " from audit_entry where seq = ?", seq);
        if (now.size() != 1 || !now.getFirst().equals(row)) {
            restore(row);
        }
    }

    @Test
    void only_an_administrator_reads_and_verifies_the_chain() throws Exception {
        for (var role : List.of("MONITOR", "SUPERVISOR", "BRIEFER")) {
            var who = user("not-admin-" + role.toLowerCase()).roles(role);
            mvc.perform(get(AUDIT + "/verify").with(who))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            mvc.perform(get(AUDIT).with(who)).andExpect(status().isForbidden());
        }
        mvc.perform(get(AUDIT + "/verify"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(AUDIT + "/verify").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.checkedAt").exists());
        mvc.perform(get(AUDIT).param("size", "501").with(admin())).andExpect(status().isBadRequest());
        mvc.perform(get(AUDIT).param("page", String.valueOf(Integer.MAX_VALUE)).param("size", "500").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
