package org.ceasefire.ccm.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Every obligation's status, level and timeliness, counts of each, what falls due next, and the latest reports. */
public record OverviewDashboard(Period period, List<ObligationRow> obligations, Map<String, Long> byStatus,
        Map<String, Long> byTimeliness, List<Upcoming> upcoming, List<ReportRef> latestReports) {

    public record ObligationRow(String code, int point, String title, String kind, List<String> responsible, String status,
            int implementationLevel, String timeliness, @Nullable Instant dueAt, @Nullable Instant originalDueAt,
            @Nullable String dueText, @Nullable Instant completedAt, @Nullable Instant noticeDeadline,
            @Nullable Instant termEndsAt) {}

    /** A deadline, a notice deadline or the end of a term still to come. */
    public record Upcoming(String code, String title, String kind, Instant at) {}
}
