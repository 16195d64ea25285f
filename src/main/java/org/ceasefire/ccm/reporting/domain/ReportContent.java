package org.ceasefire.ccm.reporting.domain;

import java.time.Instant;
import java.util.List;
import org.ceasefire.ccm.reporting.ReportArea;
import org.ceasefire.ccm.reporting.SourceKind;
import org.jspecify.annotations.Nullable;

/**
 * A report's content after validation: everything its author says, normalised (instants in UTC, codes upper case,
 * details as canonical JSON), so that two sends of the same report compare equal.
 */
public record ReportContent(
        String agreement,
        List<String> obligations,
        ReportArea area,
        Instant observedAt,
        @Nullable Instant observedUntil,
        @Nullable String locationName,
        @Nullable String district,
        @Nullable Double lat,
        @Nullable Double lon,
        String summary,
        String sourceName,
        SourceKind sourceKind,
        @Nullable String sourceParty,
        @Nullable String reliability,
        @Nullable Integer credibility,
        @Nullable String sourceUrl,
        String detailsJson) {

    /** A fingerprint of the content, for idempotency: the same report sent again has the same one. */
    public String fingerprint() {
        return org.ceasefire.ccm.base.Hashes.sha256(toString());
    }
}
