package org.ceasefire.ccm.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ceasefire.ccm.CcmIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The briefing of ISO week 2020-W51 after one verified exchange and one status decision citing it: what issue 5's
 * acceptance asks of the PDF and the CSV, and who may have them.
 */
@CcmIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BriefingApiIT {

    private static final String JUSTIFICATION = "The exchange of 14 December mediated by Russia returned 44 prisoners"
            + " of war to Armenia; more remain held on both sides. " + UUID.randomUUID();

    @Autowired
    MockMvc mvc;

    @Autowired
    MeterRegistry meters;

    private final UUID report = UUID.randomUUID();

    @BeforeAll
    void fileTheWeek() throws Exception {
        var nodes = JsonNodeFactory.instance;
        var body = nodes.objectNode().put("id", report.toString()).put("agreement", "nk-2020-11-10").put("area", "PRISONER_EXCHANGE")
                .put("observedAt", "2020-12-14T16:00:00+04:00").put("summary", "Exchange at the border: 44 prisoners of war returned to Armenia.");
        body.putArray("obligations").add("8");
        body.putObject("source").put("name", "ICRC delegation").put("kind", "NGO").put("party", "ICRC").put("reliability", "A")
                .put("credibility", 2);
        body.putObject("details").put("releasedBy", "AZ").put("receivedBy", "AM").put("prisonersOfWar", 44).put("mediator", "RU")
                .put("basis", "EVENT");
        mvc.perform(post("/api/v1/reports").contentType(MediaType.APPLICATION_JSON).content(body.toString())
                .with(user("monitor-briefing").roles("MONITOR"))).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/reports/" + report + "/review").contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"VERIFY\"}").with(user("supervisor-briefing").roles("SUPERVISOR")))
                .andExpect(status().isOk());
        var decision = nodes.objectNode().put("status", "PARTIALLY_FULFILLED").put("implementationLevel", 2)
                .put("justification", JUSTIFICATION).put("effectiveAt", "2020-12-14T18:00:00+04:00");
        decision.putArray("evidence").add(report.toString());
        mvc.perform(post("/api/v1/agreements/nk-2020-11-10/obligations/8/status").contentType(MediaType.APPLICATION_JSON)
                .content(decision.toString()).with(user("supervisor-briefing").roles("SUPERVISOR"))).andExpect(status().is2xxSuccessful());
    }

    @Test
    void only_briefers_get_the_briefing_and_nobody_signed_out() throws Exception {
        for (var role : new String[] {"SUPERVISOR", "ADMIN"}) {
            mvc.perform(get("/api/v1/briefings/2020-W51").with(user("someone").roles(role))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/briefings/2020-W51")).andExpect(status().isUnauthorized());
    }

    @Test
    void a_monitor_is_refused_the_briefing() throws Exception {
        mvc.perform(get("/api/v1/briefings/2020-W51").with(user("monitor-briefing").roles("MONITOR")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/briefings/2020-W51").param("format", "csv").with(user("monitor-briefing").roles("MONITOR")))
                .andExpect(status().isForbidden());
    }

    @Test
    void the_pdf_names_the_week_its_cut_off_zone_the_status_change_with_its_justification_the_figure_and_the_cited_report()
            throws Exception {
        var started = System.nanoTime();
        var bytes = mvc.perform(get("/api/v1/briefings/2020-W51").param("format", "pdf").with(user("briefer").roles("BRIEFER")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("briefing-2020-W51.pdf")))
                .andReturn().getResponse().getContentAsByteArray();

        String text;
        try (var pdf = Loader.loadPDF(bytes)) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("2020-W51", "UTC+04:00", "14 December 2020 to 20 December 2020");
        assertThat(text).contains("Partially fulfilled", "level 2");
        assertThat(text).contains(JUSTIFICATION.substring(0, 60));
        assertThat(text).contains("Persons received in prisoner exchanges");
        assertThat(text).contains(report.toString());
        assertThat(text).contains("ICRC delegation");
        assertThat(text).as("every point with its obligations").contains("Per point of the agreement", "Point 1:", "Point 8:", "Point 9:");
        assertThat(meters.find("ccm.briefing").tag("format", "pdf").timer()).isNotNull()
                .satisfies(t -> assertThat(t.count()).isPositive());
        assertThat((System.nanoTime() - started) / 1e9).as("seconds for the PDF, first call included").isLessThan(6);
    }

    @Test
    void the_word_document_opens_and_carries_the_same_content() throws Exception {
        var bytes = mvc.perform(get("/api/v1/briefings/2020-W51").param("format", "docx").with(user("briefer").roles("BRIEFER")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("briefing-2020-W51.docx")))
                .andReturn().getResponse().getContentAsByteArray();

        String text;
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(bytes));
                var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
            text = extractor.getText().replaceAll("\\s+", " ");
            assertThat(doc.getParagraphs().stream().filter(p -> "Heading2".equals(p.getStyle())).map(p -> p.getText()))
                    .as("sections are Word headings, for the navigation pane and a table of contents")
                    .contains("Summary", "Status changes this week", "Charts of the week", "Per point of the agreement", "Method");
            assertThat(doc.getStyles().styleExist("Heading2")).isTrue();
        }
        assertThat(text).contains("2020-W51", "UTC+04:00", "Partially fulfilled", JUSTIFICATION, report.toString(),
                "Persons received in prisoner exchanges", "Per point of the agreement", "Point 8:");
    }

    @Test
    void the_workbook_opens_with_the_weeks_verified_reports_figures_and_status_changes_a_sheet_each() throws Exception {
        var bytes = mvc.perform(get("/api/v1/briefings/2020-W51").param("format", "xlsx").with(user("briefer").roles("BRIEFER")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();

        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(bytes))) {
            var reports = book.getSheet("Verified reports");
            var ids = new java.util.ArrayList<String>();
            for (int i = 1; i <= reports.getLastRowNum(); i++) {
                ids.add(reports.getRow(i).getCell(0).getStringCellValue());
            }
            assertThat(ids).contains(report.toString());
            var figures = book.getSheet("Figures");
            assertThat(figures.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Persons received in prisoner exchanges");
            assertThat(figures.getRow(1).getCell(1).getNumericCellValue()).isGreaterThanOrEqualTo(44);
            var changes = book.getSheet("Status changes");
            var justifications = new java.util.ArrayList<String>();
            for (int i = 1; i <= changes.getLastRowNum(); i++) {
                justifications.add(changes.getRow(i).getCell(5).getStringCellValue());
            }
            assertThat(justifications).contains(JUSTIFICATION);
        }
    }

    @Test
    void the_csv_lists_the_weeks_reports_with_their_ids() throws Exception {
        var csv = mvc.perform(get("/api/v1/briefings/2020-W51").param("format", "csv").with(user("briefer").roles("BRIEFER")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString();

        assertThat(csv.lines().findFirst()).hasValue(String.join(",", BriefingCsv.HEADER));
        assertThat(csv).contains(report.toString());
        assertThat(csv.lines().filter(l -> l.startsWith(report.toString()))).singleElement()
                .satisfies(l -> assertThat(l).contains("2020-12-14", "PRISONER_EXCHANGE", "VERIFIED", "ICRC delegation"));
    }

    @Test
    void the_briefing_is_written_in_the_language_asked_for_with_its_dates_and_statuses() throws Exception {
        var bytes = mvc.perform(get("/api/v1/briefings/2020-W51").param("format", "pdf").param("lang", "ru")
                .with(user("briefer").roles("BRIEFER"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text;
        try (var pdf = Loader.loadPDF(bytes)) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("Еженедельная сводка, ISO-неделя 2020-W51", "с 14 декабря 2020 по 20 декабря 2020", "Резюме",
                "Выполнено частично (уровень 2/3)", "Графики недели", "Лица, полученные при обменах пленными", "Методика");
        assertThat(text).as("what people wrote stays as written").contains(JUSTIFICATION.substring(0, 60), report.toString());

        var docx = mvc.perform(get("/api/v1/briefings/2020-W51").param("format", "docx").param("lang", "hy")
                .with(user("briefer").roles("BRIEFER"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx));
                var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
            assertThat(extractor.getText()).contains("Շաբաթական ամփոփագիր, ISO շաբաթ 2020-W51", "Ամփոփում", JUSTIFICATION);
        }

        mvc.perform(get("/api/v1/briefings/2020-W51").param("lang", "fr").with(user("briefer").roles("BRIEFER")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lang"));
    }

    @Test
    void an_impossible_week_is_refused_with_a_problem_naming_it() throws Exception {
        mvc.perform(get("/api/v1/briefings/2020-W99").with(user("briefer").roles("BRIEFER")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("isoWeek"));
        mvc.perform(get("/api/v1/briefings/2020-W51").param("format", "odt").with(user("briefer").roles("BRIEFER")))
                .andExpect(status().isBadRequest());
    }
}
