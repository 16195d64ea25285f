package org.ceasefire.ccm.briefing;

import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.ceasefire.ccm.base.CcmProperties;
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
    private final ZoneId zone;

    BriefingPdf(BriefingFonts fonts, ChartDrawing charts, CcmProperties properties) {
        this.regular = fonts.regular;
        this.bold = fonts.bold;
        this.charts = charts;
        this.zone = properties.zone();
    }

    public byte[] render(Briefing b) {
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 48, 48, 54, 54);
        try {
            var writer = PdfWriter.getInstance(document, out);
            document.addTitle("Weekly briefing " + b.week() + ": " + b.agreementTitle());
            document.addSubject("Ceasefire Monitor weekly briefing");
            document.addCreator("Ceasefire Monitor");
            writer.setPageEvent(new org.openpdf.text.pdf.PdfPageEventHelper() {
                @Override
                public void onEndPage(PdfWriter w, Document d) {
                    var cb = w.getDirectContent();
                    cb.beginText();
                    cb.setFontAndSize(regular, 8);
                    cb.showTextAligned(Element.ALIGN_LEFT, "Weekly briefing " + b.week() + " · cut-off " + when(b.cutOff()) + " " + b.zone()
                            + " · verified reports only", d.left(), d.bottom() - 24, 0);
                    cb.showTextAligned(Element.ALIGN_RIGHT, "page " + w.getPageNumber(), d.right(), d.bottom() - 24, 0);
                    cb.endText();
                }
            });
            document.open();
            var h1 = new Font(bold, 17);
            var h2 = new Font(bold, 12.5f);
            var text = new Font(regular, 9.5f);
            var small = new Font(regular, 8.5f);

            document.add(new Paragraph("Weekly briefing, ISO week " + b.week(), h1));
            document.add(new Paragraph(b.agreementTitle() + " (" + b.agreement() + ")", text));
            var meta = table(new float[] {1.2f, 3.8f});
            row(meta, small, "Week", day(b.from()) + " to " + day(b.to()) + " (Monday to Sunday, " + b.zone() + ")");
            row(meta, small, "Cut-off", when(b.cutOff()) + " " + b.zone() + " (the end of Sunday): reports observed and decisions effective before this instant");
            row(meta, small, "Time zone", b.zone());
            row(meta, small, "Produced", when(b.producedAt()) + " by " + b.producedBy());
            document.add(space(meta));

            document.add(new Paragraph("Summary", h2));
            for (var sentence : b.summary()) {
                var p = new Paragraph(new Chunk("•  " + sentence, text));
                p.setIndentationLeft(10);
                p.setSpacingAfter(2);
                document.add(p);
            }

            document.add(heading("Status changes this week", h2));
            if (b.statusChanges().isEmpty()) {
                document.add(new Paragraph("No obligation changed status this week.", text));
            } else {
                var t = table(new float[] {0.7f, 2.2f, 1.2f, 1.3f, 3.6f});
                header(t, small, "Code", "Obligation", "New status", "Effective", "Justification");
                for (var c : b.statusChanges()) {
                    cells(t, small, c.obligation(), c.title(), words(c.status()) + " (level " + c.level() + "/3)",
                            when(c.effectiveAt()), c.justification());
                    // ids on a line of their own, across the table, so that none is broken where it can be copied
                    span(t, small, (c.evidence().isEmpty() ? "No report cited"
                            : "Evidence: " + String.join(", ", c.evidence().stream().map(Object::toString).toList()))
                            + " · decided by " + c.decidedBy());
                }
                document.add(t);
            }

            document.add(heading("Deadlines", h2));
            if (b.deadlinesPassed().isEmpty() && b.comingDeadlines().isEmpty()) {
                document.add(new Paragraph("No deadline fell this week, and none falls in the next 14 days.", text));
            } else {
                var t = table(new float[] {1.1f, 0.7f, 3.2f, 1.6f, 1.4f});
                header(t, small, "", "Code", "Obligation", "When", "At the cut-off");
                b.deadlinesPassed().forEach(d -> cells(t, small, "Passed", d.obligation(), d.title(), when(d.at()), words(d.timeliness())));
                b.comingDeadlines().forEach(d -> cells(t, small, d.kind().equals("NOTICE_DEADLINE") ? "Notice due" : "Coming",
                        d.obligation(), d.title(), when(d.at()), words(d.timeliness())));
                document.add(t);
            }

            document.add(heading("Key figures", h2));
            var figures = table(new float[] {3.6f, 1.2f, 1.2f, 1.0f});
            header(figures, small, "Figure", "This week", "Previous week", "Unit");
            for (var f : b.figures()) {
                cells(figures, small, f.name(), number(f.thisWeek()), number(f.previousWeek()), f.unit());
            }
            document.add(figures);

            document.add(heading("Charts of the week", h2));
            for (var chart : b.charts()) {
                if (chart.empty()) {
                    document.add(new Paragraph(chart.title() + ": nothing reported this week.", text));
                    continue;
                }
                var width = document.right() - document.left();
                var template = writer.getDirectContent().createTemplate(width, CHART_HEIGHT);
                charts.draw(chart, template, width, CHART_HEIGHT);
                var image = Image.getInstance(template);
                image.setSpacingBefore(4);
                image.setSpacingAfter(8);
                document.add(image);
            }

            document.add(heading("Per point of the agreement", h2));
            var points = table(new float[] {0.6f, 3.4f, 1.6f, 0.7f, 1.5f, 0.9f});
            header(points, small, "Code", "Obligation", "Status", "Level", "Timeliness", "Changes");
            for (var point : b.points()) {
                var title = new PdfPCell(new Phrase("Point " + point.number() + ": " + point.title(), new Font(bold, small.getSize())));
                title.setColspan(6);
                title.setPadding(4);
                title.setBackgroundColor(new java.awt.Color(0xF3, 0xF4, 0xF6));
                points.addCell(title);
                for (var o : point.obligations()) {
                    cells(points, small, o.code(), o.title(), words(o.status()), o.level() + "/3", words(o.timeliness()),
                            o.changesThisWeek() == 0 ? "–" : Integer.toString(o.changesThisWeek()));
                }
            }
            document.add(points);

            reports(document, "Reports cited as evidence", b.citedReports(), h2, small, text);
            reports(document, "Notable verified reports of the week", b.notableReports(), h2, small, text);

            document.add(heading("Method", h2));
            for (var line : b.method()) {
                var p = new Paragraph(line, small);
                p.setSpacingAfter(2);
                document.add(p);
            }

            conflicts(document, b, h2, small, text);
            document.close();
        } catch (RuntimeException e) {
            if (document.isOpen()) {
                document.close();
            }
            throw e;
        }
        return out.toByteArray();
    }

    private void reports(Document document, String title, List<Briefing.ReportLine> lines, Font h2, Font small, Font text) {
        document.add(heading(title, h2));
        if (lines.isEmpty()) {
            document.add(new Paragraph("None.", text));
            return;
        }
        var t = table(new float[] {1.3f, 1.1f, 3.2f, 1.9f, 0.6f});
        header(t, small, "Observed", "Area", "Summary", "Source", "Grade");
        for (var r : lines) {
            cells(t, small, when(r.observedAt()), words(r.area()), r.summary() + (r.location() == null ? "" : " (" + r.location() + ")"),
                    r.source() + " (" + kind(r.sourceKind()) + ")", r.grade());
            span(t, small, "Report " + r.id());
        }
        document.add(t);
    }

    private void conflicts(Document document, Briefing b, Font h2, Font small, Font text) {
        document.add(heading("Annex: conflicting claims", h2));
        document.add(new Paragraph(ANNEX_INTRO, small));
        if (b.conflicts().isEmpty()) {
            document.add(new Paragraph("None this week.", text));
            return;
        }
        var shown = b.conflicts().subList(0, Math.min(b.conflicts().size(), Briefing.CONFLICTS_ON_PAPER));
        if (shown.size() < b.conflicts().size()) {
            document.add(new Paragraph("The first " + shown.size() + " of " + number(b.conflicts().size())
                    + " in order of day; the data annex (XLSX) lists every one.", small));
        }
        var t = table(new float[] {1.1f, 2.4f, 1.1f, 2.6f, 0.8f, 1.0f});
        header(t, small, "Day", "Subject", "Figure", "Source", "Grade", "Claim");
        for (var c : shown) {
            var first = true;
            for (var claim : c.claims()) {
                cells(t, small, first ? shortDay(c.day()) : "", first ? c.subject() : "", first ? c.figure() : "", claim.source(),
                        claim.grade(), claim.value());
                first = false;
            }
            span(t, small, "Reports: " + reportIds(c));
        }
        document.add(t);
    }

    static final String ANNEX_INTRO = "Figures for the same thing on the same local day that different sources gave"
            + " differently: a source's single events of the day added up, or its latest running total or level of the day,"
            + " as the dashboards take them. A difference is not an error in itself; sources count at different times and"
            + " places. Incidents are compared only where a place is named.";

    static String reportIds(Briefing.Conflict c) {
        var ids = c.claims().stream().flatMap(claim -> claim.reports().stream()).map(Object::toString).toList();
        return ids.size() <= 6 ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, 6)) + " and " + (ids.size() - 6) + " more";
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

    private static String kind(String sourceKind) {
        return sourceKind.length() <= 3 ? sourceKind : words(sourceKind);
    }

    private String when(java.time.Instant at) {
        return DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH).format(at.atZone(zone));
    }

    private static String day(java.time.LocalDate day) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).format(day);
    }

    private static String shortDay(java.time.LocalDate day) {
        return DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).format(day);
    }

    private static String number(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    private static String words(String constant) {
        var s = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

}
