package org.ceasefire.ccm.agreement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A supervisor's judgement to record.
 *
 * @param id optional client-chosen idempotency key
 * @param implementationLevel 0-3; when null, the level the status implies (or the current one)
 * @param effectiveAt when the judged state began; when null, now
 */
public record NewStatusDecision(
        @Nullable UUID id,
        @Nullable ObligationStatus status,
        @Nullable Integer implementationLevel,
        String justification,
        List<UUID> evidence,
        @Nullable Instant effectiveAt) {

    public static final int MAX_JUSTIFICATION = 8000;
}
