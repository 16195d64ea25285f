package org.ceasefire.ccm.briefing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A week's briefing as composed, before any rendering: what it covers (the ISO week, its local days and the cut-off
 * instant in the zone), who produced it when, a summary in sentences, the week's status changes with their
 * justifications, deadlines passed and coming, key figures beside the previous week's, the charts of the week's figures
 * (as data: every rendering draws them the same way), the reports cited and the week's notable verified reports, the
 * annex of conflicting claims, and a note on method; all of it in one of the product's languages.
 */
public record Briefing(
        String agreement,
        String agreementTitle,
        String week,
        LocalDate from,
        LocalDate to,
        Instant cutOff,
        String zone,
        Instant producedAt,
        String producedBy,
        List<String> summary,
        List<StatusChange> statusChanges,
        List<DeadlineLine> deadlinesPassed,
        List<DeadlineLine> comingDeadlines,
        List<Figure> figures,
        List<Chart> charts,
        List<PointSection> points,
        List<ReportLine> citedReports,
        List<ReportLine> notableReports,
        List<Conflict> conflicts,
        List<String> method,
        Locale language) {

    /** Conflicting claims the PDF and the Word document print; the data annex lists them all. */
    public static final int CONFLICTS_ON_PAPER = 60;

    /** A status decision that took effect during the week. */
    public record StatusChange(String obligation, int point, String title, String status, int level, Instant effectiveAt,
            String justification, List<UUID> evidence, String decidedBy) {}

    /** A deadline, notice deadline or term end, and how it stood at the cut-off. */
    public record DeadlineLine(String obligation, String title, String kind, Instant at, String timeliness) {}

    /** A point of the agreement and where each of its obligations stood at the cut-off. */
    public record PointSection(int number, String title, List<ObligationLine> obligations) {}

    /** An obligation at the cut-off, with how many of its status decisions took effect this week. */
    public record ObligationLine(String code, String title, String status, int level, String timeliness, int changesThisWeek) {}

    /** A key figure of the week beside the previous week's. */
    public record Figure(String name, String unit, long thisWeek, long previousWeek) {}

    /** A report as the briefing cites it. */
    public record ReportLine(UUID id, Instant observedAt, String area, @Nullable String location, String summary,
            String source, String sourceKind, String grade, String status) {}

    /**
     * A bar chart of the week's figures, as the dashboards draw it: one bar per category and series, stacked or side by
     * side. A band colours a category's background (the corridor's state on a day) and is named in the legend.
     */
    public record Chart(String title, String subtitle, String categoryAxis, String valueAxis, List<String> categories,
            List<Series> series, boolean stacked, List<Band> bands) {

        /** Nothing to draw: no series holds a figure and no category is banded. */
        public boolean empty() {
            return bands.isEmpty() && series.stream().allMatch(s -> s.values().stream().allMatch(v -> v == 0));
        }
    }

    /** One series of a chart, a value per category, in a colour shared with the dashboards. */
    public record Series(String name, String colour, List<Long> values) {}

    /** A category shown on a coloured background, with the legend's name for that colour. */
    public record Band(int category, String name, String colour) {}

    /**
     * Figures for the same thing (the same exchange, place, corridor or contingent on the same local day) that
     * different sources gave differently, each claim with the reports it rests on.
     */
    public record Conflict(LocalDate day, String subject, String figure, List<Claim> claims) {}

    /** What one source claimed: the value, its best grade and the reports that carry it. */
    public record Claim(String source, String grade, String value, List<UUID> reports) {}
}
