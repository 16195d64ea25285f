package org.ceasefire.ccm.reporting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A stored report with what the server adds: status, author, when it was received, its reviews and version. */
public record ReportView(
        UUID id,
        String agreement,
        List<String> obligations,
        ReportArea area,
        Instant observedAt,
        @Nullable Instant observedUntil,
        @Nullable Location location,
        String summary,
        Source source,
        JsonNode details,
        ReportStatus status,
        String submittedBy,
        Instant receivedAt,
        Instant updatedAt,
        boolean recordedLate,
        List<Review> reviews,
        long version) {

    public record Location(@Nullable String name, @Nullable String district, @Nullable Double lat, @Nullable Double lon) {}

    public record Source(String name, SourceKind kind, @Nullable String party, @Nullable String reliability,
            @Nullable Integer credibility, @Nullable String url) {

        /** The Admiralty grade, such as B2, or a dash where a part is unknown. */
        public String grade() {
            return (reliability == null ? "–" : reliability) + (credibility == null ? "–" : credibility.toString());
        }
    }

    public record Review(ReviewDecision decision, @Nullable String reason, String reviewer, Instant reviewedAt) {}
}
