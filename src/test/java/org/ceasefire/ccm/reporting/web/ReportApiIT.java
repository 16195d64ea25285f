package org.ceasefire.ccm.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.api.SoftAssertions;
import org.ceasefire.ccm.CcmIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reports API as a field client sees it: idempotent filing (one at a time, concurrently, in batches), validation
 * per area, the list, review with four eyes, corrections by the author, the role matrix, and reports as evidence.
 * The Spring context and database are shared with every other IT, so every report has a fresh id, counts are always
 * of this test's own reports (a unique author, or a unique day and obligation), and authors have their own names.
 */
@CcmIntegrationTest
class ReportApiIT {

    static final String REPORTS = "/api/v1/reports";
    static final String OBLIGATIONS = "/api/v1/agreements/nk-2020-11-10/obligations";
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A valid details object and a fitting obligation per area. */
    static final Map<String, String> DETAILS = Map.of(
            "WITHDRAWAL", "{\"district\":\"Kalbajar\",\"stage\":\"COMPLETED\"}",
            "PRISONER_EXCHANGE", "{\"releasedBy\":\"AZ\",\"receivedBy\":\"AM\",\"prisonersOfWar\":44,\"mediator\":\"RU\"}",
            "REFUGEE_RETURN", "{\"direction\":\"RETURN\",\"persons\":120,\"basis\":\"EVENT\"}",
            "CORRIDOR_TRAFFIC", "{\"corridor\":\"LACHIN\",\"state\":\"OPEN\",\"direction\":\"BOTH\",\"vehicles\":30,\"cargoTonnes\":12.5}",
            "CEASEFIRE", "{\"allegedBy\":\"AM\",\"allegedAgainst\":\"AZ\",\"assessment\":\"UNCONFIRMED\",\"wounded\":2}",
            "PEACEKEEPING", "{\"personnel\":1960,\"armouredVehicles\":90,\"basis\":\"LEVEL\"}",
            "TRANSPORT_LINKS", "{\"route\":\"Horadiz-Aghband railway\",\"progress\":{\"km\":[12,40],\"note\":null}}",
            "OTHER", "{\"anything\":[1,\"two\",{\"three\":true}]}");

    static final Map<String, String> OBLIGATION = Map.of("WITHDRAWAL", "6a", "PRISONER_EXCHANGE", "8",
            "REFUGEE_RETURN", "7", "CORRIDOR_TRAFFIC", "6c", "CEASEFIRE", "1", "PEACEKEEPING", "4a",
            "TRANSPORT_LINKS", "9a", "OTHER", "9d");

    @Autowired
    MockMvc mvc;

    // ------------------------------------------------------------------ helpers

    static RequestPostProcessor monitor() {
        return user("monitor").roles("MONITOR");
    }

    static RequestPostProcessor monitor(String name) {
        return user(name).roles("MONITOR");
    }

    static RequestPostProcessor supervisor() {
        return user("supervisor").roles("SUPERVISOR");
    }

    static RequestPostProcessor supervisor(String name) {
        return user(name).roles("SUPERVISOR");
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ObjectNode report(UUID id, String area) {
        return report(id, area, "2020-11-25T01:00:00+04:00");
    }

    static ObjectNode report(UUID id, String area, String observedAt, String... obligations) {
        var codes = obligations.length == 0 ? List.of(OBLIGATION.get(area)) : List.of(obligations);
        var text = """
                {"id":"%s","agreement":"nk-2020-11-10","obligations":%s,"area":"%s","observedAt":"%s",
                 "location":{"name":"Kalbajar","district":"Kalbajar","lat":40.10,"lon":46.04},
                 "summary":"Army units entered the district.",
                 "source":{"name":"Ministry of Defence","kind":"OFFICIAL","party":"AZ","reliability":"B","credibility":2,
                           "url":"https://example.org/item"},
                 "details":%s}""".formatted(id, JSON.writeValueAsString(codes), area, observedAt, DETAILS.get(area));
        return (ObjectNode) JSON.readTree(text);
    }

    static ObjectNode details(ObjectNode report) {
        return (ObjectNode) report.get("details");
    }

    static MockHttpServletRequestBuilder postJson(String path, Object body) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(body.toString());
    }

    ResultActions file(ObjectNode body, RequestPostProcessor who) throws Exception {
        return mvc.perform(postJson(REPORTS, body).with(who));
    }

    UUID filed(ObjectNode body, RequestPostProcessor who) throws Exception {
        file(body, who).andExpect(status().isCreated());
        return UUID.fromString(body.get("id").asString());
    }

    ResultActions review(UUID id, String decision, String reason, RequestPostProcessor who) throws Exception {
        var body = JsonNodeFactory.instance.objectNode().put("decision", decision);
        if (reason != null) {
            body.put("reason", reason);
        }
        return mvc.perform(postJson(REPORTS + "/" + id + "/review", body).with(who));
    }

    JsonNode read(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }

    long version(UUID id) throws Exception {
        return read(mvc.perform(get(REPORTS + "/" + id).with(monitor())).andExpect(status().isOk())).get("version").asLong();
    }

    void assertNotStored(UUID id) throws Exception {
        mvc.perform(get(REPORTS + "/" + id).with(monitor())).andExpect(status().isNotFound());
    }

    /** Sends the body, expects a 400 problem naming the field, and that nothing was stored under its id. */
    void assertRefused(ObjectNode body, String field) throws Exception {
        file(body, monitor())
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)));
        if (body.get("id") != null && body.get("id").isString()) {
            assertNotStored(UUID.fromString(body.get("id").asString()));
        }
    }

    // ------------------------------------------------------------------ idempotency

    @Test
    void the_same_report_sent_again_is_stored_once_and_a_different_body_under_its_id_is_a_409() throws Exception {
        var author = unique("monitor-idem");
        var id = UUID.randomUUID();
        var body = report(id, "WITHDRAWAL");
        file(body, monitor(author))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(id.toString()))
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.submittedBy").value(author))
                .andExpect(jsonPath("$.observedAt").value("2020-11-24T21:00:00Z"))
                .andExpect(jsonPath("$.details.stage").value("COMPLETED"));
        file(body, monitor(author))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id.toString()))
                .andExpect(jsonPath("$.summary").value("Army units entered the district."));

        var changed = body.deepCopy().put("summary", "Army units entered two districts.");
        file(changed, monitor(author))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString(id.toString())));

        mvc.perform(get(REPORTS + "/" + id).with(monitor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.summary").value("Army units entered the district."));
        mvc.perform(get(REPORTS).param("submittedBy", author).with(monitor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[*].id", contains(id.toString())));
    }

    @Test
    void a_retry_that_writes_the_same_instant_with_another_offset_is_the_same_report() throws Exception {
        var author = unique("monitor-offset");
        var id = UUID.randomUUID();
        file(report(id, "CORRIDOR_TRAFFIC", "2020-11-25T01:00:00+04:00"), monitor(author))
                .andExpect(status().isCreated());
        file(report(id, "CORRIDOR_TRAFFIC", "2020-11-24T21:00:00Z"), monitor(author))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.observedAt").value("2020-11-24T21:00:00Z"));
        file(report(id, "CORRIDOR_TRAFFIC", "2020-11-24T23:00:00+02:00"), monitor(author))
                .andExpect(status().isOk());
        file(report(id, "CORRIDOR_TRAFFIC", "2020-11-24T21:00:01Z"), monitor(author))
                .andExpect(status().isConflict());
        mvc.perform(get(REPORTS).param("submittedBy", author).with(monitor()))
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void sixteen_concurrent_sends_of_one_report_store_it_once_with_one_201_and_fifteen_200s() throws Exception {
        for (int round = 0; round < 5; round++) {
            var author = unique("monitor-race");
            var body = report(UUID.randomUUID(), "REFUGEE_RETURN");
            var statuses = concurrently(16, i -> file(body, monitor(author)).andReturn().getResponse().getStatus());
            assertThat(statuses).as("round %d", round).containsOnly(200, 201);
            assertThat(statuses).as("round %d", round).filteredOn(s -> s == 201).hasSize(1);
            mvc.perform(get(REPORTS).param("submittedBy", author).with(monitor()))
                    .andExpect(jsonPath("$.total").value(1))
                    .andExpect(jsonPath("$.items[0].id").value(body.get("id").asString()));
        }
    }

    @Test
    void sixteen_concurrent_sends_of_different_reports_are_all_stored() throws Exception {
        var author = unique("monitor-parallel");
        var ids = new ArrayList<UUID>();
        for (int i = 0; i < 16; i++) {
            ids.add(UUID.randomUUID());
        }
        var statuses = concurrently(16, i -> file(report(ids.get(i), "CEASEFIRE"), monitor(author))
                .andReturn().getResponse().getStatus());
        assertThat(statuses).hasSize(16).containsOnly(201);
        mvc.perform(get(REPORTS).param("submittedBy", author).param("size", "50").with(monitor()))
                .andExpect(jsonPath("$.total").value(16))
                .andExpect(jsonPath("$.items[*].id", containsInAnyOrder(ids.stream().map(UUID::toString).toArray())));
    }

    interface Call {
        int run(int index) throws Exception;
    }

    static List<Integer> concurrently(int threads, Call call) throws Exception {
        var executor = Executors.newFixedThreadPool(threads);
        var start = new CountDownLatch(1);
        try {
            var calls = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < threads; i++) {
                var index = i;
                calls.add(() -> {
                    start.await();
                    return call.run(index);
                });
            }
            var futures = calls.stream().map(executor::submit).toList();
            start.countDown();
            var statuses = new ArrayList<Integer>();
            for (var f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            executor.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ validation per area

    @Test
    void withdrawal_needs_district_and_stage() throws Exception {
        filed(report(UUID.randomUUID(), "WITHDRAWAL"), monitor());
        for (var field : List.of("district", "stage")) {
            var body = report(UUID.randomUUID(), "WITHDRAWAL");
            details(body).remove(field);
            assertRefused(body, "details." + field);
        }
        var halfway = report(UUID.randomUUID(), "WITHDRAWAL");
        details(halfway).put("stage", "HALFWAY");
        assertRefused(halfway, "details.stage");
    }

    @Test
    void prisoner_exchange_needs_who_released_who_received_and_a_count() throws Exception {
        filed(report(UUID.randomUUID(), "PRISONER_EXCHANGE"), monitor());
        var bodiesOnly = report(UUID.randomUUID(), "PRISONER_EXCHANGE");
        details(bodiesOnly).remove("prisonersOfWar");
        details(bodiesOnly).put("bodies", 0);
        filed(bodiesOnly, monitor());
        for (var field : List.of("releasedBy", "receivedBy")) {
            var body = report(UUID.randomUUID(), "PRISONER_EXCHANGE");
            details(body).remove(field);
            assertRefused(body, "details." + field);
        }
        var noCount = report(UUID.randomUUID(), "PRISONER_EXCHANGE");
        details(noCount).remove("prisonersOfWar");
        assertRefused(noCount, "details");
        var negative = report(UUID.randomUUID(), "PRISONER_EXCHANGE");
        details(negative).put("prisonersOfWar", -1);
        assertRefused(negative, "details.prisonersOfWar");
        var fraction = report(UUID.randomUUID(), "PRISONER_EXCHANGE");
        details(fraction).put("prisonersOfWar", 4.5);
        assertRefused(fraction, "details.prisonersOfWar");
        var unknownParty = report(UUID.randomUUID(), "PRISONER_EXCHANGE");
        details(unknownParty).put("receivedBy", "XX");
        assertRefused(unknownParty, "details.receivedBy");
    }

    @Test
    void refugee_return_needs_direction_persons_and_basis() throws Exception {
        filed(report(UUID.randomUUID(), "REFUGEE_RETURN"), monitor());
        for (var field : List.of("direction", "persons", "basis")) {
            var body = report(UUID.randomUUID(), "REFUGEE_RETURN");
            details(body).remove(field);
            assertRefused(body, "details." + field);
        }
        var since = report(UUID.randomUUID(), "REFUGEE_RETURN");
        details(since).put("basis", "CUMULATIVE").put("since", "2020-11-14");
        file(since, monitor())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.details.basis").value("CUMULATIVE"))
                .andExpect(jsonPath("$.details.since").value("2020-11-14"));
        var impossibleDay = report(UUID.randomUUID(), "REFUGEE_RETURN");
        details(impossibleDay).put("basis", "CUMULATIVE").put("since", "2020-02-30");
        assertRefused(impossibleDay, "details.since");
    }

    @Test
    void a_cumulative_refugee_figure_without_its_start_day_is_kept_as_the_claim_it_is() throws Exception {
        // API.md requires direction, persons and basis; a running total whose start day the source did not give is
        // still a claim worth keeping (ADR 0007), and a malformed day is still refused
        var cumulative = report(UUID.randomUUID(), "REFUGEE_RETURN");
        details(cumulative).put("basis", "CUMULATIVE");
        file(cumulative, monitor())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.details.basis").value("CUMULATIVE"));
        var impossibleDay = report(UUID.randomUUID(), "REFUGEE_RETURN");
        details(impossibleDay).put("basis", "CUMULATIVE").put("since", "2020-02-30");
        assertRefused(impossibleDay, "details.since");
    }

    @Test
    void a_report_is_shown_beside_other_sources_claims_for_the_same_area_and_local_day() throws Exception {
        var day = java.time.LocalDate.of(1990, 1, 1).plusDays(new java.util.Random().nextInt(9000));
        var mine = report(UUID.randomUUID(), "PRISONER_EXCHANGE", day + "T10:00:00+04:00", "8");
        var otherSourceLateThatDay = report(UUID.randomUUID(), "PRISONER_EXCHANGE", day + "T23:30:00+04:00", "8");
        ((ObjectNode) otherSourceLateThatDay.get("source")).put("name", "ICRC press office").put("kind", "NGO").put("party", "ICRC");
        var sameSourceSameDay = report(UUID.randomUUID(), "PRISONER_EXCHANGE", day + "T12:00:00+04:00", "8");
        var otherSourceNextLocalDay = report(UUID.randomUUID(), "PRISONER_EXCHANGE", day.plusDays(1) + "T00:30:00+04:00", "8");
        ((ObjectNode) otherSourceNextLocalDay.get("source")).put("name", "ICRC press office").put("kind", "NGO");
        var rejectedOtherSource = report(UUID.randomUUID(), "PRISONER_EXCHANGE", day + "T15:00:00+04:00", "8");
        ((ObjectNode) rejectedOtherSource.get("source")).put("name", "Anonymous channel").put("kind", "MEDIA").remove("party");
        var otherArea = report(UUID.randomUUID(), "REFUGEE_RETURN", day + "T11:00:00+04:00", "7");
        ((ObjectNode) otherArea.get("source")).put("name", "UNHCR").put("kind", "UN").put("party", "UNHCR");
        var author = monitor(unique("side"));
        var id = filed(mine, author);
        var expected = filed(otherSourceLateThatDay, author);
        filed(sameSourceSameDay, author);
        filed(otherSourceNextLocalDay, author);
        var rejected = filed(rejectedOtherSource, author);
        filed(otherArea, author);
        review(rejected, "REJECT", "Unsourced rumour", supervisor(unique("sup"))).andExpect(status().isOk());

        mvc.perform(get(REPORTS + "/" + id + "/related").with(supervisor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", org.hamcrest.Matchers.contains(expected.toString())))
                .andExpect(jsonPath("$[0].details.prisonersOfWar").value(44))
                .andExpect(jsonPath("$[0].source.name").value("ICRC press office"));
    }

    @Test
    void corridor_traffic_needs_corridor_and_state() throws Exception {
        filed(report(UUID.randomUUID(), "CORRIDOR_TRAFFIC"), monitor());
        for (var field : List.of("corridor", "state")) {
            var body = report(UUID.randomUUID(), "CORRIDOR_TRAFFIC");
            details(body).remove(field);
            assertRefused(body, "details." + field);
        }
        var unknownCorridor = report(UUID.randomUUID(), "CORRIDOR_TRAFFIC");
        details(unknownCorridor).put("corridor", "ZANGEZUR");
        assertRefused(unknownCorridor, "details.corridor");
    }

    @Test
    void ceasefire_needs_who_alleges() throws Exception {
        filed(report(UUID.randomUUID(), "CEASEFIRE"), monitor());
        var body = report(UUID.randomUUID(), "CEASEFIRE");
        details(body).remove("allegedBy");
        assertRefused(body, "details.allegedBy");
        var assessment = report(UUID.randomUUID(), "CEASEFIRE");
        details(assessment).put("assessment", "PROBABLY");
        assertRefused(assessment, "details.assessment");
    }

    @Test
    void peacekeeping_needs_at_least_one_figure() throws Exception {
        filed(report(UUID.randomUUID(), "PEACEKEEPING"), monitor());
        var posts = report(UUID.randomUUID(), "PEACEKEEPING");
        details(posts).removeAll();
        details(posts).put("observationPosts", 23);
        file(posts, monitor())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.details.basis").value("LEVEL"));
        var none = report(UUID.randomUUID(), "PEACEKEEPING");
        details(none).removeAll();
        details(none).put("basis", "LEVEL");
        assertRefused(none, "details");
    }

    @Test
    void transport_links_and_other_take_any_object_but_only_an_object() throws Exception {
        for (var area : List.of("TRANSPORT_LINKS", "OTHER")) {
            var body = report(UUID.randomUUID(), area);
            file(body, monitor())
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.details").exists());
            var empty = report(UUID.randomUUID(), area);
            details(empty).removeAll();
            filed(empty, monitor());
            var absent = report(UUID.randomUUID(), area);
            absent.remove("details");
            filed(absent, monitor());
            var array = report(UUID.randomUUID(), area);
            array.set("details", JSON.readTree("[1,2,3]"));
            assertRefused(array, "details");
        }
    }

    @Test
    void an_unknown_obligation_is_refused() throws Exception {
        assertRefused(report(UUID.randomUUID(), "WITHDRAWAL", "2020-11-25T01:00:00+04:00", "6a", "99z"), "obligations");
    }

    @Test
    void an_unknown_party_code_is_refused() throws Exception {
        var body = report(UUID.randomUUID(), "WITHDRAWAL");
        ((ObjectNode) body.get("source")).put("party", "XX");
        assertRefused(body, "source.party");
    }

    @Test
    void an_instant_without_an_offset_is_refused() throws Exception {
        assertRefused(report(UUID.randomUUID(), "WITHDRAWAL", "2020-11-25T01:00:00"), "observedAt");
    }

    @Test
    void an_observation_in_the_future_is_refused() throws Exception {
        var tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.ofHours(4));
        assertRefused(report(UUID.randomUUID(), "WITHDRAWAL", tomorrow.toString()), "observedAt");
    }

    @Test
    void a_latitude_out_of_range_is_refused() throws Exception {
        var body = report(UUID.randomUUID(), "WITHDRAWAL");
        ((ObjectNode) body.get("location")).put("lat", 91.0);
        assertRefused(body, "location.lat");
    }

    @Test
    void a_summary_over_4000_characters_is_refused_and_one_of_4000_is_stored() throws Exception {
        var body = report(UUID.randomUUID(), "WITHDRAWAL");
        body.put("summary", "x".repeat(4001));
        assertRefused(body, "summary");
        var longest = report(UUID.randomUUID(), "WITHDRAWAL");
        longest.put("summary", "x".repeat(4000));
        filed(longest, monitor());
    }

    @Test
    void a_credibility_of_7_is_refused() throws Exception {
        var body = report(UUID.randomUUID(), "WITHDRAWAL");
        ((ObjectNode) body.get("source")).put("credibility", 7);
        assertRefused(body, "source.credibility");
    }

    @Test
    void a_reliability_of_g_is_refused() throws Exception {
        var body = report(UUID.randomUUID(), "WITHDRAWAL");
        ((ObjectNode) body.get("source")).put("reliability", "G");
        assertRefused(body, "source.reliability");
    }

    @Test
    void an_unknown_details_key_is_refused() throws Exception {
        var body = report(UUID.randomUUID(), "WITHDRAWAL");
        details(body).put("colour", "green");
        assertRefused(body, "details.colour");
    }

    @Test
    void missing_required_fields_are_each_named() throws Exception {
        for (var field : List.of("agreement", "area", "observedAt", "summary", "source")) {
            var body = report(UUID.randomUUID(), "WITHDRAWAL");
            body.remove(field);
            assertRefused(body, field);
        }
        for (var field : List.of("name", "kind")) {
            var body = report(UUID.randomUUID(), "WITHDRAWAL");
            ((ObjectNode) body.get("source")).remove(field);
            assertRefused(body, "source." + field);
        }
        var noId = report(UUID.randomUUID(), "WITHDRAWAL");
        noId.remove("id");
        assertRefused(noId, "id");
        var unknownAgreement = report(UUID.randomUUID(), "WITHDRAWAL");
        unknownAgreement.put("agreement", "nk-1994-05-12");
        assertRefused(unknownAgreement, "agreement");
    }

    @Test
    void every_problem_of_a_report_is_named_in_one_answer() throws Exception {
        var body = report(UUID.randomUUID(), "WITHDRAWAL");
        body.put("summary", " ");
        ((ObjectNode) body.get("source")).put("credibility", 0).put("reliability", "Z");
        details(body).remove("stage");
        file(body, monitor())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("summary", "source.reliability",
                        "source.credibility", "details.stage")));
    }

    // ------------------------------------------------------------------ batch

    @Test
    void a_batch_answers_each_report_on_its_own() throws Exception {
        var author = unique("monitor-batch");
        var stored = report(UUID.randomUUID(), "WITHDRAWAL");
        var storedOther = report(UUID.randomUUID(), "CEASEFIRE");
        filed(stored, monitor(author));
        filed(storedOther, monitor(author));

        var good = List.of(report(UUID.randomUUID(), "REFUGEE_RETURN"), report(UUID.randomUUID(), "PEACEKEEPING"),
                report(UUID.randomUUID(), "OTHER"));
        var bad = report(UUID.randomUUID(), "WITHDRAWAL");
        details(bad).remove("stage");
        var changed = storedOther.deepCopy().put("summary", "A different claim under a used id.");
        var batch = JSON.createArrayNode().add(good.get(0)).add(good.get(1)).add(good.get(2)).add(bad).add(stored).add(changed);

        mvc.perform(postJson(REPORTS + "/batch", batch).with(monitor(author)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(6)))
                .andExpect(jsonPath("$[*].status", contains(201, 201, 201, 400, 200, 409)))
                .andExpect(jsonPath("$[*].id", contains(good.get(0).get("id").asString(), good.get(1).get("id").asString(),
                        good.get(2).get("id").asString(), bad.get("id").asString(), stored.get("id").asString(),
                        storedOther.get("id").asString())))
                .andExpect(jsonPath("$[0].problem").doesNotExist())
                .andExpect(jsonPath("$[4].problem").doesNotExist())
                .andExpect(jsonPath("$[3].problem.status").value(400))
                .andExpect(jsonPath("$[3].problem.title").value("Invalid input"))
                .andExpect(jsonPath("$[3].problem.errors[*].field", hasItem("details.stage")))
                .andExpect(jsonPath("$[5].problem.status").value(409))
                .andExpect(jsonPath("$[5].problem.detail", containsString(storedOther.get("id").asString())));

        assertNotStored(UUID.fromString(bad.get("id").asString()));
        for (var g : good) {
            mvc.perform(get(REPORTS + "/" + g.get("id").asString()).with(monitor()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.submittedBy").value(author));
        }
        mvc.perform(get(REPORTS + "/" + storedOther.get("id").asString()).with(monitor()))
                .andExpect(jsonPath("$.summary").value("Army units entered the district."));
        mvc.perform(get(REPORTS).param("submittedBy", author).with(monitor()))
                .andExpect(jsonPath("$.total").value(5));

        // the whole batch again: everything stored is answered 200, and nothing new is stored
        mvc.perform(postJson(REPORTS + "/batch", batch).with(monitor(author)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].status", contains(200, 200, 200, 400, 200, 409)));
        mvc.perform(get(REPORTS).param("submittedBy", author).with(monitor()))
                .andExpect(jsonPath("$.total").value(5));
    }

    @Test
    void the_same_report_twice_in_one_batch_is_stored_once() throws Exception {
        var author = unique("monitor-batch-dup");
        var one = report(UUID.randomUUID(), "WITHDRAWAL");
        var sameIdOtherBody = one.deepCopy().put("summary", "Something else.");
        var batch = JSON.createArrayNode().add(one).add(one).add(sameIdOtherBody);
        mvc.perform(postJson(REPORTS + "/batch", batch).with(monitor(author)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].status", contains(201, 200, 409)));
        mvc.perform(get(REPORTS).param("submittedBy", author).with(monitor()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].summary").value("Army units entered the district."));
    }

    @Test
    void a_batch_of_501_is_refused_whole_and_stores_nothing() throws Exception {
        var batch = JSON.createArrayNode();
        for (int i = 0; i < 501; i++) {
            batch.add(report(UUID.randomUUID(), "OTHER"));
        }
        mvc.perform(postJson(REPORTS + "/batch", batch).with(monitor()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("500")));
        assertNotStored(UUID.fromString(batch.get(0).get("id").asString()));
        assertNotStored(UUID.fromString(batch.get(500).get("id").asString()));
    }

    @Test
    void a_batch_item_of_the_wrong_shape_is_refused_alone() throws Exception {
        var author = unique("monitor-batch-shape");
        var first = report(UUID.randomUUID(), "WITHDRAWAL");
        var north = report(UUID.randomUUID(), "WITHDRAWAL");
        ((ObjectNode) north.get("location")).put("lat", "north");
        var last = report(UUID.randomUUID(), "CEASEFIRE");
        var batch = JSON.createArrayNode().add(first).add(north).add(last);
        mvc.perform(postJson(REPORTS + "/batch", batch).with(monitor(author)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].status", contains(201, 400, 201)))
                .andExpect(jsonPath("$[1].id").value(north.get("id").asString()))
                .andExpect(jsonPath("$[1].problem.status").value(400));
        assertNotStored(UUID.fromString(north.get("id").asString()));
        mvc.perform(get(REPORTS).param("submittedBy", author).with(monitor()))
                .andExpect(jsonPath("$.total").value(2));
    }

    @Test
    void a_batch_that_is_not_an_array_is_a_400_problem() throws Exception {
        mvc.perform(postJson(REPORTS + "/batch", report(UUID.randomUUID(), "WITHDRAWAL")).with(monitor()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(postJson(REPORTS + "/batch", "[]").with(monitor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
    }

    // ------------------------------------------------------------------ list

    @Test
    void the_list_pages_in_the_contract_shape_and_filters_by_area_status_local_days_and_obligation() throws Exception {
        var author = unique("monitor-list");
        var day = LocalDate.of(1995, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365 * 24));
        var next = day.plusDays(1);
        var r1 = filed(report(UUID.randomUUID(), "WITHDRAWAL", day + "T10:00:00+04:00", "6d"), monitor(author));
        var r2 = filed(report(UUID.randomUUID(), "CORRIDOR_TRAFFIC", day + "T23:30:00+04:00", "6d", "9b"), monitor(author));
        // 20:30 UTC on the day, but 00:30 of the next local day (UTC+4): it belongs to the next day
        var r3 = filed(report(UUID.randomUUID(), "WITHDRAWAL", day + "T20:30:00Z", "6d"), monitor(author));
        var r4 = filed(report(UUID.randomUUID(), "WITHDRAWAL", day + "T12:00:00+04:00", "6a"), monitor(author));
        review(r1, "VERIFY", null, supervisor()).andExpect(status().isOk());

        mvc.perform(get(REPORTS).param("from", day.toString()).param("to", day.toString()).param("obligation", "6d")
                        .with(monitor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(50))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[*].id", contains(r2.toString(), r1.toString())));
        mvc.perform(get(REPORTS).param("from", next.toString()).param("to", next.toString()).param("obligation", "6d")
                        .with(monitor()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(r3.toString()));
        mvc.perform(get(REPORTS).param("from", day.toString()).param("to", day.toString()).param("obligation", "6a")
                        .with(monitor()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(r4.toString()));
        mvc.perform(get(REPORTS).param("from", day.toString()).param("to", day.toString()).param("obligation", "6d")
                        .param("area", "WITHDRAWAL").with(monitor()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(r1.toString()));
        mvc.perform(get(REPORTS).param("from", day.toString()).param("to", day.toString()).param("obligation", "6d")
                        .param("status", "VERIFIED").with(monitor()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].status").value("VERIFIED"));
        mvc.perform(get(REPORTS).param("from", day.toString()).param("to", day.toString()).param("obligation", "6d")
                        .param("status", "SUBMITTED").with(monitor()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(r2.toString()));
        mvc.perform(get(REPORTS).param("from", day.toString()).param("to", day.toString()).param("obligation", "9b")
                        .with(monitor()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].obligations", contains("6d", "9b")));

        // pages of two over the three 6d reports of both days, newest observation first
        mvc.perform(get(REPORTS).param("from", day.toString()).param("to", next.toString()).param("obligation", "6d")
                        .param("size", "2").param("page", "0").with(monitor()))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[*].id", contains(r3.toString(), r2.toString())));
        mvc.perform(get(REPORTS).param("from", day.toString()).param("to", next.toString()).param("obligation", "6d")
                        .param("size", "2").param("page", "1").with(monitor()))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[*].id", contains(r1.toString())));
        mvc.perform(get(REPORTS).param("from", day.toString()).param("to", next.toString()).param("obligation", "6d")
                        .param("size", "2").param("page", "2").with(monitor()))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items", hasSize(0)));
    }

    @Test
    void a_page_size_over_500_and_other_bad_filters_are_400_problems_naming_the_parameter() throws Exception {
        mvc.perform(get(REPORTS).param("size", "500").with(monitor())).andExpect(status().isOk());
        for (var bad : List.of(new String[] {"size", "501"}, new String[] {"size", "0"}, new String[] {"page", "-1"},
                new String[] {"area", "BEACHES"}, new String[] {"status", "APPROVED"}, new String[] {"from", "2020-13-01"},
                new String[] {"to", "2020-02-30"}, new String[] {"size", "fifty"})) {
            mvc.perform(get(REPORTS).param(bad[0], bad[1]).with(monitor()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[*].field", hasItem(bad[0])));
        }
        mvc.perform(get(REPORTS).param("from", "2020-11-20").param("to", "2020-11-19").with(monitor()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("to")));
    }

    @Test
    void a_page_beyond_the_end_is_empty() throws Exception {
        mvc.perform(get(REPORTS).param("page", "100000").param("size", "500").with(monitor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(100000))
                .andExpect(jsonPath("$.items", hasSize(0)));
    }

    @Test
    void a_page_whose_offset_exceeds_an_int_is_answered_empty_or_refused_never_a_server_error() throws Exception {
        var soft = new SoftAssertions();
        for (var path : List.of(REPORTS, REPORTS + "/queue")) {
            for (var page : List.of("4294968", "5000000", String.valueOf(Integer.MAX_VALUE))) {
                var response = mvc.perform(get(path).param("page", page).param("size", "500").with(supervisor()))
                        .andReturn().getResponse();
                soft.assertThat(response.getStatus()).as("GET %s?page=%s&size=500", path, page).isIn(200, 400);
            }
        }
        soft.assertAll();
    }

    @Test
    void days_at_the_ends_of_the_calendar_are_refused_or_answered_never_a_server_error() throws Exception {
        var soft = new SoftAssertions();
        for (var day : List.of("+999999999-12-31", "-999999999-01-01", "+10000-01-01", "9999-12-31", "0001-01-01")) {
            for (var param : List.of("from", "to")) {
                var response = mvc.perform(get(REPORTS).param(param, day).with(monitor())).andReturn().getResponse();
                soft.assertThat(response.getStatus()).as("GET %s?%s=%s", REPORTS, param, day).isIn(200, 400);
            }
        }
        soft.assertAll();
    }

    @Test
    void a_number_or_boolean_where_text_belongs_is_refused_rather_than_turned_into_text() throws Exception {
        var soft = new SoftAssertions();
        var cases = new LinkedHashMap<String, java.util.function.Consumer<ObjectNode>>();
        cases.put("summary: 42", r -> r.put("summary", 42));
        cases.put("summary: true", r -> r.put("summary", true));
        cases.put("obligations: [7]", r -> r.putArray("obligations").add(7));
        cases.put("source.name: 12", r -> ((ObjectNode) r.get("source")).put("name", 12));
        cases.put("observedAt: 1606251600", r -> r.put("observedAt", 1606251600L));
        for (var c : cases.entrySet()) {
            var body = report(UUID.randomUUID(), "WITHDRAWAL");
            c.getValue().accept(body);
            var response = file(body, monitor()).andReturn().getResponse();
            soft.assertThat(response.getStatus()).as("%s -> %s", c.getKey(), response.getContentAsString()).isEqualTo(400);
            soft.assertThat(mvc.perform(get(REPORTS + "/" + body.get("id").asString()).with(monitor()))
                    .andReturn().getResponse().getStatus()).as("%s stored?", c.getKey()).isEqualTo(404);
        }
        soft.assertAll();
    }

    @Test
    void a_fraction_or_text_where_a_number_belongs_is_refused_rather_than_coerced() throws Exception {
        var soft = new SoftAssertions();
        var cases = new LinkedHashMap<String, java.util.function.Consumer<ObjectNode>>();
        cases.put("source.credibility: 2.7", r -> ((ObjectNode) r.get("source")).put("credibility", 2.7));
        cases.put("source.credibility: \"3\"", r -> ((ObjectNode) r.get("source")).put("credibility", "3"));
        cases.put("location.lat: \"40.1\"", r -> ((ObjectNode) r.get("location")).put("lat", "40.1"));
        for (var c : cases.entrySet()) {
            var body = report(UUID.randomUUID(), "WITHDRAWAL");
            c.getValue().accept(body);
            var response = file(body, monitor()).andReturn().getResponse();
            soft.assertThat(response.getStatus()).as("%s -> %s", c.getKey(), response.getContentAsString()).isEqualTo(400);
        }
        soft.assertAll();
    }

    // ------------------------------------------------------------------ review

    @Test
    void a_supervisor_verifies_a_monitors_report_once() throws Exception {
        var reviewer = unique("supervisor-verify");
        var id = filed(report(UUID.randomUUID(), "WITHDRAWAL"), monitor(unique("monitor-verify")));
        review(id, "VERIFY", null, supervisor(reviewer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VERIFIED"))
                .andExpect(jsonPath("$.reviews", hasSize(1)))
                .andExpect(jsonPath("$.reviews[0].reviewer").value(reviewer))
                .andExpect(jsonPath("$.reviews[0].decision").value("VERIFY"));
        review(id, "VERIFY", null, supervisor(reviewer))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        review(id, "REJECT", "on second thoughts", supervisor(unique("supervisor-other")))
                .andExpect(status().isConflict());
        mvc.perform(get(REPORTS + "/" + id).with(monitor()))
                .andExpect(jsonPath("$.status").value("VERIFIED"))
                .andExpect(jsonPath("$.reviews", hasSize(1)));
    }

    @Test
    void a_rejected_report_cannot_be_reviewed_again() throws Exception {
        var id = filed(report(UUID.randomUUID(), "CEASEFIRE"), monitor());
        review(id, "REJECT", "The same incident was already reported.", supervisor())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.reviews[0].reason").value("The same incident was already reported."));
        review(id, "VERIFY", null, supervisor()).andExpect(status().isConflict());
    }

    @Test
    void rejecting_or_returning_needs_a_reason() throws Exception {
        var id = filed(report(UUID.randomUUID(), "WITHDRAWAL"), monitor());
        for (var decision : List.of("REJECT", "RETURN")) {
            for (var reason : new String[] {null, "", "   "}) {
                review(id, decision, reason, supervisor())
                        .andExpect(status().isBadRequest())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .andExpect(jsonPath("$.errors[*].field", hasItem("reason")));
            }
        }
        review(id, "APPROVE", null, supervisor())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("decision")));
        review(UUID.randomUUID(), "VERIFY", null, supervisor()).andExpect(status().isNotFound());
        mvc.perform(get(REPORTS + "/" + id).with(monitor()))
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.reviews", hasSize(0)));
    }

    @Test
    void an_account_that_is_monitor_and_supervisor_cannot_review_its_own_report_but_another_supervisor_can() throws Exception {
        var both = user(unique("chief")).roles("MONITOR", "SUPERVISOR");
        var id = filed(report(UUID.randomUUID(), "PRISONER_EXCHANGE"), both);
        for (var decision : List.of("VERIFY", "REJECT", "RETURN")) {
            review(id, decision, "reason", both)
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail", containsString("own report")));
        }
        mvc.perform(get(REPORTS + "/" + id).with(monitor()))
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.reviews", hasSize(0)));
        review(id, "VERIFY", null, supervisor()).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("VERIFIED"));
    }

    @Test
    void a_returned_report_is_corrected_by_its_author_only_and_goes_back_to_the_queue() throws Exception {
        var author = unique("monitor-author");
        var body = report(UUID.randomUUID(), "WITHDRAWAL");
        var id = filed(body, monitor(author));
        review(id, "RETURN", "Which units? Name the source's own words.", supervisor())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RETURNED"));

        var corrected = body.deepCopy().put("summary", "Units of the 1st Army Corps entered Kalbajar district.");
        mvc.perform(put(REPORTS + "/" + id).contentType(MediaType.APPLICATION_JSON).content(corrected.toString())
                        .with(monitor(unique("monitor-intruder"))))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(REPORTS + "/" + id).with(monitor()))
                .andExpect(jsonPath("$.status").value("RETURNED"))
                .andExpect(jsonPath("$.summary").value("Army units entered the district."));

        mvc.perform(put(REPORTS + "/" + id).contentType(MediaType.APPLICATION_JSON).content(corrected.toString())
                        .with(monitor(author)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.summary").value("Units of the 1st Army Corps entered Kalbajar district."))
                .andExpect(jsonPath("$.submittedBy").value(author))
                .andExpect(jsonPath("$.reviews", hasSize(1)));
        mvc.perform(get(REPORTS + "/queue").param("submittedBy", author).with(supervisor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", contains(id.toString())));

        // the original submission retried by a queued field client is still recognised, not a 409
        file(body, monitor(author)).andExpect(status().isOk());

        review(id, "VERIFY", null, supervisor()).andExpect(status().isOk());
        mvc.perform(put(REPORTS + "/" + id).contentType(MediaType.APPLICATION_JSON)
                        .content(corrected.deepCopy().put("summary", "After verification.").toString())
                        .with(monitor(author)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(REPORTS + "/" + id).with(monitor()))
                .andExpect(jsonPath("$.status").value("VERIFIED"))
                .andExpect(jsonPath("$.summary").value("Units of the 1st Army Corps entered Kalbajar district."));
    }

    @Test
    void a_correction_based_on_a_stale_version_is_refused_as_a_concurrent_edit() throws Exception {
        var author = unique("monitor-stale");
        var body = report(UUID.randomUUID(), "CORRIDOR_TRAFFIC");
        var id = filed(body, monitor(author));
        var seen = version(id);
        mvc.perform(put(REPORTS + "/" + id).contentType(MediaType.APPLICATION_JSON)
                        .content(body.deepCopy().put("summary", "First correction.").toString())
                        .header("If-Match", "\"" + seen + "\"").with(monitor(author)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(seen + 1));
        mvc.perform(put(REPORTS + "/" + id).contentType(MediaType.APPLICATION_JSON)
                        .content(body.deepCopy().put("summary", "Second correction, from the old view.").toString())
                        .header("If-Match", "\"" + seen + "\"").with(monitor(author)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString(id.toString())));
        // a review based on the old view is refused too
        mvc.perform(postJson(REPORTS + "/" + id + "/review", "{\"decision\":\"VERIFY\"}")
                        .header("If-Match", "\"" + seen + "\"").with(supervisor()))
                .andExpect(status().isConflict());
        mvc.perform(get(REPORTS + "/" + id).with(monitor()))
                .andExpect(jsonPath("$.summary").value("First correction."))
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
    }

    @Test
    void a_correction_under_another_id_or_with_bad_content_is_refused() throws Exception {
        var author = unique("monitor-mismatch");
        var body = report(UUID.randomUUID(), "WITHDRAWAL");
        var id = filed(body, monitor(author));
        mvc.perform(put(REPORTS + "/" + id).contentType(MediaType.APPLICATION_JSON)
                        .content(body.deepCopy().put("id", UUID.randomUUID().toString()).toString()).with(monitor(author)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("id")));
        var invalid = body.deepCopy();
        details(invalid).remove("district");
        mvc.perform(put(REPORTS + "/" + id).contentType(MediaType.APPLICATION_JSON).content(invalid.toString())
                        .with(monitor(author)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("details.district")));
        mvc.perform(put(REPORTS + "/" + UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON)
                        .content(body.deepCopy().put("id", (String) null).toString()).with(monitor(author)))
                .andExpect(status().isNotFound());
        mvc.perform(get(REPORTS + "/" + id).with(monitor()))
                .andExpect(jsonPath("$.version").value(0));
    }

    // ------------------------------------------------------------------ roles

    @Test
    void a_monitor_cannot_review_and_a_supervisor_files_but_never_verifies_its_own_report() throws Exception {
        var id = filed(report(UUID.randomUUID(), "WITHDRAWAL"), monitor());
        review(id, "VERIFY", null, monitor("monitor-2"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(REPORTS + "/queue").with(monitor())).andExpect(status().isForbidden());

        // a supervisor may log what they learn; four eyes still hold: another supervisor must review it
        var supervisorName = unique("sup-files");
        var byStaff = filed(report(UUID.randomUUID(), "WITHDRAWAL"), supervisor(supervisorName));
        review(byStaff, "VERIFY", null, supervisor(supervisorName))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("own report")));
        review(byStaff, "VERIFY", null, supervisor(unique("sup-other"))).andExpect(status().isOk());
        // and the supervisor verifies the monitor's report
        review(id, "VERIFY", null, supervisor(supervisorName)).andExpect(status().isOk());
        var second = filed(report(UUID.randomUUID(), "WITHDRAWAL"), monitor());
        mvc.perform(put(REPORTS + "/" + second).contentType(MediaType.APPLICATION_JSON)
                        .content(report(second, "WITHDRAWAL").toString()).with(supervisor()))
                .andExpect(status().isForbidden());

        var briefer = user("briefer").roles("BRIEFER");
        mvc.perform(get(REPORTS + "/" + id).with(briefer)).andExpect(status().isOk());
        mvc.perform(get(REPORTS).with(briefer)).andExpect(status().isOk());
        file(report(UUID.randomUUID(), "WITHDRAWAL"), briefer).andExpect(status().isForbidden());
        mvc.perform(postJson(REPORTS + "/batch", JSON.createArrayNode().add(report(UUID.randomUUID(), "WITHDRAWAL")))
                        .with(briefer))
                .andExpect(status().isForbidden());
        review(second, "VERIFY", null, briefer).andExpect(status().isForbidden());
        mvc.perform(get(REPORTS + "/" + second).with(monitor())).andExpect(jsonPath("$.status").value("SUBMITTED"));
    }

    @Test
    void anonymous_calls_get_401_problems() throws Exception {
        var id = filed(report(UUID.randomUUID(), "WITHDRAWAL"), monitor());
        var anonymousBody = report(UUID.randomUUID(), "WITHDRAWAL");
        for (var request : List.of(get(REPORTS), get(REPORTS + "/" + id), get(REPORTS + "/queue"),
                postJson(REPORTS, anonymousBody), postJson(REPORTS + "/batch", JSON.createArrayNode().add(anonymousBody)),
                postJson(REPORTS + "/" + id + "/review", "{\"decision\":\"VERIFY\"}"),
                put(REPORTS + "/" + id).contentType(MediaType.APPLICATION_JSON).content(anonymousBody.toString()))) {
            mvc.perform(request)
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        assertNotStored(UUID.fromString(anonymousBody.get("id").asString()));
        mvc.perform(get(REPORTS + "/" + id).with(monitor())).andExpect(jsonPath("$.status").value("SUBMITTED"));
    }

    // ------------------------------------------------------------------ reports as evidence

    @Test
    void a_status_decision_cites_a_verified_report_but_not_a_submitted_one() throws Exception {
        var verified = filed(report(UUID.randomUUID(), "PRISONER_EXCHANGE", "2020-12-14T15:00:00+04:00", "8"), monitor());
        review(verified, "VERIFY", null, supervisor()).andExpect(status().isOk());
        var submitted = filed(report(UUID.randomUUID(), "PRISONER_EXCHANGE", "2020-12-14T16:00:00+04:00", "8"), monitor());

        mvc.perform(postJson(OBLIGATIONS + "/8/status", """
                {"status":"IN_PROGRESS","justification":"First exchange, unconfirmed.","evidence":["%s"],
                 "effectiveAt":"2020-11-14T12:00:00+04:00"}""".formatted(submitted)).with(supervisor()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("evidence")))
                .andExpect(jsonPath("$.errors[0].message", containsString(submitted.toString())));

        var decision = UUID.randomUUID();
        mvc.perform(postJson(OBLIGATIONS + "/8/status", """
                {"id":"%s","status":"IN_PROGRESS","justification":"First exchange of prisoners confirmed.",
                 "evidence":["%s"],"effectiveAt":"2020-11-14T12:00:00+04:00"}""".formatted(decision, verified))
                        .with(supervisor()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.evidence", contains(verified.toString())));
        mvc.perform(get(OBLIGATIONS + "/8").with(monitor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.statusHistory[?(@.id == '%s')].evidence[*]".formatted(decision),
                        contains(verified.toString())))
                .andExpect(jsonPath("$.statusHistory[*].evidence[*]", everyItem(not(submitted.toString()))));
    }
}
