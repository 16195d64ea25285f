package org.ceasefire.ccm.briefing;

import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.util.List;
import org.ceasefire.ccm.base.CcmProperties;
import org.ceasefire.ccm.base.ui.Translations;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

/**
 * Renders a composed briefing as an A4 PDF meant to be read on paper: the title block states what it covers, then
 * the summary, the week's status changes with their justifications and evidence, deadlines, key figures beside the
 * previous week's, the cited and notable reports, and the method. DejaVu Sans is embedded, so names in Armenian,
 * Azerbaijani or Russian print as written.
 */
@Component
public class BriefingPdf {

    /** A chart's height on the page, in points; it spans the text's width. */
    static final float CHART_HEIGHT = 200;

    private final BaseFont regular;
    private final BaseFont bold;
    private final ChartDrawing charts;
    private final Translations translations;
    private final ZoneId zone;

    BriefingPdf(BriefingFonts fonts, ChartDrawing charts, Translations translations, CcmProperties properties) {
        this.regular = fonts.regular;
        this.bold = fonts.bold;
        this.charts = charts;
        this.translations = translations;
        this.zone = properties.zone();
    }

    public byte[] render(Briefing b) {
        var t = new BriefingText(translations, b.language(), zone);
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 48, 48, 54, 54);
        try {
            var writer = PdfWriter.getInstance(document, out);
            document.addTitle(t.t("title", b.week()) + ": " + b.agreementTitle());
            document.addSubject(t.t("subject"));
            document.addCreator("Ceasefire Monitor");
            var footer = t.t("footer", b.week(), t.when(b.cutOff()), b.zone());
            writer.setPageEvent(new org.openpdf.text.pdf.PdfPageEventHelper() {
                @Override
                public void onEndPage(PdfWriter w, Document d) {
                    var cb = w.getDirectContent();
                    cb.beginText();
                    cb.setFontAndSize(regular, 8);
                    cb.showTextAligned(Element.ALIGN_LEFT, footer, d.left(), d.bottom() - 24, 0);
                    cb.showTextAligned(Element.ALIGN_RIGHT, t.t("page", w.getPageNumber()), d.right(), d.bottom() - 24, 0);
                    cb.endText();
                }
            });
            document.open();
            var h1 = new Font(bold, 17);
            var h2 = new Font(bold, 12.5f);
            var text = new Font(regular, 9.5f);
            var small = new Font(regular, 8.5f);

            document.add(new Paragraph(t.t("heading", b.week()), h1));
            document.add(new Paragraph(b.agreementTitle() + " (" + b.agreement() + ")", text));
            var meta = table(new float[] {1.2f, 3.8f});
            row(meta, small, t.t("meta.week"), t.t("meta.week-value", t.day(b.from()), t.day(b.to()), b.zone()));
            row(meta, small, t.t("meta.cut-off"), t.t("meta.cut-off-value", t.when(b.cutOff()), b.zone()));
            row(meta, small, t.t("meta.zone"), b.zone());
            row(meta, small, t.t("meta.produced"), t.t("meta.produced-value", t.when(b.producedAt()), b.producedBy()));
            document.add(space(meta));

            document.add(new Paragraph(t.t("summary"), h2));
            for (var sentence : b.summary()) {
                var p = new Paragraph(new Chunk("•  " + sentence, text));
                p.setIndentationLeft(10);
                p.setSpacingAfter(2);
                document.add(p);
            }

            document.add(heading(t.t("status-changes"), h2));
            if (b.statusChanges().isEmpty()) {
                document.add(new Paragraph(t.t("summary.no-changes"), text));
            } else {
                var table = table(new float[] {0.7f, 2.2f, 1.2f, 1.3f, 3.6f});
                header(table, small, t.t("col.code"), t.t("col.obligation"), t.t("col.new-status"), t.t("col.effective"),
                        t.t("col.justification"));
                for (var c : b.statusChanges()) {
                    cells(table, small, c.obligation(), c.title(), t.t("status-level", t.status(c.status()), c.level()),
                            t.when(c.effectiveAt()), c.justification());
                    // ids on a line of their own, across the table, so that none is broken where it can be copied
                    span(table, small, (c.evidence().isEmpty() ? t.t("no-evidence")
                            : t.t("evidence", String.join(", ", c.evidence().stream().map(Object::toString).toList())))
                            + " · " + t.t("decided-by", c.decidedBy()));
                }
                document.add(table);
            }

            document.add(heading(t.t("deadlines"), h2));
            if (b.deadlinesPassed().isEmpty() && b.comingDeadlines().isEmpty()) {
                document.add(new Paragraph(t.t("no-deadlines"), text));
            } else {
                var table = table(new float[] {1.1f, 0.7f, 3.2f, 1.6f, 1.4f});
                header(table, small, "", t.t("col.code"), t.t("col.obligation"), t.t("col.when"), t.t("col.at-cut-off"));
                b.deadlinesPassed().forEach(d -> cells(table, small, t.t("deadline.passed"), d.obligation(), d.title(), t.when(d.at()),
                        t.timeliness(d.timeliness())));
                b.comingDeadlines().forEach(d -> cells(table, small, t.t("deadline." + d.kind()), d.obligation(), d.title(),
                        t.when(d.at()), t.timeliness(d.timeliness())));
                document.add(table);
            }

            document.add(heading(t.t("figures"), h2));
            var figures = table(new float[] {3.6f, 1.2f, 1.2f, 1.0f});
            header(figures, small, t.t("col.figure"), t.t("col.this-week"), t.t("col.previous-week"), t.t("col.unit"));
            for (var f : b.figures()) {
                cells(figures, small, f.name(), t.number(f.thisWeek()), t.number(f.previousWeek()), f.unit());
            }
            document.add(figures);

            // the heading shares a block with the first chart, so that it never ends a page alone
            var chartBlock = block();
            chartBlock.addCell(plain(heading(t.t("charts"), h2)));
            for (var chart : b.charts()) {
                if (chart.empty()) {
                    chartBlock.addCell(plain(new Paragraph(t.t("chart-empty", chart.title()), text)));
                    continue;
                }
                var width = document.right() - document.left();
                var template = writer.getDirectContent().createTemplate(width, CHART_HEIGHT);
                charts.draw(chart, t.locale(), template, width, CHART_HEIGHT);
                var cell = new PdfPCell(Image.getInstance(template), false);
                cell.setBorder(0);
                cell.setPaddingTop(4);
                cell.setPaddingBottom(8);
                chartBlock.addCell(cell);
                document.add(chartBlock);
                chartBlock = block();
            }
            if (chartBlock.size() > 0) {
                document.add(chartBlock);
            }

            document.add(heading(t.t("points"), h2));
            var points = table(new float[] {0.6f, 3.0f, 1.6f, 0.95f, 1.6f, 1.15f});
            header(points, small, t.t("col.code"), t.t("col.obligation"), t.t("col.status"), t.t("col.level"), t.t("col.timeliness"),
                    t.t("col.changes"));
            for (var point : b.points()) {
                var title = new PdfPCell(new Phrase(t.t("point", point.number(), point.title()), new Font(bold, small.getSize())));
                title.setColspan(6);
                title.setPadding(4);
                title.setBackgroundColor(new java.awt.Color(0xF3, 0xF4, 0xF6));
                points.addCell(title);
                for (var o : point.obligations()) {
                    cells(points, small, o.code(), o.title(), t.status(o.status()), o.level() + "/3", t.timeliness(o.timeliness()),
                            o.changesThisWeek() == 0 ? "–" : t.number(o.changesThisWeek()));
                }
            }
            document.add(points);

            reports(document, t, t.t("cited"), b.citedReports(), h2, small, text);
            reports(document, t, t.t("notable"), b.notableReports(), h2, small, text);

            document.add(heading(t.t("method"), h2));
            for (var line : b.method()) {
                var p = new Paragraph(line, small);
                p.setSpacingAfter(2);
                document.add(p);
            }

            conflicts(document, t, b, h2, small, text);
            document.close();
        } catch (RuntimeException e) {
            if (document.isOpen()) {
                document.close();
            }
            throw e;
        }
        return out.toByteArray();
    }

    private void reports(Document document, BriefingText t, String title, List<Briefing.ReportLine> lines, Font h2, Font small,
            Font text) {
        document.add(heading(title, h2));
        if (lines.isEmpty()) {
            document.add(new Paragraph(t.t("none"), text));
            return;
        }
        var table = table(new float[] {1.3f, 1.1f, 3.2f, 1.9f, 0.6f});
        header(table, small, t.t("col.observed"), t.t("col.area"), t.t("col.summary"), t.t("col.source"), t.t("col.grade"));
        for (var r : lines) {
            cells(table, small, t.when(r.observedAt()), t.area(r.area()), r.summary() + (r.location() == null ? "" : " (" + r.location() + ")"),
                    r.source() + " (" + t.sourceKind(r.sourceKind()) + ")", r.grade());
            span(table, small, t.t("report", r.id().toString()));
        }
        document.add(table);
    }

    private void conflicts(Document document, BriefingText t, Briefing b, Font h2, Font small, Font text) {
        document.add(heading(t.t("annex"), h2));
        document.add(new Paragraph(t.t("annex-intro"), small));
        if (b.conflicts().isEmpty()) {
            document.add(new Paragraph(t.t("annex-none"), text));
            return;
        }
        var shown = b.conflicts().subList(0, Math.min(b.conflicts().size(), Briefing.CONFLICTS_ON_PAPER));
        if (shown.size() < b.conflicts().size()) {
            document.add(new Paragraph(t.t("annex-first", shown.size(), b.conflicts().size()), small));
        }
        var table = table(new float[] {1.1f, 2.4f, 1.1f, 2.6f, 0.8f, 1.0f});
        header(table, small, t.t("col.day"), t.t("col.subject"), t.t("col.figure"), t.t("col.source"), t.t("col.grade"), t.t("col.claim"));
        for (var c : shown) {
            var first = true;
            for (var claim : c.claims()) {
                cells(table, small, first ? t.shortDay(c.day()) : "", first ? c.subject() : "", first ? c.figure() : "", claim.source(),
                        claim.grade(), claim.value());
                first = false;
            }
            span(table, small, t.t("annex-reports", reportIds(t, c)));
        }
        document.add(table);
    }

    static String reportIds(BriefingText t, Briefing.Conflict c) {
        var ids = c.claims().stream().flatMap(claim -> claim.reports().stream()).map(Object::toString).toList();
        return ids.size() <= 6 ? String.join(", ", ids) : t.t("annex-more", String.join(", ", ids.subList(0, 6)), ids.size() - 6);
    }

    /** A one-column table without borders that the page does not split. */
    private static PdfPTable block() {
        var t = new PdfPTable(1);
        t.setWidthPercentage(100);
        t.setKeepTogether(true);
        return t;
    }

    private static PdfPCell plain(Paragraph p) {
        var cell = new PdfPCell();
        cell.setBorder(0);
        cell.setPadding(0);
        cell.addElement(p);
        return cell;
    }

    private static Paragraph heading(String title, Font font) {
        var p = new Paragraph(title, font);
        p.setSpacingBefore(12);
        p.setSpacingAfter(5);
        return p;
    }

    private static PdfPTable table(float[] widths) {
        var t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        t.setSpacingBefore(3);
        return t;
    }

    private static PdfPTable space(PdfPTable t) {
        t.setSpacingBefore(8);
        t.setSpacingAfter(8);
        return t;
    }

    private static void row(PdfPTable t, Font font, String label, String value) {
        var l = new PdfPCell(new Phrase(label, font));
        l.setBorder(0);
        var v = new PdfPCell(new Phrase(value, font));
        v.setBorder(0);
        t.addCell(l);
        t.addCell(v);
    }

    private void header(PdfPTable t, Font font, String... labels) {
        var f = new Font(bold, font.getSize());
        for (var label : labels) {
            var c = new PdfPCell(new Phrase(label, f));
            c.setBackgroundColor(new java.awt.Color(0xE6, 0xF1, 0xF8));
            c.setPadding(4);
            t.addCell(c);
        }
    }

    private static void cells(PdfPTable t, Font font, String... values) {
        for (var value : values) {
            var c = new PdfPCell(new Phrase(value, font));
            c.setPadding(4);
            t.addCell(c);
        }
    }

    private static void span(PdfPTable t, Font font, String value) {
        var c = new PdfPCell(new Phrase(value, font));
        c.setColspan(t.getNumberOfColumns());
        c.setPadding(3);
        c.setPaddingLeft(8);
        c.setBorderWidthTop(0);
        t.addCell(c);
    }
}
