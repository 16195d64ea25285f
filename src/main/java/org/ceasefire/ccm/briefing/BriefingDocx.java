package org.ceasefire.ccm.briefing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
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
                var table = table(doc, t.t("col.code"), t.t("col.obligation"), t.t("col.new-status"), t.t("col.effective"),
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
                var table = table(doc, "", t.t("col.code"), t.t("col.obligation"), t.t("col.when"), t.t("col.at-cut-off"));
                b.deadlinesPassed().forEach(d -> row(table, t.t("deadline.passed"), d.obligation(), d.title(), t.when(d.at()),
                        t.timeliness(d.timeliness())));
                b.comingDeadlines().forEach(d -> row(table, t.t("deadline." + d.kind()), d.obligation(), d.title(), t.when(d.at()),
                        t.timeliness(d.timeliness())));
            }

            heading(doc, t.t("figures"), 14);
            var figures = table(doc, t.t("col.figure"), t.t("col.this-week"), t.t("col.previous-week"), t.t("col.unit"));
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
            var points = table(doc, t.t("col.code"), t.t("col.obligation"), t.t("col.status"), t.t("col.level"), t.t("col.timeliness"),
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
                var table = table(doc, t.t("col.day"), t.t("col.subject"), t.t("col.figure"), t.t("col.source"), t.t("col.grade"),
                        t.t("col.claim"), t.t("col.reports"));
                for (var c : shown) {
                    for (var claim : c.claims()) {
                        row(table, t.shortDay(c.day()), c.subject(), c.figure(), claim.source(), claim.grade(), claim.value(),
                                String.join(", ", claim.reports().stream().map(Object::toString).toList()));
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
        var table = table(doc, t.t("col.observed"), t.t("col.area"), t.t("col.summary"), t.t("col.source"), t.t("col.grade"),
                t.t("col.report"));
        lines.forEach(r -> row(table, t.when(r.observedAt()), t.area(r.area()), r.summary(), r.source(), r.grade(), r.id().toString()));
    }

    private static void heading(XWPFDocument doc, String text, int size) {
        var run = doc.createParagraph().createRun();
        run.setBold(true);
        run.setFontSize(size);
        run.setText(text);
    }

    private static void text(XWPFDocument doc, String text) {
        doc.createParagraph().createRun().setText(text);
    }

    private static XWPFTable table(XWPFDocument doc, String... header) {
        var t = doc.createTable(1, header.length);
        t.setWidth("100%");
        for (int i = 0; i < header.length; i++) {
            var cell = t.getRow(0).getCell(i);
            cell.removeParagraph(0);
            var run = cell.addParagraph().createRun();
            run.setBold(true);
            run.setText(header[i]);
        }
        return t;
    }

    private static void row(XWPFTable t, String... values) {
        var row = t.createRow();
        for (int i = 0; i < values.length; i++) {
            row.getCell(i).setText(values[i]);
        }
    }
}
