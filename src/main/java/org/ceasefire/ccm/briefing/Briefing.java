package org.ceasefire.ccm.briefing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A week's briefing as composed, before any rendering: what it covers (the ISO week, its local days and the cut-off
 * instant in the zone), who produced it when, a summary in sentences, the week's status changes with their
 * justifications, deadlines passed and coming, key figures beside the previous week's, the reports cited and the
 * week's notable verified reports, and a note on method.
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
        List<PointSection> points,
        List<ReportLine> citedReports,
        List<ReportLine> notableReports,
        List<String> method) {

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
}
