/**
 * Rollups of report figures per local day, kept up to date in the transaction that files or reviews a report, and
 * rebuilt from the reports when their rules change. Dashboards read these instead of scanning reports.
 */
@NullMarked
package org.ceasefire.ccm.dashboard.rollup;

import org.jspecify.annotations.NullMarked;
