package org.ceasefire.ccm.reporting;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Published inside the transaction that files, corrects or reviews a report, with the report as it was and as it
 * is now ({@code before} is null for a new report). Listeners that keep figures derived from reports update them in
 * the same transaction, so that whoever files or reviews reads their own write.
 */
public record ReportStateChanged(UUID id, @Nullable ReportFact before, ReportFact after) {}
