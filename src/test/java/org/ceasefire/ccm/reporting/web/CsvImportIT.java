package org.ceasefire.ccm.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ceasefire.ccm.CcmIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CSV import over HTTP as a monitor with a field-survey export would use it. The context and database are shared with
 * every other IT: each test's rows carry a token unique to the run (their derived ids are unique with it), and only
 * the counts of this import's own answer are asserted.
 */
@CcmIntegrationTest
class CsvImportIT {

    static final String IMPORT = "/api/v1/reports/import";
    static final MediaType CSV = MediaType.parseMediaType("text/csv");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final RequestPostProcessor MONITOR = user("monitor-csv").roles("MONITOR");

    static final String HEADER = "obligations,area,observed_at,location_name,district,lat,lon,summary,source_name,"
            + "source_kind,source_party,source_reliability,source_credibility,details.district,details.stage,"
            + "details.direction,details.persons,details.basis,details.releasedBy,details.receivedBy,details.prisonersOfWar";

    @Autowired
    MockMvc mvc;

    /** Three good rows (lines 2-4) and two bad ones: a misspelt area (line 5) and a negative count (line 6). */
    static String fileWithThreeGoodAndTwoBadRows(String token) {
        return HEADER + "\n"
                + "6a,WITHDRAWAL,2020-11-25T01:00:00+04:00,Kalbajar,Kalbajar,40.10,46.04,\"Units entered the district, " + token
                + "\",Ministry of Defence,OFFICIAL,AZ,B,2,Kalbajar,COMPLETED,,,,,,\n"
                + "7,REFUGEE_RETURN,2020-11-26T10:00:00+04:00,Stepanakert,,,,Buses with returnees arrived " + token
                + ",Peacekeeping command,OFFICIAL,RU,B,2,,,RETURN,120,EVENT,,,\n"
                + "8,PRISONER_EXCHANGE,2020-12-14T18:00:00+04:00,,,,,Exchange at the border " + token
                + ",News agency,MEDIA,,C,3,,,,,,AZ,AM,44\n"
                + "6a,WITHDRAWL,2020-11-25T01:00:00+04:00,Kalbajar,,,,Misspelt area " + token
                + ",Own team,OWN_OBSERVATION,,,,Kalbajar,COMPLETED,,,,,,\n"
                + "7,REFUGEE_RETURN,2020-11-27T10:00:00+04:00,,,,,Negative count " + token
                + ",Own team,OWN_OBSERVATION,,,,,,RETURN,-5,EVENT,,,\n";
    }

    JsonNode importCsv(String csv) throws Exception {
        var body = mvc.perform(post(IMPORT).with(MONITOR).contentType(CSV).content(csv.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return JSON.readTree(body);
    }

    static List<String> fields(JsonNode rowResult) {
        var fields = new ArrayList<String>();
        rowResult.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    @Test
    void good_rows_are_stored_and_bad_rows_refused_with_their_line_and_column() throws Exception {
        var result = importCsv(fileWithThreeGoodAndTwoBadRows(UUID.randomUUID().toString()));

        assertThat(result.get("rows").asInt()).isEqualTo(5);
        assertThat(result.get("stored").asInt()).isEqualTo(3);
        assertThat(result.get("alreadyStored").asInt()).isZero();
        assertThat(result.get("refused").asInt()).isEqualTo(2);
        var rows = result.get("results");
        assertThat(rows).hasSize(5);
        for (int i = 0; i < 3; i++) {
            assertThat(rows.get(i).get("row").asInt()).isEqualTo(i + 2);
            assertThat(rows.get(i).get("status").asInt()).isEqualTo(201);
            assertThat(rows.get(i).get("errors")).isEmpty();
            assertThat(UUID.fromString(rows.get(i).get("id").asString())).isNotNull();
        }
        var misspelt = rows.get(3);
        assertThat(misspelt.get("row").asInt()).isEqualTo(5);
        assertThat(misspelt.get("status").asInt()).isEqualTo(400);
        assertThat(fields(misspelt)).containsExactly("area");
        assertThat(misspelt.get("errors").get(0).get("message").asString()).contains("WITHDRAWL");
        var negative = rows.get(4);
        assertThat(negative.get("row").asInt()).isEqualTo(6);
        assertThat(negative.get("status").asInt()).isEqualTo(400);
        assertThat(fields(negative)).containsExactly("details.persons");

        // the stored report is the row, filed by the importing monitor
        var id = rows.get(1).get("id").asString();
        mvc.perform(get("/api/v1/reports/" + id).with(MONITOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.area").value("REFUGEE_RETURN"))
                .andExpect(jsonPath("$.submittedBy").value("monitor-csv"))
                .andExpect(jsonPath("$.source.name").value("Peacekeeping command"))
                .andExpect(jsonPath("$.details.persons").value(120))
                .andExpect(jsonPath("$.obligations[0]").value("7"));
    }

    @Test
    void importing_the_same_file_again_stores_nothing_new() throws Exception {
        var csv = fileWithThreeGoodAndTwoBadRows(UUID.randomUUID().toString());
        var first = importCsv(csv);
        var second = importCsv(csv);

        assertThat(second.get("stored").asInt()).isZero();
        assertThat(second.get("alreadyStored").asInt()).isEqualTo(3);
        assertThat(second.get("refused").asInt()).isEqualTo(2);
        for (int i = 0; i < 3; i++) {
            assertThat(second.get("results").get(i).get("status").asInt()).isEqualTo(200);
            assertThat(second.get("results").get(i).get("id")).isEqualTo(first.get("results").get(i).get("id"));
        }
    }

    @Test
    void a_semicolon_separated_file_with_a_byte_order_mark_and_decimal_commas_is_imported() throws Exception {
        var token = UUID.randomUUID();
        var csv = "\uFEFFArea;Observed_At;Summary;Source_Name;Source_Kind;Lat;Lon;Details.District;Details.Stage\r\n"
                + "WITHDRAWAL;2020-12-01T00:00:00+04:00;Lachin district handed over, " + token
                + ";Own team;OWN_OBSERVATION;39,64;46,55;Lachin;COMPLETED\r\n";

        var result = importCsv(csv);

        assertThat(result.get("stored").asInt()).isEqualTo(1);
        var id = result.get("results").get(0).get("id").asString();
        mvc.perform(get("/api/v1/reports/" + id).with(MONITOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.location.lat").value(39.64))
                .andExpect(jsonPath("$.summary").value("Lachin district handed over, " + token));
    }

    @Test
    void a_file_may_also_come_as_a_multipart_form_field() throws Exception {
        var csv = "area,observed_at,summary,source_name,source_kind\n"
                + "OTHER,2020-12-02T00:00:00+04:00,Uploaded as a form " + UUID.randomUUID() + ",Own team,OWN_OBSERVATION\n";
        var file = new MockMultipartFile("file", "reports.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        mvc.perform(multipart(IMPORT).file(file).with(MONITOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stored").value(1))
                .andExpect(jsonPath("$.results[0].row").value(2));
    }

    @Test
    void rule_problems_name_the_csv_columns_to_fix() throws Exception {
        var csv = "area,observed_at,summary,source_name,source_kind,source_credibility\n"
                + "OTHER,25.11.2020,Row with problems " + UUID.randomUUID() + ",,OWN_OBSERVATION,9\n";

        var row = importCsv(csv).get("results").get(0);

        assertThat(row.get("status").asInt()).isEqualTo(400);
        assertThat(fields(row)).containsExactlyInAnyOrder("observed_at", "source_name", "source_credibility");
    }

    @Test
    void an_unknown_column_refuses_the_whole_file_and_names_it() throws Exception {
        var csv = "area,observed_at,summary,source_name,source_kind,colour\n"
                + "OTHER,2020-12-02T00:00:00+04:00,Never stored " + UUID.randomUUID() + ",Own team,OWN_OBSERVATION,red\n";

        mvc.perform(post(IMPORT).with(MONITOR).contentType(CSV).content(csv))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("'colour'")))
                .andExpect(jsonPath("$.errors[0].field").value("header"));
    }

    @Test
    void malformed_csv_is_refused_naming_the_line() throws Exception {
        var csv = "area,observed_at,summary,source_name,source_kind\n"
                + "OTHER,2020-12-02T00:00:00+04:00,\"Never closed " + UUID.randomUUID() + ",Own team,OWN_OBSERVATION\n";

        mvc.perform(post(IMPORT).with(MONITOR).contentType(CSV).content(csv))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("line 2")));
    }

    @Test
    void a_body_that_is_not_csv_is_unsupported() throws Exception {
        mvc.perform(post(IMPORT).with(MONITOR).contentType(MediaType.APPLICATION_JSON).content("[]"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void a_briefer_may_not_import() throws Exception {
        mvc.perform(post(IMPORT).with(user("briefer-csv").roles("BRIEFER")).contentType(CSV)
                        .content(fileWithThreeGoodAndTwoBadRows(UUID.randomUUID().toString())))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anonymous_callers_must_authenticate() throws Exception {
        mvc.perform(post(IMPORT).contentType(CSV).content(fileWithThreeGoodAndTwoBadRows(UUID.randomUUID().toString())))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void the_template_is_a_csv_download() throws Exception {
        mvc.perform(get(IMPORT + "/template").with(user("briefer-csv").roles("BRIEFER")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(containsString("area,observed_at")));
    }
}
