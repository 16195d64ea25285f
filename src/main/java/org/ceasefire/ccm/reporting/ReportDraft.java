package org.ceasefire.ccm.reporting;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A report as a monitor or field client sends it (the API's JSON). Fields stay loose here (text for instants and
 * codes) so that every problem can be reported by field, in words, rather than as a parse failure.
 */
public record ReportDraft(
        @Nullable UUID id,
        @Nullable String agreement,
        @Nullable List<String> obligations,
        @Nullable String area,
        @Nullable String observedAt,
        @Nullable String observedUntil,
        @Nullable Location location,
        @Nullable String summary,
        @Nullable Source source,
        @Nullable JsonNode details) {

    public static final int MAX_SUMMARY = 4000;

    public record Location(@Nullable String name, @Nullable String district, @Nullable Double lat, @Nullable Double lon) {}

    public record Source(@Nullable String name, @Nullable String kind, @Nullable String party, @Nullable String reliability,
            @Nullable Integer credibility, @Nullable String url) {}
}
