package org.ceasefire.ccm.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of checking the whole chain.
 *
 * @param firstBadSeq the first entry whose content or link does not match, or null when all match
 */
public record AuditVerification(boolean intact, long entries, @Nullable Long firstBadSeq, @Nullable String problem,
        Instant checkedAt) {}
