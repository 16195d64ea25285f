package org.ceasefire.ccm.agreement;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One obligation as lists show it. Field names follow the API contract; {@code dueAt} is the deadline in force
 * (amended if amended) and {@code originalDueAt} the one in the text; {@code district} names the district an
 * obligation hands over, if it is a handover.
 */
public record ObligationSummary(
        String agreement,
        String code,
        int point,
        String title,
        ObligationKind kind,
        List<String> responsible,
        @Nullable Instant dueAt,
        @Nullable String dueText,
        @Nullable Instant originalDueAt,
        @Nullable String whenText,
        ObligationStatus status,
        int implementationLevel,
        Timeliness timeliness,
        @Nullable Instant statusEffectiveAt,
        @Nullable Instant completedAt,
        @Nullable TermView term,
        @Nullable String district,
        long version) {}
