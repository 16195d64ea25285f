package org.ceasefire.ccm.briefing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.ceasefire.ccm.base.CcmProperties;
import org.ceasefire.ccm.reporting.ReportFacts;
import org.ceasefire.ccm.reporting.ReportStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The data annex of a briefing as a workbook, one sheet each: the week's verified reports, the key figures, and the
 * status changes. Rows stream to disk as they are written (SXSSF), so a busy week costs little memory.
 */
@Component
public class BriefingXlsx {

    private final ReportFacts facts;
    private final ZoneId zone;

    BriefingXlsx(ReportFacts facts, CcmProperties properties) {
        this.facts = facts;
        this.zone = properties.zone();
    }

    /** The data annex; read in a read-only transaction, so that PostgreSQL streams the week's reports too. */
    @Transactional(readOnly = true)
    public byte[] render(Briefing b, IsoWeek week) {
        var workbook = new SXSSFWorkbook(200);
        try (var out = new ByteArrayOutputStream()) {
            var reports = workbook.createSheet("Verified reports");
            header(reports, "id", "observed_at (UTC)", "local_day", "area", "obligations", "source", "source_kind", "grade",
                    "location", "summary", "details");
            var n = new int[] {1};
            facts.forEachObserved(b.agreement(), week.start(zone), week.cutOff(zone), List.of(ReportStatus.VERIFIED), f ->
                    row(reports, n[0]++, f.id().toString(), f.observedAt().toString(), LocalDate.ofInstant(f.observedAt(), zone).toString(),
                            f.area().name(), String.join(" ", f.obligations()), f.sourceName(), f.sourceKind().name(), f.grade(),
                            f.locationName() == null ? "" : f.locationName(), f.summary(), f.detailsJson()));

            var figures = workbook.createSheet("Figures");
            header(figures, "figure", "week " + b.week(), "previous week", "unit");
            var r = 1;
            for (var f : b.figures()) {
                var row = figures.createRow(r++);
                row.createCell(0).setCellValue(f.name());
                row.createCell(1).setCellValue(f.thisWeek());
                row.createCell(2).setCellValue(f.previousWeek());
                row.createCell(3).setCellValue(f.unit());
            }

            var changes = workbook.createSheet("Status changes");
            header(changes, "obligation", "title", "status", "level", "effective_at (UTC)", "justification", "evidence", "decided_by");
            r = 1;
            for (var c : b.statusChanges()) {
                row(changes, r++, c.obligation(), c.title(), c.status(), Integer.toString(c.level()), c.effectiveAt().toString(),
                        c.justification(), String.join(" ", c.evidence().stream().map(Object::toString).toList()), c.decidedBy());
            }

            var charts = workbook.createSheet("Chart data");
            header(charts, "chart", "category", "series", "value", "background");
            r = 1;
            for (var c : b.charts()) {
                for (int i = 0; i < c.categories().size(); i++) {
                    var category = i;
                    var band = c.bands().stream().filter(x -> x.category() == category).map(Briefing.Band::name).findFirst().orElse("");
                    for (var series : c.series()) {
                        var row = charts.createRow(r++);
                        row.createCell(0).setCellValue(c.title());
                        row.createCell(1).setCellValue(c.categories().get(i));
                        row.createCell(2).setCellValue(series.name());
                        row.createCell(3).setCellValue(series.values().get(i));
                        row.createCell(4).setCellValue(band);
                    }
                }
            }

            var conflicts = workbook.createSheet("Conflicting claims");
            header(conflicts, "local_day", "subject", "figure", "source", "grade", "claim", "reports");
            r = 1;
            for (var c : b.conflicts()) {
                for (var claim : c.claims()) {
                    row(conflicts, r++, c.day().toString(), c.subject(), c.figure(), claim.source(), claim.grade(), claim.value(),
                            String.join(" ", claim.reports().stream().map(Object::toString).toList()));
                }
            }

            var about = workbook.createSheet("About");
            row(about, 0, "Weekly briefing", b.week());
            row(about, 1, "Agreement", b.agreementTitle() + " (" + b.agreement() + ")");
            row(about, 2, "Cut-off", b.cutOff().toString() + " (end of Sunday, " + b.zone() + ")");
            row(about, 3, "Produced", b.producedAt() + " by " + b.producedBy());
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }

    private static void header(Sheet sheet, String... names) {
        row(sheet, 0, names);
    }

    private static void row(Sheet sheet, int index, String... values) {
        var row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            // a cell holds at most 32,767 characters
            var v = values[i].length() > 32_000 ? values[i].substring(0, 32_000) : values[i];
            row.createCell(i).setCellValue(v);
        }
    }
}
