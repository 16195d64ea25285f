package org.ceasefire.ccm.agreement.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.ceasefire.ccm.agreement.ObligationKind;
import org.ceasefire.ccm.agreement.catalogue.AgreementDefinition.ObligationDefinition;
import org.junit.jupiter.api.Test;

class CatalogueReaderTest {

    private static final Path NK_STATEMENT = Path.of("config/agreements/nk-2020-11-10.yaml");
    private static final Path SECOND = Path.of("src/test/resources/catalogue-fixtures/second/demo-river-accord.yaml");
    private static final Path BROKEN = Path.of("src/test/resources/catalogue-fixtures/malformed/broken.yaml");

    /** A minimal valid file; each error case below changes exactly one thing in it. Line numbers are 1-based. */
    private static final String VALID = """
            code: test-accord
            title: "Test accord"
            effectiveAt: "2021-03-02T12:00:00+04:00"
            parties: [GE, FR]
            points:
              - number: 1
                title: "Bridge"
                text: "The bridge reopens."
                obligations:
                  - code: "1"
                    title: "Reopen the bridge"
                    kind: DEADLINE
                    responsible: [GE]
                    due:
                      text: "by 31 March 2021"
                      date: 2021-03-31
            """;

    private final CatalogueReader reader = new CatalogueReader(ZoneOffset.ofHours(4));

    private AgreementDefinition read(Path path) throws IOException {
        return reader.read(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
    }

    private CatalogueException failure(String content) {
        return catchThrowableOfType(CatalogueException.class, () -> reader.read("test.yaml", content));
    }

    private static List<ObligationDefinition> obligations(AgreementDefinition agreement) {
        return agreement.points().stream().flatMap(p -> p.obligations().stream()).toList();
    }

    private static ObligationDefinition obligation(AgreementDefinition agreement, String code) {
        return obligations(agreement).stream().filter(o -> o.code().equals(code)).findFirst().orElseThrow();
    }

    // --- the real catalogue entry ---

    @Test
    void the_nk_statement_lists_its_17_obligations_in_order() throws IOException {
        var agreement = read(NK_STATEMENT);

        assertThat(agreement.code()).isEqualTo("nk-2020-11-10");
        assertThat(obligations(agreement)).extracting(ObligationDefinition::code).containsExactly(
                "1", "2", "3", "4a", "4b", "5", "6a", "6b", "6c", "6d", "6e", "7", "8", "9a", "9b", "9c", "9d");
        assertThat(agreement.points()).extracting(AgreementDefinition.PointDefinition::number)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void the_nk_statement_is_found_under_both_of_its_dates() throws IOException {
        var agreement = read(NK_STATEMENT);

        assertThat(agreement.aliases()).contains("9 November statement", "10 November statement");
    }

    @Test
    void the_nk_statement_takes_effect_at_midnight_moscow_time() throws IOException {
        var agreement = read(NK_STATEMENT);

        assertThat(agreement.effectiveAt()).isEqualTo(Instant.parse("2020-11-09T21:00:00Z"));
        assertThat(agreement.signedOn()).isEqualTo(LocalDate.of(2020, 11, 9));
        assertThat(agreement.parties()).extracting(YamlMap.Located::value).containsExactly("AZ", "AM", "RU");
    }

    @Test
    void a_deadline_given_as_a_day_is_due_at_the_end_of_that_day_at_utc_plus_4() throws IOException {
        var agreement = read(NK_STATEMENT);

        assertThat(obligation(agreement, "2").due()).isNotNull().satisfies(due -> {
            assertThat(due.at()).isEqualTo(Instant.parse("2020-11-20T19:59:59Z"));
            assertThat(due.dayOnly()).isTrue();
            assertThat(due.text()).isEqualTo("by 20 November 2020");
        });
        assertThat(obligation(agreement, "6a").due().at()).isEqualTo(Instant.parse("2020-11-15T19:59:59Z"));
        assertThat(obligation(agreement, "6b").due().at()).isEqualTo(Instant.parse("2020-12-01T19:59:59Z"));
    }

    @Test
    void a_deadline_given_as_an_instant_is_taken_as_written() throws IOException {
        var due = obligation(read(NK_STATEMENT), "6d").due();

        assertThat(due).isNotNull();
        assertThat(due.at()).isEqualTo(Instant.parse("2023-11-09T21:00:00Z"));
        assertThat(due.dayOnly()).isFalse();
    }

    @Test
    void each_obligation_of_the_nk_statement_has_its_kind() throws IOException {
        var agreement = read(NK_STATEMENT);

        assertThat(obligation(agreement, "1").kind()).isEqualTo(ObligationKind.STANDING);
        assertThat(obligation(agreement, "2").kind()).isEqualTo(ObligationKind.DEADLINE);
        assertThat(obligation(agreement, "4b").kind()).isEqualTo(ObligationKind.TERM);
        assertThat(obligation(agreement, "9d").kind()).isEqualTo(ObligationKind.CONDITIONAL);
        assertThat(obligation(agreement, "9d").condition()).contains("Agreement between Azerbaijan and Armenia");
    }

    @Test
    void the_peacekeepers_term_is_five_years_renewed_for_five_with_six_months_notice() throws IOException {
        var term = obligation(read(NK_STATEMENT), "4b").term();

        assertThat(term).isNotNull();
        assertThat(term.years()).isEqualTo(5);
        assertThat(term.renewalYears()).isEqualTo(5);
        assertThat(term.noticeMonths()).isEqualTo(6);
        assertThat(term.startsAt()).isEqualTo(Instant.parse("2020-11-09T21:00:00Z"));
        assertThat(term.noticeBy()).extracting(YamlMap.Located::value).containsExactly("AZ", "AM");
    }

    @Test
    void the_peacekeeping_ceilings_are_read_as_numbers() throws IOException {
        var quantities = obligation(read(NK_STATEMENT), "3").quantities();

        assertThat(quantities).extracting(AgreementDefinition.Quantity::key).containsExactly("personnel", "apc", "vehicles");
        assertThat(quantities.getFirst().limit()).isEqualByComparingTo(new BigDecimal("1960"));
        assertThat(quantities.getFirst().unit()).isEqualTo("persons");
    }

    @Test
    void every_party_reference_is_collected_with_its_line() throws IOException {
        var references = CatalogueReader.partyReferences(read(NK_STATEMENT));

        assertThat(references).contains(new YamlMap.Located<>("TR", 124), new YamlMap.Located<>("UNHCR", 188));
    }

    // --- the second fixture ---

    @Test
    void a_second_agreement_file_is_read_on_its_own_terms() throws IOException {
        var agreement = read(SECOND);

        assertThat(agreement.code()).isEqualTo("demo-river-accord");
        assertThat(agreement.shortTitle()).isEqualTo("Demo River Accord");
        assertThat(agreement.aliases()).containsExactly("Blue River demo accord");
        assertThat(agreement.effectiveAt()).isEqualTo(Instant.parse("2021-03-02T08:00:00Z"));
        assertThat(obligations(agreement)).extracting(ObligationDefinition::code).containsExactly("1a", "1b", "2");
        assertThat(obligation(agreement, "1a").due().at()).isEqualTo(Instant.parse("2021-03-31T19:59:59Z"));
        var term = obligation(agreement, "2").term();
        assertThat(term).isNotNull();
        assertThat(term.years()).isEqualTo(2);
        assertThat(term.renewalYears()).isEqualTo(1);
        assertThat(term.noticeMonths()).isEqualTo(3);
        assertThat(term.startsAt()).as("no startsAt: the loader counts from the agreement's effective instant").isNull();
    }

    // --- errors ---

    @Test
    void a_misspelt_kind_names_the_file_the_line_and_the_wrong_value() throws IOException {
        var content = Files.readString(BROKEN, StandardCharsets.UTF_8);

        var e = catchThrowableOfType(CatalogueException.class, () -> reader.read(BROKEN.toString(), content));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("broken.yaml", "line 27", "DEADLNE");
        assertThat(e.line()).isEqualTo(27);
        assertThat(e.file()).isEqualTo(BROKEN.toString());
    }

    @Test
    void the_minimal_file_used_for_the_error_cases_is_valid() {
        var agreement = reader.read("test.yaml", VALID);

        assertThat(agreement.code()).isEqualTo("test-accord");
        assertThat(agreement.shortTitle()).as("defaults to the title").isEqualTo("Test accord");
        assertThat(obligations(agreement)).singleElement()
                .satisfies(o -> assertThat(o.due().at()).isEqualTo(Instant.parse("2021-03-31T19:59:59Z")));
    }

    @Test
    void an_unknown_key_is_refused_with_its_name_and_line() {
        var e = failure(VALID.replace("        responsible: [GE]\n",
                "        responsible: [GE]\n        deadline: 2021-03-31\n"));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("test.yaml", "line 14", "'deadline'");
        assertThat(e.line()).isEqualTo(14);
    }

    @Test
    void an_unknown_key_at_the_top_of_the_file_is_refused() {
        var e = failure(VALID.replace("title: \"Test accord\"", "titel: \"Test accord\""));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("line 2", "'titel'");
    }

    @Test
    void a_deadline_obligation_without_due_is_refused() {
        var e = failure(VALID.substring(0, VALID.indexOf("    due:")));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("test.yaml", "line 12", "DEADLINE", "'due'");
    }

    @Test
    void a_due_with_both_a_date_and_an_instant_is_refused() {
        var e = failure(VALID + "          at: \"2021-03-31T23:59:59+04:00\"\n");

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("test.yaml", "'date'", "'at'", "exactly one");
        assertThat(e.line()).isBetween(14, 17);
    }

    @Test
    void a_due_with_neither_a_date_nor_an_instant_is_refused() {
        var e = failure(VALID.replace("          date: 2021-03-31\n", ""));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("exactly one");
    }

    @Test
    void an_effective_instant_without_an_offset_is_refused() {
        var e = failure(VALID.replace("2021-03-02T12:00:00+04:00", "2021-03-02T12:00:00"));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("test.yaml", "line 3", "effectiveAt", "offset", "2021-03-02T12:00:00");
    }

    @Test
    void a_kind_that_is_not_one_of_the_four_is_refused_with_the_allowed_kinds() {
        var e = failure(VALID.replace("kind: DEADLINE", "kind: deadline"));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("line 12", "'deadline'", "DEADLINE", "STANDING", "TERM", "CONDITIONAL");
    }

    @Test
    void an_obligation_code_used_twice_is_refused() {
        var twice = VALID + """
                      - code: "1"
                        title: "Keep the bridge open"
                        kind: STANDING
                        responsible: [GE]
                """;

        var e = failure(twice);

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("test.yaml", "line 17", "'1'", "twice");
    }

    @Test
    void an_obligation_code_used_twice_in_different_points_is_refused() {
        var twice = VALID + """
                  - number: 2
                    title: "Commission"
                    text: "A commission sits."
                    obligations:
                      - code: "1"
                        title: "Commission sits"
                        kind: STANDING
                        responsible: [GE]
                """;

        var e = failure(twice);

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("line 21", "'1'", "twice");
    }

    @Test
    void a_key_written_twice_in_the_same_block_is_refused() {
        var e = failure(VALID.replace("        kind: DEADLINE\n",
                "        kind: DEADLINE\n        kind: STANDING\n"));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("test.yaml", "kind");
    }

    @Test
    void text_that_is_not_valid_yaml_is_refused_with_a_line() {
        var e = failure(VALID.replace("parties: [GE, FR]", "parties: [GE, FR"));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("test.yaml").containsPattern("line [1-9][0-9]*: not valid YAML");
        assertThat(e.line()).isPositive();
    }

    @Test
    void an_empty_file_is_refused() {
        assertThatThrownBy(() -> reader.read("empty.yaml", "# nothing here\n"))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("empty.yaml")
                .hasMessageContaining("empty");
    }
}
