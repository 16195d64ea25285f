package org.ceasefire.ccm.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ceasefire.ccm.base.FieldProblem;
import org.ceasefire.ccm.base.InvalidInputException;
import org.ceasefire.ccm.base.web.ApiProblems;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Reading the documented CSV layout into drafts and answering per row, without Spring or a database. */
class CsvImportServiceTest {

    static final String HEADER = "id,agreement,obligations,area,observed_at,observed_until,location_name,district,lat,lon,"
            + "summary,source_name,source_kind,source_party,source_reliability,source_credibility,source_url,"
            + "details.persons,details.basis,details.direction";

    static CsvReportParser.ParsedCsv parse(String text) {
        return CsvReportParser.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    static ReportDraft onlyDraft(String text) {
        var rows = parse(text).rows();
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().problems()).isEmpty();
        return rows.getFirst().draft();
    }

    @Test
    void a_row_becomes_a_draft_with_every_column_in_its_place() {
        var id = UUID.randomUUID();
        var draft = onlyDraft(HEADER + "\n" + id + ",nk-2020-11-10,\"6a, 2;9b  7\",REFUGEE_RETURN,2020-11-25T01:00:00+04:00,"
                + "2020-11-26T01:00:00+04:00,Lachin town,Lachin,39.64,46.55,\"Families returned, by bus.\",UNHCR,UN,,A,2,"
                + "https://example.org/a,120,EVENT,RETURN\n");

        assertThat(draft.id()).isEqualTo(id);
        assertThat(draft.agreement()).isEqualTo("nk-2020-11-10");
        assertThat(draft.obligations()).containsExactly("6a", "2", "9b", "7");
        assertThat(draft.area()).isEqualTo("REFUGEE_RETURN");
        assertThat(draft.observedAt()).isEqualTo("2020-11-25T01:00:00+04:00");
        assertThat(draft.observedUntil()).isEqualTo("2020-11-26T01:00:00+04:00");
        assertThat(draft.location()).isEqualTo(new ReportDraft.Location("Lachin town", "Lachin", 39.64, 46.55));
        assertThat(draft.summary()).isEqualTo("Families returned, by bus.");
        assertThat(draft.source()).isEqualTo(new ReportDraft.Source("UNHCR", "UN", null, "A", 2, "https://example.org/a"));
        assertThat(draft.details().get("persons").isIntegralNumber()).isTrue();
        assertThat(draft.details().get("persons").asLong()).isEqualTo(120);
        assertThat(draft.details().get("basis").asString()).isEqualTo("EVENT");
        assertThat(draft.details().get("direction").asString()).isEqualTo("RETURN");
    }

    @Test
    void empty_cells_are_absent_and_the_agreement_defaults_to_the_ceasefire_statement() {
        var draft = onlyDraft("area,observed_at,summary,source_name,source_kind,details.persons,details.basis\n"
                + "OTHER,2020-11-25T01:00:00+04:00,Seen.,Own team,OWN_OBSERVATION,,\n");

        assertThat(draft.agreement()).isEqualTo(CsvReportParser.DEFAULT_AGREEMENT);
        assertThat(draft.obligations()).isEmpty();
        assertThat(draft.details()).as("no detail cell filled: details unknown, not zero").isNull();
        assertThat(draft.location()).isEqualTo(new ReportDraft.Location(null, null, null, null));
        assertThat(draft.source().party()).isNull();
    }

    @Test
    void counts_that_look_like_numbers_become_numbers_and_everything_else_stays_text_for_the_rules_to_judge() {
        var draft = onlyDraft("area,observed_at,summary,source_name,source_kind,details.persons,details.killed,"
                + "details.wounded,details.cargoTonnes,details.district,details.vehicles\n"
                + "OTHER,2020-11-25T01:00:00+04:00,Seen.,Own team,OWN_OBSERVATION,-3,many,2.5,12.75,12,+4\n");

        var d = draft.details();
        assertThat(d.get("persons").isIntegralNumber()).isTrue();
        assertThat(d.get("persons").asLong()).isEqualTo(-3);
        assertThat(d.get("killed").isString()).isTrue();
        assertThat(d.get("wounded").isNumber()).isTrue();
        assertThat(d.get("wounded").isIntegralNumber()).as("the rules refuse a fractional count").isFalse();
        assertThat(d.get("cargoTonnes").asDouble()).isEqualTo(12.75);
        assertThat(d.get("district").isString()).as("not a count: stays text").isTrue();
        assertThat(d.get("vehicles").asLong()).isEqualTo(4);
    }

    @Test
    void semicolons_are_detected_from_the_header_and_decimal_commas_read_as_points() {
        var parsed = parse("area;observed_at;summary;source_name;source_kind;lat;lon;details.cargoTonnes\n"
                + "OTHER;2020-11-25T01:00:00+04:00;Seen, then gone.;Own team;OWN_OBSERVATION;40,10;46,04;3,5\n");

        assertThat(parsed.delimiter()).isEqualTo(';');
        var draft = parsed.rows().getFirst().draft();
        assertThat(draft.summary()).isEqualTo("Seen, then gone.");
        assertThat(draft.location().lat()).isEqualTo(40.10);
        assertThat(draft.location().lon()).isEqualTo(46.04);
        assertThat(draft.details().get("cargoTonnes").asDouble()).isEqualTo(3.5);
    }

    @Test
    void a_byte_order_mark_and_the_case_of_column_names_do_not_matter() {
        var draft = onlyDraft("\uFEFFArea,OBSERVED_AT, Summary ,Source_Name,source_kind,DETAILS.RELEASEDBY,details.released_by_x,"
                + "details/receivedBy\n"
                + "OTHER,2020-11-25T01:00:00+04:00,Seen.,Own team,OWN_OBSERVATION,AZ,free,AM\n");

        assertThat(draft.area()).isEqualTo("OTHER");
        assertThat(draft.summary()).isEqualTo("Seen.");
        assertThat(draft.details().propertyNames()).containsExactlyInAnyOrder("releasedBy", "released_by_x", "receivedBy");
    }

    @Test
    void a_row_without_id_gets_a_stable_id_from_its_content_whatever_the_column_order_or_delimiter() {
        var a = parse("area,observed_at,summary,source_name,source_kind\n"
                + "OTHER,2020-11-25T01:00:00+04:00,Seen.,Own team,OWN_OBSERVATION\n").rows().getFirst();
        var b = parse("source_kind;summary;area;observed_at;source_name;agreement;id\n"
                + "OWN_OBSERVATION;  Seen. ;OTHER;2020-11-25T01:00:00+04:00;Own team;nk-2020-11-10;\n").rows().getFirst();
        var c = parse("area,observed_at,summary,source_name,source_kind\n"
                + "OTHER,2020-11-25T01:00:00+04:00,Seen twice.,Own team,OWN_OBSERVATION\n").rows().getFirst();

        assertThat(a.id()).isNotNull().isEqualTo(b.id()).isEqualTo(a.draft().id());
        assertThat(a.id().version()).isEqualTo(3);
        assertThat(c.id()).isNotEqualTo(a.id());
    }

    @Test
    void rows_are_numbered_by_their_line_in_the_file_counting_blank_lines_and_values_that_span_lines() {
        var rows = parse("area,observed_at,summary,source_name,source_kind\r\n"
                + "OTHER,2020-11-25T01:00:00+04:00,\"First line\r\nsecond line\",Own team,OWN_OBSERVATION\r\n"
                + "\r\n"
                + ",,,,\r\n"
                + "OTHER,2020-11-26T01:00:00+04:00,Next.,Own team,OWN_OBSERVATION\r\n").rows();

        assertThat(rows).extracting(CsvReportParser.ParsedRow::line).containsExactly(2, 6);
        assertThat(rows.getFirst().draft().summary()).isEqualTo("First line\r\nsecond line");
    }

    @Test
    void cells_that_cannot_be_read_refuse_their_row_with_the_column_named() {
        var rows = parse("id,area,observed_at,summary,source_name,source_kind,lat,lon,source_credibility\n"
                + "not-a-uuid,OTHER,2020-11-25T01:00:00+04:00,Seen.,Own team,OWN_OBSERVATION,north,46.0,two\n"
                + ",OTHER,2020-11-25T01:00:00+04:00,Seen.,Own team,OWN_OBSERVATION,40.1,46.0,2,extra\n"
                + ",OTHER,2020-11-25T01:00:00+04:00,Seen.\n").rows();

        assertThat(rows).allSatisfy(r -> assertThat(r.draft()).isNull());
        assertThat(rows.get(0).problems()).extracting(FieldProblem::field).containsExactly("id", "lat", "source_credibility");
        assertThat(rows.get(0).id()).isNull();
        assertThat(rows.get(1).problems()).extracting(FieldProblem::field).containsExactly("column 10");
        assertThat(rows.get(2).problems()).extracting(FieldProblem::field).containsExactly("row");
        assertThat(rows.get(2).problems().getFirst().message()).contains("has 4 values", "9 columns");
    }

    @Test
    void unknown_columns_refuse_the_whole_file_naming_them() {
        assertThatThrownBy(() -> parse("area,observed_at,summary,source_name,source_kind,colour,Weather\nOTHER,x,y,z,OTHER,red,sun\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'colour', 'Weather'")
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(FieldProblem::field)
                        .containsOnly("header"));
    }

    @Test
    void a_file_without_a_required_column_or_with_a_column_twice_is_refused_whole() {
        assertThatThrownBy(() -> parse("area,observed_at,summary,source_name\nOTHER,x,y,z\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("source_kind is missing");
        assertThatThrownBy(() -> parse("area,observed_at,summary,source_name,source_kind,AREA\nOTHER,x,y,z,OTHER,OTHER\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'AREA' appears more than once");
    }

    @Test
    void unbalanced_quotes_refuse_the_file_naming_the_line() {
        assertThatThrownBy(() -> parse("area,observed_at,summary,source_name,source_kind\n"
                + "OTHER,2020-11-25T01:00:00+04:00,Seen.,Own team,OWN_OBSERVATION\n"
                + "OTHER,2020-11-25T01:00:00+04:00,\"Never closed,Own team,OWN_OBSERVATION\n"
                + "OTHER,2020-11-25T01:00:00+04:00,Seen.,Own team,OWN_OBSERVATION\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("unbalanced quotes");
    }

    @Test
    void files_over_the_limits_or_not_in_utf8_are_refused_whole() {
        var many = new StringBuilder("area,observed_at,summary,source_name,source_kind\n");
        for (int i = 0; i <= CsvImportService.MAX_ROWS; i++) {
            many.append("OTHER,2020-11-25T01:00:00+04:00,Row ").append(i).append(",Own team,OWN_OBSERVATION\n");
        }
        assertThatThrownBy(() -> parse(many.toString())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("more than 10000 rows");
        assertThatThrownBy(() -> CsvReportParser.parse(new byte[CsvImportService.MAX_BYTES + 1]))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 10 MB");
        var latin1 = "area,observed_at,summary,source_name,source_kind\nOTHER,x,Gäste,y,OTHER\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> CsvReportParser.parse(latin1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> parse("")).isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
    }

    @Test
    void problems_from_the_report_rules_are_named_by_csv_column() {
        assertThat(CsvReportParser.column("source.name", null)).isEqualTo("source_name");
        assertThat(CsvReportParser.column("observedAt", null)).isEqualTo("observed_at");
        assertThat(CsvReportParser.column("observedUntil", null)).isEqualTo("observed_until");
        assertThat(CsvReportParser.column("location.district", null)).isEqualTo("district");
        assertThat(CsvReportParser.column("location.name", null)).isEqualTo("location_name");
        assertThat(CsvReportParser.column("details.persons", null)).isEqualTo("details.persons");
        assertThat(CsvReportParser.column("details", null)).isEqualTo("details");
        var latOnly = new ReportDraft(null, null, null, null, null, null, new ReportDraft.Location(null, null, 40.0, null),
                null, null, null);
        assertThat(CsvReportParser.column("location", latOnly)).isEqualTo("lon");
    }

    @Test
    void the_import_files_readable_rows_in_chunks_of_500_and_answers_every_row_by_line() {
        var csv = new StringBuilder("area,observed_at,summary,source_name,source_kind\n");
        for (int i = 0; i < 1201; i++) {
            csv.append("OTHER,2020-11-25T01:00:00+04:00,Row ").append(i).append(",Own team,OWN_OBSERVATION\n");
        }
        csv.append("OTHER,2020-11-25T01:00:00+04:00,Bad lat,Own team,OWN_OBSERVATION,extra\n");
        var chunks = new ArrayList<Integer>();

        var result = CsvImportService.importCsv(csv.toString().getBytes(StandardCharsets.UTF_8), drafts -> {
            chunks.add(drafts.size());
            return drafts.stream().map(d -> new BatchResult(d.id(), 201, null)).toList();
        });

        assertThat(chunks).containsExactly(500, 500, 201);
        assertThat(result.rows()).isEqualTo(1202);
        assertThat(result.stored()).isEqualTo(1201);
        assertThat(result.refused()).isEqualTo(1);
        assertThat(result.results().getFirst().row()).isEqualTo(2);
        assertThat(result.results().getLast().row()).isEqualTo(1203);
        assertThat(result.refusedRows()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.errors()).extracting(CsvImportResult.RowError::field).containsExactly("column 6");
        });
    }

    @Test
    void refusals_from_the_service_are_mapped_to_columns_and_statuses_are_kept() {
        var csv = "area,observed_at,summary,source_name,source_kind\n"
                + "OTHER,2020-11-25T01:00:00+04:00,One,Own team,OWN_OBSERVATION\n"
                + "OTHER,2020-11-25T01:00:00+04:00,Two,Own team,OWN_OBSERVATION\n"
                + "OTHER,2020-11-25T01:00:00+04:00,Three,Own team,OWN_OBSERVATION\n"
                + "OTHER,2020-11-25T01:00:00+04:00,Four,Own team,OWN_OBSERVATION\n";
        var result = CsvImportService.importCsv(csv.getBytes(StandardCharsets.UTF_8), drafts -> List.of(
                new BatchResult(drafts.get(0).id(), 201, null),
                new BatchResult(drafts.get(1).id(), 200, null),
                new BatchResult(drafts.get(2).id(), 409, ApiProblems.of(HttpStatus.CONFLICT, "Conflict", "used")),
                new BatchResult(drafts.get(3).id(), 400, ApiProblems.invalid("bad", List.of(
                        new FieldProblem("source.kind", "is required"), new FieldProblem("observedAt", "lies in the future"),
                        new FieldProblem("details.persons", "must be a whole number"))))));

        assertThat(result.results()).extracting(CsvImportResult.RowResult::status).containsExactly(201, 200, 409, 400);
        assertThat(result.stored()).isEqualTo(1);
        assertThat(result.alreadyStored()).isEqualTo(1);
        assertThat(result.refused()).isEqualTo(2);
        assertThat(result.results().get(2).errors()).extracting(CsvImportResult.RowError::field).containsExactly("id");
        assertThat(result.results().get(3).errors()).extracting(CsvImportResult.RowError::field)
                .containsExactly("source_kind", "observed_at", "details.persons");
        assertThat(result.results().get(3).row()).isEqualTo(5);
    }

    @Test
    void the_template_reads_back_as_two_drafts_without_problems() {
        var rows = parse(CsvImportService.template()).rows();

        assertThat(rows).hasSize(2).allSatisfy(r -> assertThat(r.problems()).isEmpty());
        assertThat(rows).extracting(r -> r.draft().area()).containsExactly("WITHDRAWAL", "PRISONER_EXCHANGE");
        assertThat(rows.get(1).draft().details().get("prisonersOfWar").asLong()).isEqualTo(44);
    }
}
