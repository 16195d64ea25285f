package org.ceasefire.ccm.briefing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.ceasefire.ccm.base.CcmProperties;
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
    private final ZoneId zone;

    BriefingDocx(ChartDrawing charts, CcmProperties properties) {
        this.charts = charts;
        this.zone = properties.zone();
    }

    public byte[] render(Briefing b) {
        try (var doc = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            doc.getProperties().getCoreProperties().setTitle("Weekly briefing " + b.week());
            doc.getProperties().getCoreProperties().setCreator("Ceasefire Monitor");
            heading(doc, "Weekly briefing, ISO week " + b.week(), 18);
            text(doc, b.agreementTitle() + " (" + b.agreement() + ")");
            text(doc, "Week: " + b.from() + " to " + b.to() + " (Monday to Sunday, " + b.zone() + ")");
            text(doc, "Cut-off: " + when(b.cutOff()) + " " + b.zone() + " (the end of Sunday)");
            text(doc, "Produced " + when(b.producedAt()) + " " + b.zone() + " by " + b.producedBy());

            heading(doc, "Summary", 14);
            b.summary().forEach(s -> text(doc, "• " + s));

            heading(doc, "Status changes this week", 14);
            if (b.statusChanges().isEmpty()) {
                text(doc, "No obligation changed status this week.");
            } else {
                var t = table(doc, "Code", "Obligation", "New status", "Effective", "Justification", "Evidence");
                for (var c : b.statusChanges()) {
                    row(t, c.obligation(), c.title(), words(c.status()) + " (level " + c.level() + "/3)", when(c.effectiveAt()),
                            c.justification(), String.join(", ", c.evidence().stream().map(Object::toString).toList()));
                }
            }

            heading(doc, "Deadlines", 14);
            if (b.deadlinesPassed().isEmpty() && b.comingDeadlines().isEmpty()) {
                text(doc, "No deadline fell this week, and none falls in the next 14 days.");
            } else {
                var t = table(doc, "", "Code", "Obligation", "When", "At the cut-off");
                b.deadlinesPassed().forEach(d -> row(t, "Passed", d.obligation(), d.title(), when(d.at()), words(d.timeliness())));
                b.comingDeadlines().forEach(d -> row(t, d.kind().equals("NOTICE_DEADLINE") ? "Notice due" : "Coming",
                        d.obligation(), d.title(), when(d.at()), words(d.timeliness())));
            }

            heading(doc, "Key figures", 14);
            var figures = table(doc, "Figure", "This week", "Previous week", "Unit");
            b.figures().forEach(f -> row(figures, f.name(), Long.toString(f.thisWeek()), Long.toString(f.previousWeek()), f.unit()));

            heading(doc, "Charts of the week", 14);
            for (var chart : b.charts()) {
                if (chart.empty()) {
                    text(doc, chart.title() + ": nothing reported this week.");
                    continue;
                }
                var png = charts.png(chart, CHART_WIDTH, CHART_HEIGHT);
                try (var in = new ByteArrayInputStream(png)) {
                    doc.createParagraph().createRun().addPicture(in, Document.PICTURE_TYPE_PNG, chart.title() + ".png",
                            Units.toEMU(CHART_WIDTH), Units.toEMU(CHART_HEIGHT));
                } catch (InvalidFormatException e) {
                    throw new IllegalStateException(e);
                }
            }

            heading(doc, "Per point of the agreement", 14);
            var points = table(doc, "Code", "Obligation", "Status", "Level", "Timeliness", "Changes this week");
            for (var point : b.points()) {
                row(points, "", "Point " + point.number() + ": " + point.title(), "", "", "", "");
                for (var o : point.obligations()) {
                    row(points, o.code(), o.title(), words(o.status()), o.level() + "/3", words(o.timeliness()),
                            Integer.toString(o.changesThisWeek()));
                }
            }

            reports(doc, "Reports cited as evidence", b.citedReports());
            reports(doc, "Notable verified reports of the week", b.notableReports());

            heading(doc, "Method", 14);
            b.method().forEach(m -> text(doc, m));

            heading(doc, "Annex: conflicting claims", 14);
            text(doc, BriefingPdf.ANNEX_INTRO);
            if (b.conflicts().isEmpty()) {
                text(doc, "None this week.");
            } else {
                var shown = b.conflicts().subList(0, Math.min(b.conflicts().size(), Briefing.CONFLICTS_ON_PAPER));
                if (shown.size() < b.conflicts().size()) {
                    text(doc, "The first " + shown.size() + " of " + b.conflicts().size()
                            + " in order of day; the data annex (XLSX) lists every one.");
                }
                var t = table(doc, "Day", "Subject", "Figure", "Source", "Grade", "Claim", "Reports");
                for (var c : shown) {
                    for (var claim : c.claims()) {
                        row(t, c.day().toString(), c.subject(), c.figure(), claim.source(), claim.grade(), claim.value(),
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

    private void reports(XWPFDocument doc, String title, List<Briefing.ReportLine> lines) {
        heading(doc, title, 14);
        if (lines.isEmpty()) {
            text(doc, "None.");
            return;
        }
        var t = table(doc, "Observed", "Area", "Summary", "Source", "Grade", "Report");
        lines.forEach(r -> row(t, when(r.observedAt()), words(r.area()), r.summary(), r.source(), r.grade(), r.id().toString()));
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

    private String when(java.time.Instant at) {
        return DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH).format(at.atZone(zone));
    }

    static String words(String constant) {
        var s = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
