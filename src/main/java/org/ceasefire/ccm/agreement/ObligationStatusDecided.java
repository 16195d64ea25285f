package org.ceasefire.ccm.agreement;

import java.time.Instant;
import java.util.UUID;

/** Published when a supervisor records a status decision. */
public record ObligationStatusDecided(String agreement, String obligation, UUID decisionId, ObligationStatus status,
        int implementationLevel, Instant effectiveAt, Instant decidedAt) {}
