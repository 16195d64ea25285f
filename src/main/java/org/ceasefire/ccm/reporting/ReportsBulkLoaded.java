package org.ceasefire.ccm.reporting;

/**
 * Published after reports were written in bulk past the services (the scale generator), so that figures derived
 * from reports are rebuilt from them.
 */
public record ReportsBulkLoaded(long reports) {}
