package org.ceasefire.ccm.reporting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A report as figures are computed from it: what it claims, where it stands in review, and its source's grade. The
 * details are the canonical JSON the validator produced. Dashboards read reports only in this form.
 */
public record ReportFact(
        UUID id,
        String agreement,
        ReportArea area,
        ReportStatus status,
        Instant observedAt,
        List<String> obligations,
        @Nullable String locationName,
        @Nullable String district,
        String summary,
        String sourceName,
        SourceKind sourceKind,
        @Nullable String sourceParty,
        @Nullable String reliability,
        @Nullable Integer credibility,
        String detailsJson) {

    /** The Admiralty grade, such as B2, with a dash for an unknown part. */
    public String grade() {
        return (reliability == null ? "–" : reliability) + (credibility == null ? "–" : credibility.toString());
    }
}
