package org.ceasefire.ccm.agreement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A change of deadline agreed between the parties.
 *
 * @param id optional client-chosen idempotency key
 * @param decidedAt when the change was agreed (a fact about the world, not when it is typed in)
 * @param source a citation; text, may hold a URL
 */
public record NewDeadlineAmendment(
        @Nullable UUID id,
        @Nullable Instant newDueAt,
        String requestedBy,
        List<String> agreedBy,
        @Nullable String mediatedBy,
        @Nullable Instant decidedAt,
        String source,
        @Nullable String note) {

    public static final int MAX_SOURCE = 2000;
    public static final int MAX_NOTE = 4000;
}
