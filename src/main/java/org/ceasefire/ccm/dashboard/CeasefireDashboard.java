package org.ceasefire.ccm.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Incidents over time by alleged violator, with allegation, denial and assessment. The list is one page, newest
 * first; the counts cover the whole period. Weeks are ISO weeks in the local zone.
 */
public record CeasefireDashboard(Period period, List<Incident> incidents, long incidentCount, int page, int size,
        List<Week> byWeek, Map<String, Long> byAllegedAgainst, List<WeekParty> byWeekAndParty, Totals totals) {

    public record Incident(UUID reportId, Instant observedAt, @Nullable String location, String allegedBy,
            @Nullable String allegedAgainst, @Nullable String deniedBy, @Nullable String assessedBy,
            @Nullable String assessment, @Nullable Long killed, @Nullable Long wounded, String summary, String source,
            String grade, boolean verified) {}

    public record Week(String week, long count, long killed, long wounded) {}

    public record WeekParty(String week, String allegedAgainst, long count) {}

    public record Totals(long incidents, long killed, long wounded, long denied, long confirmed, long refuted,
            long unverifiedReports) {}
}
