package org.ceasefire.ccm.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.ceasefire.ccm.CcmIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The week's charts and the annex of conflicting claims in every rendering: two sources that gave different counts for
 * the same exchange on the same day, and a corridor closed for a day, in ISO week 2022-W07.
 */
@CcmIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BriefingChartsAndClaimsIT {

    private static final String WEEK = "2022-W07";
    private final String alpha = "Alpha wire " + UUID.randomUUID().toString().substring(0, 8);
    private final String beta = "Beta bulletin " + UUID.randomUUID().toString().substring(0, 8);
    private final List<UUID> filed = new ArrayList<>();

    @Autowired
    MockMvc mvc;

    @BeforeAll
    void fileTheWeek() throws Exception {
        file("PRISONER_EXCHANGE", "2022-02-15T12:00:00+04:00", alpha, "Five prisoners of war returned to Armenia.",
                d -> d.put("releasedBy", "AZ").put("receivedBy", "AM").put("prisonersOfWar", 5).put("basis", "EVENT"));
        file("PRISONER_EXCHANGE", "2022-02-15T13:00:00+04:00", beta, "Eight prisoners of war returned to Armenia.",
                d -> d.put("releasedBy", "AZ").put("receivedBy", "AM").put("prisonersOfWar", 8).put("basis", "EVENT"));
        file("CORRIDOR_TRAFFIC", "2022-02-16T09:00:00+04:00", alpha, "The corridor is closed at Shusha.",
                d -> d.put("corridor", "LACHIN").put("state", "CLOSED"));
        file("CORRIDOR_TRAFFIC", "2022-02-16T08:00:00+04:00", beta, "The corridor is open; 40 vehicles crossed this morning.",
                d -> d.put("corridor", "LACHIN").put("state", "OPEN").put("direction", "TO_KARABAKH").put("vehicles", 40).put("basis", "EVENT"));
    }

    @Test
    void the_pdf_draws_the_charts_and_sets_the_conflicting_claims_side_by_side() throws Exception {
        var bytes = fetch("pdf");
        String text;
        try (var pdf = Loader.loadPDF(bytes)) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        // the charts are vector drawings whose text is in the embedded font: legends and axes can be found
        assertThat(text).contains("Charts of the week", "Persons received in prisoner exchanges", "Received by AM",
                "Lachin corridor: vehicles and state per day", "State: Closed", "To Karabakh", "Ceasefire incidents per week");
        assertThat(text).contains("Annex: conflicting claims");
        var annex = text.substring(text.indexOf("Annex: conflicting claims"));
        assertThat(annex).contains("Exchange AZ → AM", "Prisoners of war", alpha, beta);
        assertThat(annex).contains("Lachin corridor", "State", "Closed", "Open");
        assertThat(annex).contains(filed.get(0).toString(), filed.get(1).toString());
        assertThat(text).contains("given differently by different sources");
    }

    @Test
    void the_word_document_carries_the_charts_as_pictures_and_the_annex() throws Exception {
        try (var doc = new XWPFDocument(new ByteArrayInputStream(fetch("docx"))); var extractor = new XWPFWordExtractor(doc)) {
            assertThat(doc.getAllPictures()).as("the exchanges and corridor charts at least").hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(p -> assertThat(p.getPictureType()).isEqualTo(org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG));
            var text = extractor.getText().replaceAll("\\s+", " ");
            assertThat(text).contains("Charts of the week", "Annex: conflicting claims", alpha, beta, "Prisoners of war");
        }
    }

    @Test
    void the_workbook_holds_the_data_behind_every_chart_and_every_conflicting_claim() throws Exception {
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(fetch("xlsx")))) {
            var charts = rows(book.getSheet("Chart data"));
            assertThat(charts).anySatisfy(r -> assertThat(r).containsExactly("Persons received in prisoner exchanges",
                    "Prisoners of war", "Received by AM", "13.0", ""));
            assertThat(charts).anySatisfy(r -> assertThat(r).containsExactly("Lachin corridor: vehicles and state per day",
                    "Wed 16 Feb", "To Karabakh", "40.0", "State: Closed"));
            var claims = rows(book.getSheet("Conflicting claims"));
            assertThat(claims).anySatisfy(r -> assertThat(r).startsWith("2022-02-15", "Exchange AZ → AM", "Prisoners of war", alpha, "C3", "5"));
            assertThat(claims).anySatisfy(r -> assertThat(r).startsWith("2022-02-15", "Exchange AZ → AM", "Prisoners of war", beta, "C3", "8"));
            assertThat(claims).anySatisfy(r -> assertThat(r).startsWith("2022-02-16", "Lachin corridor", "State", alpha, "C3", "Closed"));
        }
    }

    @Test
    @org.springframework.security.test.context.support.WithMockUser(username = "briefer", roles = "BRIEFER")
    void the_same_data_and_week_give_the_same_content() {
        var a = briefings.compose("nk-2020-11-10", IsoWeek.parse(WEEK));
        var b = briefings.compose("nk-2020-11-10", IsoWeek.parse(WEEK));
        assertThat(b).usingRecursiveComparison().ignoringFields("producedAt").isEqualTo(a);
        assertThat(a.conflicts()).isNotEmpty();
        assertThat(a.charts()).hasSize(4);
    }

    @Autowired
    BriefingService briefings;

    private byte[] fetch(String format) throws Exception {
        return mvc.perform(get("/api/v1/briefings/" + WEEK).param("format", format).with(user("briefer").roles("BRIEFER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private static List<List<String>> rows(org.apache.poi.ss.usermodel.Sheet sheet) {
        var rows = new ArrayList<List<String>>();
        for (int i = 1; i <= sheet.getLastRowNum(); i++) {
            var row = sheet.getRow(i);
            var cells = new ArrayList<String>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                cells.add(row.getCell(c).toString());
            }
            rows.add(cells);
        }
        return rows;
    }

    /** Files a report from the source with the given details, and has a supervisor verify it. */
    private void file(String area, String observedAt, String source, String summary,
            java.util.function.Consumer<ObjectNode> details) throws Exception {
        var id = UUID.randomUUID();
        var body = JsonNodeFactory.instance.objectNode().put("id", id.toString()).put("agreement", "nk-2020-11-10")
                .put("area", area).put("observedAt", observedAt).put("summary", summary);
        body.putArray("obligations");
        body.putObject("source").put("name", source).put("kind", "MEDIA").put("reliability", "C").put("credibility", 3);
        details.accept(body.putObject("details"));
        mvc.perform(post("/api/v1/reports").contentType(MediaType.APPLICATION_JSON).content(body.toString())
                .with(user("monitor-claims").roles("MONITOR"))).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/reports/" + id + "/review").contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"VERIFY\"}").with(user("supervisor-claims").roles("SUPERVISOR")))
                .andExpect(status().isOk());
        filed.add(id);
    }
}
