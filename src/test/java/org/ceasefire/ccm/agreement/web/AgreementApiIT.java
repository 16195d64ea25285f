package org.ceasefire.ccm.agreement.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.ceasefire.ccm.CcmIntegrationTest;
import org.ceasefire.ccm.agreement.domain.DeadlineAmendmentRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The agreements and obligations API as a field client or script sees it. */
@CcmIntegrationTest
class AgreementApiIT {

    static final String OBLIGATIONS = "/api/v1/agreements/nk-2020-11-10/obligations";

    @Autowired
    MockMvc mvc;

    @Autowired
    DeadlineAmendmentRepository amendments;

    static RequestPostProcessor monitor() {
        return user("monitor").roles("MONITOR");
    }

    static RequestPostProcessor supervisor() {
        return user("supervisor").roles("SUPERVISOR");
    }

    static MockHttpServletRequestBuilder postJson(String path, String body) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void lists_the_agreement_with_both_names_and_its_effective_instant() throws Exception {
        mvc.perform(get("/api/v1/agreements").with(monitor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == 'nk-2020-11-10')].aliases[*]", hasItem("9 November statement")))
                .andExpect(jsonPath("$[?(@.code == 'nk-2020-11-10')].aliases[*]", hasItem("10 November statement")))
                .andExpect(jsonPath("$[?(@.code == 'nk-2020-11-10')].effectiveAt", hasItem("2020-11-09T21:00:00Z")))
                .andExpect(jsonPath("$[?(@.code == 'nk-2020-11-10')].parties[*]", containsInAnyOrder("AZ", "AM", "RU")));
    }

    @Test
    void lists_the_17_obligations_with_kinds_parties_and_deadlines_at_the_end_of_the_day_in_utc_plus_4() throws Exception {
        mvc.perform(get(OBLIGATIONS).with(monitor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(17)))
                .andExpect(jsonPath("$[*].code", containsInAnyOrder("1", "2", "3", "4a", "4b", "5", "6a", "6b", "6c",
                        "6d", "6e", "7", "8", "9a", "9b", "9c", "9d")))
                .andExpect(jsonPath("$[?(@.code == '2')].dueAt", hasItem("2020-11-20T19:59:59Z")))
                .andExpect(jsonPath("$[?(@.code == '2')].responsible[*]", hasItem("AM")))
                .andExpect(jsonPath("$[?(@.code == '6a')].originalDueAt", hasItem("2020-11-15T19:59:59Z")))
                .andExpect(jsonPath("$[?(@.code == '6b')].originalDueAt", hasItem("2020-12-01T19:59:59Z")))
                .andExpect(jsonPath("$[?(@.code == '4b')].kind", hasItem("TERM")))
                .andExpect(jsonPath("$[?(@.code == '9d')].kind", hasItem("CONDITIONAL")))
                .andExpect(jsonPath("$[?(@.code == '1')].timeliness", hasItem("NOT_APPLICABLE")));
    }

    @Test
    void an_undecided_handover_past_its_deadline_reads_overdue() throws Exception {
        mvc.perform(get(OBLIGATIONS + "/6b").with(monitor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timeliness").value("OVERDUE"))
                .andExpect(jsonPath("$.status").value("NOT_STARTED"))
                .andExpect(jsonPath("$.statusHistory", hasSize(0)));
    }

    @Test
    void amending_6a_and_recording_it_fulfilled_on_25_november_reads_met_under_extension() throws Exception {
        mvc.perform(postJson(OBLIGATIONS + "/6a/deadline-amendments", """
                {"newDueAt":"2020-11-25","requestedBy":"AM","agreedBy":["AZ"],"mediatedBy":"RU",
                 "decidedAt":"2020-11-15T12:00:00+04:00","source":"Statement of the Azerbaijani presidency, 15 Nov 2020"}""")
                        .with(supervisor()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.previousDueAt").value("2020-11-15T19:59:59Z"))
                .andExpect(jsonPath("$.newDueAt").value("2020-11-25T19:59:59Z"))
                .andExpect(jsonPath("$.recordedBy").value("supervisor"));

        mvc.perform(postJson(OBLIGATIONS + "/6a/status", """
                {"status":"FULFILLED","implementationLevel":3,"justification":"Azerbaijani army entered Kalbajar district.",
                 "effectiveAt":"2020-11-25T08:00:00+04:00"}""").with(supervisor()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.decidedBy").value("supervisor"))
                .andExpect(jsonPath("$.effectiveAt").value("2020-11-25T04:00:00Z"));

        mvc.perform(get(OBLIGATIONS + "/6a").with(monitor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timeliness").value("MET_UNDER_EXTENSION"))
                .andExpect(jsonPath("$.status").value("FULFILLED"))
                .andExpect(jsonPath("$.originalDueAt").value("2020-11-15T19:59:59Z"))
                .andExpect(jsonPath("$.dueAt").value("2020-11-25T19:59:59Z"))
                .andExpect(jsonPath("$.deadlineAmendments[0].agreedBy[0]").value("AZ"))
                .andExpect(jsonPath("$.statusHistory[0].justification").value("Azerbaijani army entered Kalbajar district."));
    }

    @Test
    void a_monitor_cannot_judge_or_amend_and_gets_a_403_problem() throws Exception {
        mvc.perform(postJson(OBLIGATIONS + "/6b/status", "{\"status\":\"FULFILLED\",\"justification\":\"x\"}").with(monitor()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("roles")));
        mvc.perform(postJson(OBLIGATIONS + "/6b/deadline-amendments", "{}").with(monitor()))
                .andExpect(status().isForbidden());
        mvc.perform(get(OBLIGATIONS + "/6b").with(monitor()))
                .andExpect(jsonPath("$.statusHistory", hasSize(0)));
    }

    @Test
    void an_anonymous_call_gets_a_401_problem() throws Exception {
        mvc.perform(get(OBLIGATIONS))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Basic")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Authentication required"));
    }

    @Test
    void the_same_decision_sent_again_is_stored_once_and_a_different_body_under_its_id_is_refused() throws Exception {
        var id = UUID.randomUUID();
        var body = """
                {"id":"%s","status":"IN_PROGRESS","justification":"Peacekeepers deploying.","effectiveAt":"2020-11-11T10:00:00+04:00"}"""
                .formatted(id);
        mvc.perform(postJson(OBLIGATIONS + "/6c/status", body).with(supervisor())).andExpect(status().isCreated());
        mvc.perform(postJson(OBLIGATIONS + "/6c/status", body).with(supervisor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id.toString()));
        mvc.perform(postJson(OBLIGATIONS + "/6c/status", body.replace("deploying", "deployed")).with(supervisor()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString(id.toString())));
        mvc.perform(get(OBLIGATIONS + "/6c").with(monitor()))
                .andExpect(jsonPath("$.statusHistory[?(@.id == '%s')]".formatted(id), hasSize(1)));
    }

    @Test
    void concurrent_duplicates_of_one_amendment_store_one_ledger_line() throws Exception {
        for (int round = 0; round < 5; round++) {
            concurrentDuplicates("2020-12-%02d".formatted(5 + round));
        }
    }

    private void concurrentDuplicates(String newDay) throws Exception {
        var id = UUID.randomUUID();
        var body = """
                {"id":"%s","newDueAt":"%s","requestedBy":"AM","agreedBy":["AZ"],
                 "decidedAt":"2020-11-28T12:00:00+04:00","source":"Joint statement"}""".formatted(id, newDay);
        var executor = Executors.newFixedThreadPool(8);
        try {
            var calls = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> mvc.perform(postJson(OBLIGATIONS + "/6b/deadline-amendments", body).with(supervisor()))
                        .andReturn().getResponse().getStatus());
            }
            var statuses = new ArrayList<Integer>();
            for (var f : executor.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(200, 201);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            executor.shutdownNow();
        }
        assertThat(amendments.findById(id)).isPresent();
        mvc.perform(get(OBLIGATIONS + "/6b").with(monitor()))
                .andExpect(jsonPath("$.deadlineAmendments[?(@.id == '%s')]".formatted(id), hasSize(1)));
    }

    @Test
    void an_instant_without_an_offset_is_refused_with_a_field_error_and_nothing_is_stored() throws Exception {
        mvc.perform(postJson(OBLIGATIONS + "/9a/status", """
                {"status":"BREACHED","justification":"Railway still closed.","effectiveAt":"2021-01-01T10:00:00"}""")
                        .with(supervisor()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("effectiveAt"))
                .andExpect(jsonPath("$.errors[0].message", containsString("offset")));
        mvc.perform(get(OBLIGATIONS + "/9a").with(monitor())).andExpect(jsonPath("$.statusHistory", hasSize(0)));
    }

    @Test
    void bad_decisions_get_4xx_problems_that_name_the_field() throws Exception {
        mvc.perform(postJson(OBLIGATIONS + "/9b/status", "{\"status\":\"DONE\",\"justification\":\"x\"}").with(supervisor()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(postJson(OBLIGATIONS + "/9b/status", "{\"status\":\"FULFILLED\",\"justification\":\"  \"}").with(supervisor()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("justification"));
        mvc.perform(postJson(OBLIGATIONS + "/9b/status", "{\"status\":\"FULFILLED\",\"implementationLevel\":1,\"justification\":\"x\"}").with(supervisor()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("implementationLevel"));
        mvc.perform(postJson(OBLIGATIONS + "/9b/status", "{\"status\":\"FULFILLED\",\"justification\":\"x\",\"evidence\":[\"%s\"]}"
                        .formatted(UUID.randomUUID())).with(supervisor()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("evidence"));
        mvc.perform(postJson(OBLIGATIONS + "/9b/status", "{\"status\":\"FULFILLED\",\"justification\":\"x\",\"effectiveAt\":\"2099-01-01T00:00:00Z\"}").with(supervisor()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("effectiveAt"));
        mvc.perform(postJson(OBLIGATIONS + "/9b/status", "{\"status\": [1, 2], ").with(supervisor()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(postJson(OBLIGATIONS + "/99z/status", "{\"status\":\"FULFILLED\",\"justification\":\"x\"}").with(supervisor()))
                .andExpect(status().isNotFound());
        mvc.perform(get(OBLIGATIONS + "/9b").with(monitor())).andExpect(jsonPath("$.statusHistory", hasSize(0)));
    }

    @Test
    void bad_amendments_get_4xx_problems_and_a_standing_obligation_has_no_deadline_to_amend() throws Exception {
        mvc.perform(postJson(OBLIGATIONS + "/2/deadline-amendments", """
                {"newDueAt":"2020-11-30","requestedBy":"XX","agreedBy":[],"decidedAt":"2020-11-18T10:00:00+04:00","source":""}""")
                        .with(supervisor()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("requestedBy", "agreedBy", "source")));
        mvc.perform(postJson(OBLIGATIONS + "/1/deadline-amendments", """
                {"newDueAt":"2020-11-30","requestedBy":"AM","agreedBy":["AZ"],"decidedAt":"2020-11-18T10:00:00+04:00","source":"s"}""")
                        .with(supervisor()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("STANDING")));
        mvc.perform(get(OBLIGATIONS + "/2").with(monitor())).andExpect(jsonPath("$.deadlineAmendments", hasSize(0)));
    }

    @Test
    void a_decision_based_on_an_outdated_version_is_refused_as_a_concurrent_edit() throws Exception {
        var version = mvc.perform(get(OBLIGATIONS + "/9c").with(monitor())).andReturn().getResponse().getContentAsString()
                .replaceAll("(?s).*\"version\":(\\d+).*", "$1");
        mvc.perform(postJson(OBLIGATIONS + "/9c/status", "{\"status\":\"IN_PROGRESS\",\"justification\":\"Border guards present.\"}")
                        .header("If-Match", "\"" + version + "\"").with(supervisor()))
                .andExpect(status().isCreated());
        mvc.perform(postJson(OBLIGATIONS + "/9c/status", "{\"status\":\"FULFILLED\",\"justification\":\"Based on the old view.\"}")
                        .header("If-Match", "\"" + version + "\"").with(supervisor()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("changed by someone else")));
    }

    @Test
    void an_unknown_agreement_is_a_404_problem() throws Exception {
        mvc.perform(get("/api/v1/agreements/no-such/obligations").with(monitor()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("no-such")));
    }
}
