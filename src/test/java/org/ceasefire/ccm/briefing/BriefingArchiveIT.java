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
    void only_briefers_see_the_archive_and_a_week_not_archived_is_a_404() throws Exception {
        mvc.perform(get("/api/v1/briefings/archive").with(user("monitor").roles("MONITOR"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/briefings/archive").with(user("briefer").roles("BRIEFER"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/briefings/archive/2020-W49").with(user("briefer").roles("BRIEFER"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/briefings/archive/2020-W99").with(user("briefer").roles("BRIEFER"))).andExpect(status().isBadRequest());
    }
}
