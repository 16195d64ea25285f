package org.ceasefire.ccm.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ceasefire.ccm.CcmIntegrationTest;
import org.ceasefire.ccm.dashboard.DashboardService;
import org.ceasefire.ccm.dashboard.DashboardTables;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dashboards' acceptance through the HTTP API only: reports are filed by a monitor and reviewed by a supervisor
 * over HTTP, on the real clock, and every figure is read back from {@code GET /api/v1/dashboards/...}. The context
 * and its database are shared with the other ITs, so each test starts from no reports, no rollup rows and undecided
 * handovers ({@link DashboardTables#clean}).
 */
@CcmIntegrationTest
class DashboardApiIT {

    static final String DASHBOARDS = "/api/v1/dashboards/";
    static final String REPORTS = "/api/v1/reports";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final ZoneOffset LOCAL = ZoneOffset.ofHours(4);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void clean() {
        DashboardTables.clean(jdbc);
    }

    // ------------------------------------------------------------------ helpers

    static RequestPostProcessor monitor() {
        return user("dash-monitor").roles("MONITOR");
    }

    static RequestPostProcessor supervisor() {
        return user("dash-supervisor").roles("SUPERVISOR");
    }

    static RequestPostProcessor briefer() {
        return user("dash-briefer").roles("BRIEFER");
    }

    static ObjectNode details() {
        return NODES.objectNode();
    }

    static ObjectNode report(String area, String observedAt, String sourceName, String sourceKind, ObjectNode details,
            String... obligations) {
        var body = NODES.objectNode();
        body.put("id", UUID.randomUUID().toString());
        body.put("agreement", "nk-2020-11-10");
        var codes = body.putArray("obligations");
        for (var code : obligations) {
            codes.add(code);
        }
        body.put("area", area);
        body.put("observedAt", observedAt);
        body.put("summary", area + " observed " + observedAt);
        body.putObject("source").put("name", sourceName).put("kind", sourceKind).put("reliability", "B").put("credibility", 2);
        body.set("details", details);
        return body;
    }

    static ObjectNode withdrawal(String district, String stage, String observedAt, String... obligations) {
        return report("WITHDRAWAL", observedAt, "Ministry of Defence", "OFFICIAL",
                details().put("district", district).put("stage", stage), obligations);
    }

    static ObjectNode exchange(String releasedBy, String receivedBy, String observedAt, @Nullable Integer prisonersOfWar,
            @Nullable Integer civilians, @Nullable Integer bodies) {
        var d = details().put("releasedBy", releasedBy).put("receivedBy", receivedBy).put("mediator", "RU");
        if (prisonersOfWar != null) {
            d.put("prisonersOfWar", prisonersOfWar);
        }
        if (civilians != null) {
            d.put("civilians", civilians);
        }
        if (bodies != null) {
            d.put("bodies", bodies);
        }
        return report("PRISONER_EXCHANGE", observedAt, "ICRC", "NGO", d, "8");
    }

    static ObjectNode refugees(String source, String kind, String basis, String direction, int persons, String observedAt) {
        var d = details().put("direction", direction).put("persons", persons).put("basis", basis);
        if (basis.equals("CUMULATIVE")) {
            d.put("since", "2020-11-14");
        }
        return report("REFUGEE_RETURN", observedAt, source, kind, d, "7");
    }

    static ObjectNode corridor(String corridor, String state, String observedAt, @Nullable String direction,
            @Nullable Integer vehicles) {
        var d = details().put("corridor", corridor).put("state", state);
        if (direction != null) {
            d.put("direction", direction);
        }
        if (vehicles != null) {
            d.put("vehicles", vehicles);
        }
        return report("CORRIDOR_TRAFFIC", observedAt, "Peacekeeping command", "OFFICIAL", d, "6e");
    }

    static ObjectNode incident(String observedAt, String allegedBy, @Nullable String allegedAgainst, @Nullable String deniedBy,
            @Nullable String assessment) {
        var d = details().put("allegedBy", allegedBy);
        if (allegedAgainst != null) {
            d.put("allegedAgainst", allegedAgainst);
        }
        if (deniedBy != null) {
            d.put("deniedBy", deniedBy);
        }
        if (assessment != null) {
            d.put("assessment", assessment);
            d.put("assessedBy", "RU");
        }
        d.put("wounded", 1);
        return report("CEASEFIRE", observedAt, "Ministry of Defence", "OFFICIAL", d, "1");
    }

    static MockHttpServletRequestBuilder postJson(String path, Object body) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(body.toString());
    }

    /** Files the report as the monitor; expects 201 and returns its id. */
    UUID file(ObjectNode body) throws Exception {
        mvc.perform(postJson(REPORTS, body).with(monitor())).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
        return UUID.fromString(body.get("id").asString());
    }

    ResultActions review(UUID id, String decision) throws Exception {
        var body = NODES.objectNode().put("decision", decision);
        if (!decision.equals("VERIFY")) {
            body.put("reason", "Checked against a second source.");
        }
        return mvc.perform(postJson(REPORTS + "/" + id + "/review", body).with(supervisor()));
    }

    /** Files the report and has the supervisor verify it. */
    UUID verified(ObjectNode body) throws Exception {
        var id = file(body);
        review(id, "VERIFY").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("VERIFIED"));
        return id;
    }

    UUID rejected(ObjectNode body) throws Exception {
        var id = file(body);
        review(id, "REJECT").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"));
        return id;
    }

    UUID returned(ObjectNode body) throws Exception {
        var id = file(body);
        review(id, "RETURN").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RETURNED"));
        return id;
    }

    /** The dashboard as a briefer reads it; params are name, value pairs. */
    JsonNode dashboard(String name, String... params) throws Exception {
        return read(DASHBOARDS + name, params);
    }

    JsonNode read(String path, String... params) throws Exception {
        var request = get(path).with(briefer());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        var body = mvc.perform(request).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsString();
        return JSON.readTree(body);
    }

    static JsonNode find(JsonNode array, String field, String value) {
        for (var item : array) {
            if (item.get(field) != null && value.equals(item.get(field).asString())) {
                return item;
            }
        }
        throw new AssertionError("no item with " + field + " = " + value + " in " + array);
    }

    static @Nullable JsonNode findOrNull(JsonNode array, String field, String value) {
        for (var item : array) {
            if (item.get(field) != null && value.equals(item.get(field).asString())) {
                return item;
            }
        }
        return null;
    }

    static List<String> texts(JsonNode array, String field) {
        var result = new ArrayList<String>();
        array.forEach(item -> result.add(item.get(field).isNull() ? null : item.get(field).asString()));
        return result;
    }

    static LocalDate today() {
        return LocalDate.now(LOCAL);
    }

    // ------------------------------------------------------------------ withdrawals

    @Test
    void a_verified_completed_withdrawal_completes_its_district_and_an_unverified_one_counts_only_when_asked_for()
            throws Exception {
        var aghdam = verified(withdrawal("Aghdam", "COMPLETED", "2020-11-20T10:00:00+04:00", "2"));
        // started is not done: Kalbajar has no completion
        verified(withdrawal("Kalbajar", "STARTED", "2020-11-14T10:00:00+04:00", "6a"));
        // still submitted
        var lachin = file(withdrawal("Lachin", "COMPLETED", "2020-11-30T15:00:00+04:00", "6b"));

        var d = dashboard("withdrawals").get("districts");
        assertThat(texts(d, "district")).containsExactlyInAnyOrder("Aghdam", "Kalbajar", "Lachin");

        var a = find(d, "district", "Aghdam");
        assertThat(a.get("obligation").asString()).isEqualTo("2");
        assertThat(a.get("completedAt").asString()).isEqualTo("2020-11-20T06:00:00Z");
        assertThat(a.get("completedBy").asString()).isEqualTo("REPORT");
        assertThat(a.get("completionReportId").asString()).isEqualTo(aghdam.toString());
        assertThat(a.get("timeliness").asString()).isEqualTo("MET_ON_TIME");
        assertThat(a.get("originalDueAt").asString()).isEqualTo("2020-11-20T19:59:59Z");
        assertThat(a.get("dueAt").asString()).isEqualTo("2020-11-20T19:59:59Z");
        assertThat(a.get("unverified").asBoolean()).isFalse();

        var k = find(d, "district", "Kalbajar");
        assertThat(k.get("obligation").asString()).isEqualTo("6a");
        assertThat(k.get("completedAt").isNull()).as("Kalbajar completedAt: %s", k).isTrue();
        assertThat(k.get("completedBy").isNull()).isTrue();
        assertThat(k.get("timeliness").asString()).isEqualTo("OVERDUE");

        var l = find(d, "district", "Lachin");
        assertThat(l.get("completedAt").isNull()).as("an unverified report does not complete Lachin: %s", l).isTrue();
        assertThat(l.get("timeliness").asString()).isEqualTo("OVERDUE");

        var withUnverified = dashboard("withdrawals", "includeUnverified", "true").get("districts");
        var lu = find(withUnverified, "district", "Lachin");
        assertThat(lu.get("completedAt").asString()).isEqualTo("2020-11-30T11:00:00Z");
        assertThat(lu.get("completedBy").asString()).isEqualTo("REPORT");
        assertThat(lu.get("completionReportId").asString()).isEqualTo(lachin.toString());
        assertThat(lu.get("unverified").asBoolean()).isTrue();
        assertThat(lu.get("timeliness").asString()).isEqualTo("MET_ON_TIME");
        var au = find(withUnverified, "district", "Aghdam");
        assertThat(au.get("unverified").asBoolean()).isFalse();
        assertThat(au.get("completedAt").asString()).isEqualTo("2020-11-20T06:00:00Z");

        // as of the day before: not yet done, and due within 72 hours
        var before = find(dashboard("withdrawals", "asOf", "2020-11-19T00:00:00+04:00").get("districts"), "district", "Aghdam");
        assertThat(before.get("completedAt").isNull()).as("Aghdam as of 19 November: %s", before).isTrue();
        assertThat(before.get("timeliness").asString()).isEqualTo("DUE_SOON");
    }

    @Test
    void a_completion_reported_by_district_only_counts_and_the_earliest_one_wins() throws Exception {
        // no obligation named: the district says which handover it is (in another spelling)
        var first = verified(withdrawal("KALBAJAR", "COMPLETED", "2020-11-25T08:00:00+04:00"));
        verified(withdrawal("Kalbajar", "COMPLETED", "2020-11-26T08:00:00+04:00", "6a"));

        var k = find(dashboard("withdrawals").get("districts"), "district", "Kalbajar");
        assertThat(k.get("completedAt").asString()).isEqualTo("2020-11-25T04:00:00Z");
        assertThat(k.get("completionReportId").asString()).isEqualTo(first.toString());
        assertThat(k.get("timeliness").asString()).isEqualTo("MET_LATE");
    }

    // ------------------------------------------------------------------ prisoner exchanges

    @Test
    void exchanges_are_totalled_per_receiving_side_from_verified_reports_and_as_of_an_instant() throws Exception {
        var first = verified(exchange("AZ", "AM", "2020-12-14T12:00:00+04:00", 44, null, null));
        var second = verified(exchange("AM", "AZ", "2020-12-14T12:30:00+04:00", 12, null, 3));
        var later = verified(exchange("AZ", "AM", "2021-03-01T10:00:00+04:00", null, 5, null));
        var unverified = file(exchange("AZ", "AM", "2020-12-20T10:00:00+04:00", 100, null, null));
        var rejected = rejected(exchange("AZ", "AM", "2020-12-15T10:00:00+04:00", 1000, null, null));
        var returned = returned(exchange("AM", "AZ", "2020-12-16T10:00:00+04:00", 7, null, null));

        var d = dashboard("prisoner-exchanges");
        var am = find(d.get("totals"), "receivedBy", "AM");
        assertThat(am.get("prisonersOfWar").asLong()).isEqualTo(44);
        assertThat(am.get("civilians").asLong()).isEqualTo(5);
        assertThat(am.get("bodies").asLong()).isZero();
        assertThat(am.get("unverifiedReports").asLong()).isZero();
        var az = find(d.get("totals"), "receivedBy", "AZ");
        assertThat(az.get("prisonersOfWar").asLong()).isEqualTo(12);
        assertThat(az.get("civilians").asLong()).isZero();
        assertThat(az.get("bodies").asLong()).isEqualTo(3);
        assertThat(d.get("totals")).hasSize(2);
        // the ledger: the verified exchanges, newest first, each with its report
        assertThat(texts(d.get("exchanges"), "reportId")).containsExactly(later.toString(), second.toString(), first.toString());
        var ledgerFirst = find(d.get("exchanges"), "reportId", first.toString());
        assertThat(ledgerFirst.get("date").asString()).isEqualTo("2020-12-14");
        assertThat(ledgerFirst.get("releasedBy").asString()).isEqualTo("AZ");
        assertThat(ledgerFirst.get("receivedBy").asString()).isEqualTo("AM");
        assertThat(ledgerFirst.get("prisonersOfWar").asLong()).isEqualTo(44);
        assertThat(ledgerFirst.get("civilians").isNull()).as("an absent count is unknown, not 0").isTrue();
        assertThat(ledgerFirst.get("mediator").asString()).isEqualTo("RU");
        assertThat(ledgerFirst.get("verified").asBoolean()).isTrue();

        // running totals per day and side
        var cumulative = d.get("cumulative");
        assertThat(cumulative).hasSize(3);
        assertThat(cumulative.get(0).get("date").asString()).isEqualTo("2020-12-14");
        var running = new ArrayList<String>();
        cumulative.forEach(c -> running.add(c.get("date").asString() + " " + c.get("receivedBy").asString() + " "
                + c.get("prisonersOfWar").asLong() + "/" + c.get("civilians").asLong() + "/" + c.get("bodies").asLong()));
        assertThat(running).containsExactlyInAnyOrder("2020-12-14 AM 44/0/0", "2020-12-14 AZ 12/0/3", "2021-03-01 AM 44/5/0");

        var withUnverified = dashboard("prisoner-exchanges", "includeUnverified", "true");
        var amu = find(withUnverified.get("totals"), "receivedBy", "AM");
        assertThat(amu.get("prisonersOfWar").asLong()).isEqualTo(144);
        assertThat(amu.get("civilians").asLong()).isEqualTo(5);
        assertThat(amu.get("unverifiedReports").asLong()).isEqualTo(1);
        assertThat(find(withUnverified.get("totals"), "receivedBy", "AZ").get("prisonersOfWar").asLong()).isEqualTo(12);
        assertThat(find(withUnverified.get("exchanges"), "reportId", unverified.toString()).get("verified").asBoolean()).isFalse();
        assertThat(texts(withUnverified.get("exchanges"), "reportId")).doesNotContain(rejected.toString(), returned.toString());

        var asOf = dashboard("prisoner-exchanges", "asOf", "2021-01-01T00:00:00+04:00");
        var ama = find(asOf.get("totals"), "receivedBy", "AM");
        assertThat(ama.get("prisonersOfWar").asLong()).isEqualTo(44);
        assertThat(ama.get("civilians").asLong()).isZero();
        assertThat(texts(asOf.get("exchanges"), "reportId")).containsExactly(second.toString(), first.toString());

        // a period: from/to bound the figures
        var december = dashboard("prisoner-exchanges", "from", "2021-02-01", "to", "2021-03-31");
        assertThat(find(december.get("totals"), "receivedBy", "AM").get("prisonersOfWar").asLong()).isZero();
        assertThat(find(december.get("totals"), "receivedBy", "AM").get("civilians").asLong()).isEqualTo(5);
        assertThat(findOrNull(december.get("totals"), "receivedBy", "AZ")).isNull();
    }

    @Test
    void the_drill_down_lists_exactly_the_verified_exchanges_received_by_a_side() throws Exception {
        var first = verified(exchange("AZ", "AM", "2020-12-14T12:00:00+04:00", 44, null, null));
        verified(exchange("AM", "AZ", "2020-12-14T12:30:00+04:00", 12, null, 3));
        var later = verified(exchange("AZ", "AM", "2021-03-01T10:00:00+04:00", null, 5, null));
        var unverified = file(exchange("AZ", "AM", "2020-12-20T10:00:00+04:00", 100, null, null));
        rejected(exchange("AZ", "AM", "2020-12-15T10:00:00+04:00", 1000, null, null));

        var drill = read(DASHBOARDS + "prisoner-exchanges/reports", "receivedBy", "AM");
        assertThat(drill.get("complete").asBoolean()).isTrue();
        var refs = drill.get("reports");
        assertThat(texts(refs, "reportId")).containsExactly(later.toString(), first.toString());
        refs.forEach(r -> assertThat(r.get("verified").asBoolean()).isTrue());

        var withUnverified = read(DASHBOARDS + "prisoner-exchanges/reports", "receivedBy", "AM", "includeUnverified", "true")
                .get("reports");
        assertThat(texts(withUnverified, "reportId")).containsExactly(later.toString(), unverified.toString(), first.toString());

        var oneDay = read(DASHBOARDS + "prisoner-exchanges/reports", "receivedBy", "AM", "date", "2020-12-14").get("reports");
        assertThat(texts(oneDay, "reportId")).containsExactly(first.toString());
    }

    // ------------------------------------------------------------------ refugee returns

    @Test
    void returns_are_one_series_per_source_and_basis_with_the_days_latest_claim_or_the_days_sum() throws Exception {
        var ministry = "State Committee for Refugees";
        verified(refugees(ministry, "OFFICIAL", "CUMULATIVE", "RETURN", 1000, "2020-11-20T12:00:00+04:00"));
        verified(refugees(ministry, "OFFICIAL", "CUMULATIVE", "RETURN", 1500, "2020-11-21T12:00:00+04:00"));
        // the later claim of the day is filed first: the point follows observedAt, not the order of filing
        verified(refugees(ministry, "OFFICIAL", "CUMULATIVE", "RETURN", 1800, "2020-11-22T18:00:00+04:00"));
        verified(refugees(ministry, "OFFICIAL", "CUMULATIVE", "RETURN", 1700, "2020-11-22T09:00:00+04:00"));
        verified(refugees("UNHCR", "UN", "EVENT", "RETURN", 200, "2020-11-21T10:00:00+04:00"));
        verified(refugees("UNHCR", "UN", "EVENT", "RETURN", 300, "2020-11-21T16:00:00+04:00"));
        verified(refugees("UNHCR", "UN", "EVENT", "DEPARTURE", 100, "2020-11-23T10:00:00+04:00"));
        // not counted: submitted only
        file(refugees("UNHCR", "UN", "EVENT", "RETURN", 5000, "2020-11-21T17:00:00+04:00"));

        var d = dashboard("refugee-returns");
        var series = d.get("series");
        assertThat(series).hasSize(2);
        var cumulative = find(series, "source", ministry);
        assertThat(cumulative.get("basis").asString()).isEqualTo("CUMULATIVE");
        assertThat(texts(cumulative.get("points"), "date")).containsExactly("2020-11-20", "2020-11-21", "2020-11-22");
        assertThat(cumulative.get("points").get(0).get("persons").asLong()).isEqualTo(1000);
        assertThat(cumulative.get("points").get(1).get("persons").asLong()).isEqualTo(1500);
        assertThat(cumulative.get("points").get(2).get("persons").asLong()).as("the day's latest claim").isEqualTo(1800);

        var events = find(series, "source", "UNHCR");
        assertThat(events.get("basis").asString()).isEqualTo("EVENT");
        assertThat(texts(events.get("points"), "date")).containsExactly("2020-11-21", "2020-11-23");
        assertThat(events.get("points").get(0).get("persons").asLong()).isEqualTo(500);
        assertThat(events.get("points").get(1).get("persons").asLong()).isEqualTo(-100);
        assertThat(d.get("eventTotal").asLong()).as("EVENT figures only, departures negative").isEqualTo(400);

        var withUnverified = dashboard("refugee-returns", "includeUnverified", "true");
        assertThat(withUnverified.get("eventTotal").asLong()).isEqualTo(5400);

        // as of the morning of the 22nd, the ministry's latest claim that day is the 09:00 one
        var morning = dashboard("refugee-returns", "asOf", "2020-11-22T12:00:00+04:00");
        var m = find(morning.get("series"), "source", ministry).get("points");
        assertThat(m.get(m.size() - 1).get("date").asString()).isEqualTo("2020-11-22");
        assertThat(m.get(m.size() - 1).get("persons").asLong()).isEqualTo(1700);
        assertThat(morning.get("eventTotal").asLong()).isEqualTo(500);
    }

    // ------------------------------------------------------------------ corridor traffic

    @Test
    void a_corridor_stays_closed_from_its_first_closed_day_until_a_later_report_says_otherwise() throws Exception {
        verified(corridor("LACHIN", "OPEN", "2022-12-10T09:00:00+04:00", "TO_KARABAKH", 30));
        verified(corridor("LACHIN", "OPEN", "2022-12-10T15:00:00+04:00", "TO_ARMENIA", 45));
        verified(corridor("LACHIN", "OPEN", "2022-12-12T08:00:00+04:00", "BOTH", 5));
        verified(corridor("LACHIN", "CLOSED", "2022-12-12T20:00:00+04:00", null, null));

        var d = dashboard("corridor-traffic");
        var lachin = find(d.get("corridors"), "corridor", "LACHIN");
        assertThat(lachin.get("currentState").asString()).isEqualTo("CLOSED");
        assertThat(lachin.get("closedSince").asString()).isEqualTo("2022-12-12");
        var days = lachin.get("days");
        assertThat(texts(days, "date")).containsExactly("2022-12-10", "2022-12-12");
        assertThat(days.get(0).get("state").asString()).isEqualTo("OPEN");
        assertThat(days.get(0).get("vehicles").asLong()).as("the day's EVENT figures summed").isEqualTo(75);
        assertThat(days.get(1).get("state").asString()).as("the state of the day's latest report").isEqualTo("CLOSED");
        assertThat(days.get(1).get("vehicles").asLong()).isEqualTo(5);
        var longest = lachin.get("longestClosure");
        assertThat(longest.get("from").asString()).isEqualTo("2022-12-12");
        var before = today();
        var to = LocalDate.parse(longest.get("to").asString());
        assertThat(to).as("an ongoing closure runs to today").isBetween(before.minusDays(1), today());
        assertThat(longest.get("days").asLong()).isEqualTo(ChronoUnit.DAYS.between(LocalDate.of(2022, 12, 12), to) + 1);
        var nakhchivan = find(d.get("corridors"), "corridor", "NAKHCHIVAN");
        assertThat(nakhchivan.get("currentState").isNull()).isTrue();
        assertThat(nakhchivan.get("closedSince").isNull()).isTrue();

        var asOf = find(dashboard("corridor-traffic", "asOf", "2022-12-20T12:00:00+04:00").get("corridors"), "corridor", "LACHIN");
        assertThat(asOf.get("currentState").asString()).isEqualTo("CLOSED");
        assertThat(asOf.get("closedSince").asString()).isEqualTo("2022-12-12");
        assertThat(asOf.get("longestClosure").get("from").asString()).isEqualTo("2022-12-12");
        assertThat(asOf.get("longestClosure").get("to").asString()).isEqualTo("2022-12-20");
        assertThat(asOf.get("longestClosure").get("days").asLong()).isEqualTo(9);
        assertThat(asOf.get("longestClosure").get("ongoing").asBoolean()).isTrue();
        // each day from the first report on takes the state in force that day
        assertThat(asOf.get("daysOpen").asLong()).isEqualTo(2);
        assertThat(asOf.get("daysClosed").asLong()).isEqualTo(9);
        assertThat(asOf.get("daysRestricted").asLong()).isZero();

        verified(corridor("LACHIN", "RESTRICTED", "2023-01-05T10:00:00+04:00", "TO_KARABAKH", 3));
        var after = find(dashboard("corridor-traffic").get("corridors"), "corridor", "LACHIN");
        assertThat(after.get("currentState").asString()).isEqualTo("RESTRICTED");
        assertThat(after.get("closedSince").isNull()).as("RESTRICTED is not closed").isTrue();
        assertThat(after.get("longestClosure").get("from").asString()).isEqualTo("2022-12-12");
        assertThat(after.get("longestClosure").get("to").asString()).isEqualTo("2023-01-04");
        assertThat(after.get("longestClosure").get("days").asLong()).isEqualTo(24);
        assertThat(after.get("longestClosure").get("ongoing").asBoolean()).isFalse();
        assertThat(after.get("closures")).hasSize(1);

        // the as-of view is unchanged by a report observed later
        var asOfAgain = find(dashboard("corridor-traffic", "asOf", "2022-12-20T12:00:00+04:00").get("corridors"), "corridor", "LACHIN");
        assertThat(asOfAgain.get("longestClosure").get("to").asString()).isEqualTo("2022-12-20");
    }

    // ------------------------------------------------------------------ ceasefire

    @Test
    void incidents_are_counted_per_alleged_violator_and_iso_week_with_denials_and_assessments_listed() throws Exception {
        var denied = verified(incident("2021-11-16T22:00:00+04:00", "AM", "AZ", "AZ", "UNCONFIRMED"));
        verified(incident("2021-11-17T10:00:00+04:00", "AZ", "AM", null, "CONFIRMED"));
        verified(incident("2021-11-21T23:30:00+04:00", "AM", "AZ", null, null));
        // Monday 01:00 in Baku is still Sunday in UTC: the local week counts
        verified(incident("2021-11-22T01:00:00+04:00", "AM", "AZ", null, "REFUTED"));
        verified(incident("2021-11-23T10:00:00+04:00", "AZ", null, null, null));
        file(incident("2021-11-23T11:00:00+04:00", "AZ", "AM", null, null));

        var d = dashboard("ceasefire");
        var byWeek = d.get("byWeek");
        assertThat(texts(byWeek, "week")).containsExactly("2021-W46", "2021-W47");
        assertThat(find(byWeek, "week", "2021-W46").get("count").asLong()).isEqualTo(3);
        assertThat(find(byWeek, "week", "2021-W47").get("count").asLong()).isEqualTo(2);
        var byParty = d.get("byAllegedAgainst");
        assertThat(byParty.get("AZ").asLong()).isEqualTo(3);
        assertThat(byParty.get("AM").asLong()).isEqualTo(1);
        assertThat(byParty.get("UNSPECIFIED").asLong()).isEqualTo(1);
        assertThat(d.get("incidents")).hasSize(5);
        var listed = find(d.get("incidents"), "reportId", denied.toString());
        assertThat(listed.get("allegedBy").asString()).isEqualTo("AM");
        assertThat(listed.get("allegedAgainst").asString()).isEqualTo("AZ");
        assertThat(listed.get("deniedBy").asString()).isEqualTo("AZ");
        assertThat(listed.get("assessedBy").asString()).isEqualTo("RU");
        assertThat(listed.get("assessment").asString()).isEqualTo("UNCONFIRMED");
        assertThat(listed.get("wounded").asLong()).isEqualTo(1);
        assertThat(listed.get("killed").isNull()).isTrue();
        assertThat(d.get("totals").get("denied").asLong()).isEqualTo(1);
        assertThat(d.get("totals").get("confirmed").asLong()).isEqualTo(1);
        assertThat(d.get("totals").get("refuted").asLong()).isEqualTo(1);

        var withUnverified = dashboard("ceasefire", "includeUnverified", "true");
        assertThat(find(withUnverified.get("byWeek"), "week", "2021-W47").get("count").asLong()).isEqualTo(3);
        assertThat(withUnverified.get("byAllegedAgainst").get("AM").asLong()).isEqualTo(2);

        var week = read(DASHBOARDS + "ceasefire/reports", "week", "2021-W47").get("reports");
        assertThat(week).hasSize(2);
    }

    // ------------------------------------------------------------------ overview

    @Test
    void the_overview_lists_all_17_obligations_and_counts_them_by_status_and_timeliness() throws Exception {
        var d = dashboard("overview");
        var obligations = d.get("obligations");
        assertThat(texts(obligations, "code")).containsExactlyInAnyOrder("1", "2", "3", "4a", "4b", "5", "6a", "6b", "6c",
                "6d", "6e", "7", "8", "9a", "9b", "9c", "9d");
        for (var o : obligations) {
            assertThat(o.has("status") && o.has("implementationLevel") && o.has("timeliness") && o.has("dueAt"))
                    .as("fields of %s", o).isTrue();
        }
        long byStatus = 0;
        for (var n : d.get("byStatus")) {
            byStatus += n.asLong();
        }
        long byTimeliness = 0;
        for (var n : d.get("byTimeliness")) {
            byTimeliness += n.asLong();
        }
        assertThat(byStatus).isEqualTo(17);
        assertThat(byTimeliness).isEqualTo(17);
        assertThat(find(obligations, "code", "2").get("dueAt").asString()).isEqualTo("2020-11-20T19:59:59Z");
    }

    // ------------------------------------------------------------------ errors and roles

    @Test
    void bad_parameters_are_4xx_problems_and_an_unknown_dashboard_is_a_404() throws Exception {
        mvc.perform(get(DASHBOARDS + "no-such-dashboard").with(briefer()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("no-such-dashboard")));
        mvc.perform(get(DASHBOARDS + "no-such-dashboard/reports").with(briefer()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(DASHBOARDS + "prisoner-exchanges").param("from", "2020-13-01").with(briefer()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("from")));
        mvc.perform(get(DASHBOARDS + "prisoner-exchanges").param("asOf", "2020-11-20T10:00:00").with(briefer()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("asOf")));
        mvc.perform(get(DASHBOARDS + "corridor-traffic").param("from", "2021-01-10").param("to", "2021-01-09").with(briefer()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("to")));
        mvc.perform(get(DASHBOARDS + "ceasefire").param("includeUnverified", "maybe").with(briefer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("includeUnverified")));
        mvc.perform(get(DASHBOARDS + "ceasefire").param("size", "501").with(briefer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("size")));
        mvc.perform(get(DASHBOARDS + "ceasefire").param("agreement", "no-such-agreement").with(briefer()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(DASHBOARDS + "ceasefire/reports").param("week", "2020-W99").with(briefer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("week")));
    }

    @Test
    void as_of_an_instant_before_the_agreement_took_effect_every_dashboard_answers_with_nothing_counted() throws Exception {
        verified(exchange("AZ", "AM", "2020-12-14T12:00:00+04:00", 44, null, null));
        verified(corridor("LACHIN", "CLOSED", "2022-12-12T20:00:00+04:00", null, null));
        var before = "2020-11-01T00:00:00+04:00";
        for (var name : DashboardService.NAMES) {
            mvc.perform(get(DASHBOARDS + name).param("asOf", before).with(briefer()))
                    .andExpect(status().isOk());
            mvc.perform(get(DASHBOARDS + name + "/reports").param("asOf", before).with(briefer()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.reports.length()").value(0));
        }
        assertThat(dashboard("prisoner-exchanges", "asOf", before).get("totals")).isEmpty();
        assertThat(dashboard("prisoner-exchanges", "asOf", before).get("exchanges")).isEmpty();
        var lachin = find(dashboard("corridor-traffic", "asOf", before).get("corridors"), "corridor", "LACHIN");
        assertThat(lachin.get("currentState").isNull()).isTrue();
        assertThat(lachin.get("days")).isEmpty();
        var overview = dashboard("overview", "asOf", before);
        assertThat(overview.get("obligations")).hasSize(17);
        // an explicit period that runs backwards is still refused
        mvc.perform(get(DASHBOARDS + "overview").param("asOf", before).param("from", "2020-11-10").param("to", "2020-11-01")
                        .with(briefer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("to")));
    }

    @Test
    void anonymous_callers_get_a_401_and_every_role_reads_every_dashboard() throws Exception {
        for (var name : DashboardService.NAMES) {
            mvc.perform(get(DASHBOARDS + name))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string("WWW-Authenticate", containsString("Basic")))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            for (var role : List.of("MONITOR", "SUPERVISOR", "BRIEFER", "ADMIN")) {
                mvc.perform(get(DASHBOARDS + name).with(user("dash-" + role.toLowerCase()).roles(role)))
                        .andExpect(status().isOk());
                mvc.perform(get(DASHBOARDS + name + "/reports").with(user("dash-" + role.toLowerCase()).roles(role)))
                        .andExpect(status().isOk());
            }
        }
        mvc.perform(get(DASHBOARDS + "prisoner-exchanges/reports")).andExpect(status().isUnauthorized());
    }

    // ------------------------------------------------------------------ read your writes, meters

    @Test
    void a_dashboard_read_right_after_a_review_answered_sees_the_reviewed_report() throws Exception {
        assertThat(findOrNull(dashboard("prisoner-exchanges").get("totals"), "receivedBy", "AM")).isNull();
        var id = file(exchange("AZ", "AM", "2020-12-14T12:00:00+04:00", 44, null, null));
        assertThat(findOrNull(dashboard("prisoner-exchanges").get("totals"), "receivedBy", "AM")).isNull();
        assertThat(find(dashboard("prisoner-exchanges", "includeUnverified", "true").get("totals"), "receivedBy", "AM")
                .get("prisonersOfWar").asLong()).as("a submitted report, right after filing").isEqualTo(44);

        review(id, "VERIFY").andExpect(status().isOk());
        var am = find(dashboard("prisoner-exchanges").get("totals"), "receivedBy", "AM");
        assertThat(am.get("prisonersOfWar").asLong()).isEqualTo(44);
        assertThat(am.get("unverifiedReports").asLong()).isZero();

        // and a correction moves it at once: file, correct the day, read
        var corrected = exchange("AZ", "AM", "2020-12-20T12:00:00+04:00", 10, null, null);
        var other = file(corrected);
        corrected.put("observedAt", "2020-12-21T12:00:00+04:00");
        corrected.set("details", details().put("releasedBy", "AZ").put("receivedBy", "AM").put("prisonersOfWar", 11));
        mvc.perform(put(REPORTS + "/" + other)
                        .contentType(MediaType.APPLICATION_JSON).content(corrected.toString()).with(monitor()))
                .andExpect(status().isOk());
        var cumulative = dashboard("prisoner-exchanges", "includeUnverified", "true").get("cumulative");
        var dates = texts(cumulative, "date");
        assertThat(dates).contains("2020-12-21").doesNotContain("2020-12-20");
        assertThat(find(dashboard("prisoner-exchanges", "includeUnverified", "true").get("totals"), "receivedBy", "AM")
                .get("prisonersOfWar").asLong()).isEqualTo(55);
    }

    @Test
    void each_dashboard_call_is_timed_and_published_to_prometheus() throws Exception {
        var timer = meters.find("ccm.dashboard").tag("dashboard", "prisoner-exchanges").timer();
        assertThat(timer).isNotNull();
        var before = timer.count();
        dashboard("prisoner-exchanges");
        assertThat(timer.count()).isEqualTo(before + 1);

        var text = mvc.perform(get("/actuator/prometheus").with(user("dash-admin").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(text.lines().filter(l -> l.startsWith("ccm_dashboard_seconds_count{")
                && l.contains("dashboard=\"prisoner-exchanges\"")).toList())
                .as("the timer's count in the prometheus scrape").hasSize(1)
                .allSatisfy(l -> assertThat(Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).isGreaterThanOrEqualTo(1));
        assertThat(text).contains("ccm_dashboard_seconds_bucket{");
    }
}
