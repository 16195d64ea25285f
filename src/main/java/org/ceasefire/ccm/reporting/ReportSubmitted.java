package org.ceasefire.ccm.reporting;

import java.time.Instant;
import java.util.UUID;

/** Published when a report is first stored. */
public record ReportSubmitted(UUID id, ReportArea area, String agreement, Instant observedAt) {}
