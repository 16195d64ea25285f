package org.ceasefire.ccm.dashboard;

import java.util.List;

/**
 * The reports behind a figure, newest first. {@code complete} is false when the search stopped before it had read the
 * whole period (a filter few reports pass, over years of reports): narrow the period to see older ones.
 */
public record DrillDown(List<ReportRef> reports, boolean complete) {}
