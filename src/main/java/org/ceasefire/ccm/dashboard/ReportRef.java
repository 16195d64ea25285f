package org.ceasefire.ccm.dashboard;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A report behind a figure, as a drill-down lists it: when, where, what, whose claim and how graded. */
public record ReportRef(UUID reportId, Instant observedAt, String area, @Nullable String location, String summary,
        String source, String sourceKind, String grade, boolean verified) {}
