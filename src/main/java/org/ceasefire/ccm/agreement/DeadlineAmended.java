package org.ceasefire.ccm.agreement;

import java.time.Instant;
import java.util.UUID;

/** Published when a deadline amendment is recorded. */
public record DeadlineAmended(String agreement, String obligation, UUID amendmentId, Instant previousDueAt, Instant newDueAt) {}
