package org.ceasefire.ccm.dashboard.rollup;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What one report adds to one rollup row: one report, its figures, and its mark if the row keeps one. */
record Contribution(RollupTable table, String agreement, LocalDate day, List<String> keys, long[] sums, @Nullable Mark mark) {}
