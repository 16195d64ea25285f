package org.ceasefire.ccm.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One audit entry as administrators read it. {@code before} and {@code after} are JSON. */
public record AuditEntryView(long seq, Instant recordedAt, String actor, String action, String objectType, String objectId,
        @Nullable String before, @Nullable String after, String hash) {}
