package org.ceasefire.ccm.agreement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One line of the deadline ledger: who asked, who agreed, when, and on what source. */
public record DeadlineAmendmentEntry(
        UUID id,
        Instant previousDueAt,
        Instant newDueAt,
        String requestedBy,
        List<String> agreedBy,
        @Nullable String mediatedBy,
        Instant decidedAt,
        String source,
        @Nullable String note,
        String recordedBy,
        Instant recordedAt) {}
