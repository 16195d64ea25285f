package org.ceasefire.ccm.reporting;

import java.time.Instant;
import java.util.UUID;

/** Published when a supervisor verifies, rejects or returns a report. */
public record ReportReviewed(UUID id, ReportArea area, ReviewDecision decision, Instant reviewedAt) {}
