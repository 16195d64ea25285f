package org.ceasefire.ccm.briefing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.ceasefire.ccm.base.CcmProperties;
import org.ceasefire.ccm.base.ui.Translations;
import org.springframework.stereotype.Component;

/**
 * The same briefing as an editable Word document: headings, the summary as a list, and the tables of the PDF, so
 * that a briefer can add a paragraph of context before sending it on.
 */
@Component
public class BriefingDocx {

    /** A chart's size on the page in points: the text's width of an A4 or Letter page with Word's margins. */
    static final int CHART_WIDTH = 450;
    static final int CHART_HEIGHT = 190;
    /** The text's width in twips: A4 less Word's default margins of 2.54 cm. */
    static final int TEXT_WIDTH = 9_026;
    /** Points: tables in a smaller size than the text, as in the PDF. */
    static final int TABLE_FONT = 9;

    private final ChartDrawing charts;
    private final Translations translations;
    private final ZoneId zone;

    BriefingDocx(ChartDrawing charts, Translations translations, CcmProperties properties) {
        this.charts = charts;
        this.translations = translations;
        this.zone = properties.zone();
    }

    public byte[] render(Briefing b) {
        var t = new BriefingText(translations, b.language(), zone);
        try (var doc = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            doc.getProperties().getCoreProperties().setTitle(t.t("title", b.week()));
            doc.getProperties().getCoreProperties().setCreator("Ceasefire Monitor");
            heading(doc, t.t("heading", b.week()), 18);
            text(doc, b.agreementTitle() + " (" + b.agreement() + ")");
            text(doc, t.t("meta.week") + ": " + t.t("meta.week-value", t.day(b.from()), t.day(b.to()), b.zone()));
            text(doc, t.t("meta.cut-off") + ": " + t.t("meta.cut-off-value", t.when(b.cutOff()), b.zone()));
            text(doc, t.t("meta.produced") + ": " + t.t("meta.produced-value", t.when(b.producedAt()), b.producedBy()));

            heading(doc, t.t("summary"), 14);
            b.summary().forEach(s -> text(doc, "• " + s));

            heading(doc, t.t("status-changes"), 14);
            if (b.statusChanges().isEmpty()) {
                text(doc, t.t("summary.no-changes"));
            } else {
                var table = table(doc, new double[] {0.7, 2.0, 1.3, 1.3, 3.2, 2.4}, t.t("col.code"), t.t("col.obligation"), t.t("col.new-status"), t.t("col.effective"),
                        t.t("col.justification"), t.t("col.evidence"));
                for (var c : b.statusChanges()) {
                    row(table, c.obligation(), c.title(), t.t("status-level", t.status(c.status()), c.level()), t.when(c.effectiveAt()),
                            c.justification(), String.join(", ", c.evidence().stream().map(Object::toString).toList()));
                }
            }

            heading(doc, t.t("deadlines"), 14);
            if (b.deadlinesPassed().isEmpty() && b.comingDeadlines().isEmpty()) {
                text(doc, t.t("no-deadlines"));
            } else {
                var table = table(doc, new double[] {1.1, 0.7, 3.2, 1.6, 1.4}, "", t.t("col.code"), t.t("col.obligation"), t.t("col.when"),
                        t.t("col.at-cut-off"));
                b.deadlinesPassed().forEach(d -> row(table, t.t("deadline.passed"), d.obligation(), d.title(), t.when(d.at()),
                        t.timeliness(d.timeliness())));
                b.comingDeadlines().forEach(d -> row(table, t.t("deadline." + d.kind()), d.obligation(), d.title(), t.when(d.at()),
                        t.timeliness(d.timeliness())));
            }

            heading(doc, t.t("figures"), 14);
            var figures = table(doc, new double[] {3.6, 1.2, 1.2, 1.0}, t.t("col.figure"), t.t("col.this-week"), t.t("col.previous-week"),
                    t.t("col.unit"));
            b.figures().forEach(f -> row(figures, f.name(), t.number(f.thisWeek()), t.number(f.previousWeek()), f.unit()));

            heading(doc, t.t("charts"), 14);
            for (var chart : b.charts()) {
                if (chart.empty()) {
                    text(doc, t.t("chart-empty", chart.title()));
                    continue;
                }
                var png = charts.png(chart, t.locale(), CHART_WIDTH, CHART_HEIGHT);
                try (var in = new ByteArrayInputStream(png)) {
                    doc.createParagraph().createRun().addPicture(in, Document.PICTURE_TYPE_PNG, chart.title() + ".png",
                            Units.toEMU(CHART_WIDTH), Units.toEMU(CHART_HEIGHT));
                } catch (InvalidFormatException e) {
                    throw new IllegalStateException(e);
                }
            }

            heading(doc, t.t("points"), 14);
            var points = table(doc, new double[] {0.6, 3.0, 1.6, 0.95, 1.6, 1.15}, t.t("col.code"), t.t("col.obligation"), t.t("col.status"),
                    t.t("col.level"), t.t("col.timeliness"),
                    t.t("col.changes"));
            for (var point : b.points()) {
                row(points, "", t.t("point", point.number(), point.title()), "", "", "", "");
                for (var o : point.obligations()) {
                    row(points, o.code(), o.title(), t.status(o.status()), o.level() + "/3", t.timeliness(o.timeliness()),
                            o.changesThisWeek() == 0 ? "–" : t.number(o.changesThisWeek()));
                }
            }

            reports(doc, t, t.t("cited"), b.citedReports());
            reports(doc, t, t.t("notable"), b.notableReports());

            heading(doc, t.t("method"), 14);
            b.method().forEach(m -> text(doc, m));

            heading(doc, t.t("annex"), 14);
            text(doc, t.t("annex-intro"));
            if (b.conflicts().isEmpty()) {
                text(doc, t.t("annex-none"));
            } else {
                var shown = b.conflicts().subList(0, Math.min(b.conflicts().size(), Briefing.CONFLICTS_ON_PAPER));
                if (shown.size() < b.conflicts().size()) {
                    text(doc, t.t("annex-first", shown.size(), b.conflicts().size()));
                }
                var table = table(doc, new double[] {1.1, 2.2, 1.1, 2.2, 0.7, 1.0, 2.6}, t.t("col.day"), t.t("col.subject"), t.t("col.figure"),
                        t.t("col.source"), t.t("col.grade"),
                        t.t("col.claim"), t.t("col.reports"));
                for (var c : shown) {
                    for (var claim : c.claims()) {
                        var ids = claim.reports().stream().map(Object::toString).toList();
                        var reports = ids.size() <= 3 ? String.join(", ", ids)
                                : t.t("annex-more", String.join(", ", ids.subList(0, 3)), ids.size() - 3);
                        row(table, t.shortDay(c.day()), c.subject(), c.figure(), claim.source(), claim.grade(), claim.value(), reports);
                    }
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void reports(XWPFDocument doc, BriefingText t, String title, List<Briefing.ReportLine> lines) {
        heading(doc, title, 14);
        if (lines.isEmpty()) {
            text(doc, t.t("none"));
            return;
        }
        var table = table(doc, new double[] {1.3, 1.1, 3.2, 1.9, 0.6, 2.4}, t.t("col.observed"), t.t("col.area"), t.t("col.summary"),
                t.t("col.source"), t.t("col.grade"),
                t.t("col.report"));
        lines.forEach(r -> row(table, t.when(r.observedAt()), t.area(r.area()), r.summary(), r.source(), r.grade(), r.id().toString()));
    }

    /**
     * A heading in Word's own heading style (level 1 for the title, 2 for a section), so that the navigation pane and a
     * table of contents find it.
     */
    private static void heading(XWPFDocument doc, String text, int size) {
        var level = size >= 18 ? 1 : 2;
        var styles = doc.createStyles();
        if (!styles.styleExist(HEADING + level)) {
            styles.addStyle(headingStyle(level, size));
        }
        var paragraph = doc.createParagraph();
        paragraph.setStyle(HEADING + level);
        paragraph.setSpacingBefore(level == 1 ? 0 : 240);
        paragraph.setSpacingAfter(80);
        paragraph.setKeepNext(true);
        paragraph.createRun().setText(text);
    }

    private static final String HEADING = "Heading";

    private static XWPFStyle headingStyle(int level, int size) {
        var ct = CTStyle.Factory.newInstance();
        ct.setStyleId(HEADING + level);
        ct.addNewName().setVal("heading " + level);
        ct.addNewBasedOn().setVal("Normal");
        ct.addNewNext().setVal("Normal");
        ct.addNewUiPriority().setVal(BigInteger.valueOf(9));
        ct.addNewQFormat();
        ct.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
        var run = ct.addNewRPr();
        run.addNewB();
        run.addNewSz().setVal(BigInteger.valueOf(size * 2L));
        run.addNewColor().setVal("1F2937");
        var style = new XWPFStyle(ct);
        style.setType(STStyleType.PARAGRAPH);
        return style;
    }

    private static void text(XWPFDocument doc, String text) {
        doc.createParagraph().createRun().setText(text);
    }

    /**
     * A table across the text's width, its columns in the given proportions: Word and LibreOffice both honour widths
     * given per column and cell in twips, not a percentage alone.
     */
    private static XWPFTable table(XWPFDocument doc, double[] weights, String... header) {
        var t = doc.createTable(1, header.length);
        t.setWidth(TEXT_WIDTH);
        t.getCTTbl().getTblPr().addNewTblLayout().setType(STTblLayoutType.FIXED);
        var total = java.util.Arrays.stream(weights).sum();
        var grid = t.getCTTbl().getTblGrid();
        for (int i = 0; i < header.length; i++) {
            var width = (int) Math.round(TEXT_WIDTH * weights[i] / total);
            if (grid != null && i < grid.sizeOfGridColArray()) {
                grid.getGridColArray(i).setW(BigInteger.valueOf(width));
            }
            var cell = t.getRow(0).getCell(i);
            cell.setWidth(Integer.toString(width));
            cell.removeParagraph(0);
            var run = cell.addParagraph().createRun();
            run.setBold(true);
            run.setFontSize(TABLE_FONT);
            run.setText(header[i]);
        }
        t.getRow(0).setRepeatHeader(true);
        return t;
    }

    private static void row(XWPFTable t, String... values) {
        var row = t.createRow();
        for (int i = 0; i < values.length; i++) {
            var cell = row.getCell(i);
            cell.setWidth(Integer.toString(t.getRow(0).getCell(i).getWidth()));
            var run = cell.getParagraphs().getFirst().createRun();
            run.setFontSize(TABLE_FONT);
            run.setText(values[i]);
        }
    }
}
