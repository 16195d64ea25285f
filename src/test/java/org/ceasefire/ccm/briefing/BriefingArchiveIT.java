package org.ceasefire.ccm.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ceasefire.ccm.CcmIntegrationTest;
import org.ceasefire.ccm.base.Hashes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The weekly job: a week is archived once, in every format, and served later byte for byte with its hash. */
@CcmIntegrationTest
class BriefingArchiveIT {

    @Autowired
    BriefingArchive archive;

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void a_week_is_archived_once_and_served_unchanged_with_the_hash_listed() throws Exception {
        var week = IsoWeek.parse("2021-W02");
        assertThat(archive.archive("nk-2020-11-10", week)).isTrue();
        assertThat(archive.archive("nk-2020-11-10", week)).as("a second run, or another node, finds it done").isFalse();

        var list = mvc.perform(get("/api/v1/briefings/archive").with(user("briefer").roles("BRIEFER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var listed = tools.jackson.databind.json.JsonMapper.builder().build().readTree(list);
        var entry = java.util.stream.StreamSupport.stream(listed.spliterator(), false)
                .filter(a -> a.get("week").asString().equals("2021-W02")).findFirst().orElseThrow();
        assertThat(entry.get("producedBy").asString()).isEqualTo(BriefingArchive.SYSTEM_USER);
        var pdf = mvc.perform(get("/api/v1/briefings/archive/2021-W02").param("format", "pdf").with(user("briefer").roles("BRIEFER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(Hashes.sha256(pdf)).isEqualTo(entry.get("sha256").get(0).asString());
        try (var doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("2021-W02", "UTC+04:00");
        }

        var again = mvc.perform(get("/api/v1/briefings/archive/2021-W02").param("format", "pdf").with(user("briefer").roles("BRIEFER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(again).as("served byte for byte, however often").isEqualTo(pdf);
        var csv = mvc.perform(get("/api/v1/briefings/archive/2021-W02").param("format", "csv").with(user("briefer").roles("BRIEFER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(Hashes.sha256(csv)).isEqualTo(entry.get("sha256").get(3).asString());
    }

    @Test
    void the_check_archives_the_weeks_whose_monday_run_has_come_and_only_those() {
        // Monday 1 March 2021, 07:00 local: the run for 2021-W08 has come; with two weeks of catch-up W06 and W07 too
        archive.archiveDue(java.time.OffsetDateTime.parse("2021-03-01T07:00:00+04:00").toInstant(), 2);
        assertThat(archived()).contains("2021-W06", "2021-W07", "2021-W08").doesNotContain("2021-W05", "2021-W09");
        assertThat(meters.counter("ccm.briefing.archive", "outcome", "archived").count()).isGreaterThanOrEqualTo(3);

        // Monday 22 March, 05:59 local: 2021-W11's run is a minute away, so only 2021-W10 is due
        archive.archiveDue(java.time.OffsetDateTime.parse("2021-03-22T05:59:00+04:00").toInstant(), 0);
        assertThat(archived()).contains("2021-W10").doesNotContain("2021-W11");
    }

    @Test
    void a_week_another_node_is_producing_is_left_to_it_until_its_claim_goes_stale() {
        var week = IsoWeek.parse("2021-W20");
        jdbc.update("insert into job_claim (job, run_key, claimed_by, claimed_at) values (?, ?, ?, ?)", BriefingArchive.JOB,
                "nk-2020-11-10/2021-W20", "other-node/1", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(600)));
        assertThat(archive.archive("nk-2020-11-10", week)).as("claimed ten minutes ago by a node still at work").isFalse();
        assertThat(archived()).doesNotContain("2021-W20");

        jdbc.update("update job_claim set claimed_at = ? where run_key = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minus(BriefingArchive.STALE).minusSeconds(60)), "nk-2020-11-10/2021-W20");
        assertThat(archive.archive("nk-2020-11-10", week)).as("that node died: its stale claim is taken over").isTrue();
        assertThat(archived()).contains("2021-W20");
    }

    private java.util.List<String> archived() {
        return jdbc.queryForList("select iso_week from briefing_archive", String.class);
    }

    @Test
    void only_briefers_see_the_archive_and_a_week_not_archived_is_a_404() throws Exception {
        mvc.perform(get("/api/v1/briefings/archive").with(user("monitor").roles("MONITOR"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/briefings/archive").with(user("briefer").roles("BRIEFER"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/briefings/archive/2020-W49").with(user("briefer").roles("BRIEFER"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/briefings/archive/2020-W99").with(user("briefer").roles("BRIEFER"))).andExpect(status().isBadRequest());
    }
}
