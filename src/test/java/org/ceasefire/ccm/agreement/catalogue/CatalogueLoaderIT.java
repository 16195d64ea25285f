package org.ceasefire.ccm.agreement.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ceasefire.ccm.CcmIntegrationTest;
import org.ceasefire.ccm.agreement.AgreementService;
import org.ceasefire.ccm.agreement.AgreementSummary;
import org.ceasefire.ccm.agreement.NewStatusDecision;
import org.ceasefire.ccm.agreement.ObligationService;
import org.ceasefire.ccm.agreement.ObligationStatus;
import org.ceasefire.ccm.agreement.ObligationSummary;
import org.ceasefire.ccm.agreement.StatusDecisionEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Loading the agreement catalogue into the shared test database. Tests that load files of their own give each its
 * own agreement code, so that they never touch what other tests read.
 */
@CcmIntegrationTest
class CatalogueLoaderIT {

    static final Path CATALOGUE = Path.of("config/agreements");
    static final Path FIXTURES = Path.of("src/test/resources/catalogue-fixtures");
    static final Path RIVER = FIXTURES.resolve("second/demo-river-accord.yaml");

    @Autowired
    CatalogueLoader loader;

    @Autowired
    ObligationService obligations;

    @Autowired
    AgreementService agreements;

    @TempDir
    Path folder;

    /** The river fixture under a code no other test uses, optionally edited. */
    private static String riverUnderOwnCode(String code) throws IOException {
        var content = Files.readString(RIVER, StandardCharsets.UTF_8);
        assertThat(content).contains("code: demo-river-accord\n");
        return content.replace("code: demo-river-accord\n", "code: " + code + "\n");
    }

    private static String uniqueCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }

    private List<String> agreementCodes() {
        return agreements.list().stream().map(AgreementSummary::code).toList();
    }

    @Test
    @WithMockUser(username = "monitor", roles = "MONITOR")
    void loading_the_catalogue_again_changes_nothing_and_keeps_the_17_obligations() {
        assertThat(loader.load(CATALOGUE)).isZero();

        assertThat(obligations.list("nk-2020-11-10")).hasSize(17);
        assertThat(loader.load(CATALOGUE)).isZero();
    }

    @Test
    @WithMockUser(username = "monitor", roles = "MONITOR")
    void the_second_fixture_folder_adds_a_second_agreement_next_to_the_first() {
        // 1 the first time; 0 if another test of the shared context loaded the same fixture before
        assertThat(loader.load(FIXTURES.resolve("second"))).isBetween(0, 1);

        assertThat(agreementCodes()).contains("nk-2020-11-10", "demo-river-accord");
        assertThat(obligations.list("demo-river-accord")).extracting(ObligationSummary::code)
                .containsExactly("1a", "1b", "2");
        assertThat(obligations.list("nk-2020-11-10")).hasSize(17);
        assertThat(loader.load(FIXTURES.resolve("second"))).isZero();
    }

    @Test
    @WithMockUser(username = "supervisor", roles = "SUPERVISOR")
    void an_edited_file_updates_the_definitions_and_keeps_the_status_history() throws IOException {
        var code = uniqueCode("river-edit");
        var original = riverUnderOwnCode(code);
        var file = write("river.yaml", original);
        assertThat(loader.load(folder)).isEqualTo(1);
        assertThat(obligations.get(code, "1a").summary().title()).isEqualTo("Reopen the Blue River bridge");

        var decision = obligations.decide(code, "1a", new NewStatusDecision(null, ObligationStatus.IN_PROGRESS, null,
                "Engineers seen repairing the bridge deck.", List.of(), Instant.parse("2021-03-10T08:00:00Z")), null);
        assertThat(decision.created()).isTrue();

        var edited = original.replace("title: \"Reopen the Blue River bridge\"",
                "title: \"Reopen the Blue River bridge to all traffic\"");
        assertThat(edited).isNotEqualTo(original);
        Files.writeString(file, edited, StandardCharsets.UTF_8);
        assertThat(loader.load(folder)).isEqualTo(1);

        var details = obligations.get(code, "1a");
        assertThat(details.summary().title()).isEqualTo("Reopen the Blue River bridge to all traffic");
        assertThat(details.inCatalogue()).isTrue();
        assertThat(details.summary().status()).isEqualTo(ObligationStatus.IN_PROGRESS);
        assertThat(details.statusHistory()).extracting(StatusDecisionEntry::id).containsExactly(decision.value().id());
        assertThat(details.statusHistory().getFirst().justification()).isEqualTo("Engineers seen repairing the bridge deck.");
        assertThat(details.statusHistory().getFirst().decidedBy()).isEqualTo("supervisor");
        // the other obligations are untouched, and loading the edited file again changes nothing
        assertThat(obligations.get(code, "1b").summary().title()).isEqualTo("Keep the bridge open to traffic in both directions");
        assertThat(loader.load(folder)).isZero();
    }

    @Test
    void a_malformed_file_is_refused_with_its_name_line_and_problem() {
        assertThatThrownBy(() -> loader.load(FIXTURES.resolve("malformed")))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("broken.yaml")
                .hasMessageContaining("line 27")
                .hasMessageContaining("DEADLNE")
                .satisfies(e -> {
                    assertThat(((CatalogueException) e).line()).isEqualTo(27);
                    assertThat(((CatalogueException) e).file()).endsWith("broken.yaml");
                });
    }

    @Test
    @WithMockUser(username = "monitor", roles = "MONITOR")
    void a_file_naming_an_unregistered_party_is_refused_with_the_party_and_line_and_stores_nothing() throws IOException {
        var code = uniqueCode("river-zz");
        var content = riverUnderOwnCode(code).replace("GE", "ZZ");
        write("river-zz.yaml", content);
        var lines = content.lines().toList();
        var firstLine = 1 + lines.indexOf(lines.stream().filter(l -> l.contains("ZZ")).findFirst().orElseThrow());

        assertThatThrownBy(() -> loader.load(folder))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("river-zz.yaml")
                .hasMessageContaining("'ZZ'")
                .hasMessageContaining("line " + firstLine)
                .satisfies(e -> assertThat(((CatalogueException) e).line()).isEqualTo(firstLine));
        assertThat(agreementCodes()).doesNotContain(code);
    }
}
