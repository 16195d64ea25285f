package org.ceasefire.ccm.dashboard.rollup;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** A rollup row's identity. Rows are written in this order, so that two writers never wait for each other in a ring. */
public record RowKey(RollupTable table, String agreement, LocalDate day, List<String> keys, Layer layer)
        implements Comparable<RowKey> {

    private static final Comparator<RowKey> ORDER = Comparator.comparing(RowKey::table)
            .thenComparing(RowKey::agreement)
            .thenComparing(RowKey::day)
            .thenComparing(k -> String.join("\u0000", k.keys()))
            .thenComparing(RowKey::layer);

    @Override
    public int compareTo(RowKey other) {
        return ORDER.compare(this, other);
    }

    public String key(int i) {
        return keys.get(i);
    }
}
