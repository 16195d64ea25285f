package org.ceasefire.ccm.agreement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One recorded judgement. {@code decidedAt} is when it was recorded; {@code effectiveAt} when the judged state began. */
public record StatusDecisionEntry(
        UUID id,
        ObligationStatus status,
        int implementationLevel,
        String justification,
        List<UUID> evidence,
        String decidedBy,
        Instant decidedAt,
        Instant effectiveAt) {}
