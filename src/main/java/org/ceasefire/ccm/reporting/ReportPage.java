package org.ceasefire.ccm.reporting;

import java.util.List;

/** One page of a list, in the API's shape: {@code {items, page, size, total}}. */
public record ReportPage<T>(List<T> items, int page, int size, long total) {}
