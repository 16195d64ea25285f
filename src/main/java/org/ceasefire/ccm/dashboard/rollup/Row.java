package org.ceasefire.ccm.dashboard.rollup;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** A rollup row's figures: how many reports, the sums, and the mark. Mutable while it is being folded. */
public final class Row {

    private final RowKey key;
    private long reports;
    private final long[] sums;
    private @Nullable Mark mark;

    Row(RowKey key, long reports, long[] sums, @Nullable Mark mark) {
        this.key = key;
        this.reports = reports;
        this.sums = sums;
        this.mark = mark;
    }

    static Row empty(RowKey key) {
        return new Row(key, 0, new long[key.table().sumColumns().size()], null);
    }

    void add(Contribution c) {
        reports++;
        for (int i = 0; i < sums.length; i++) {
            sums[i] += c.sums()[i];
        }
        mark = Mark.best(key.table().mark(), mark, c.mark());
    }

    public RowKey key() { return key; }
    public long reports() { return reports; }
    public long sum(int i) { return sums[i]; }
    long[] sums() { return sums.clone(); }
    public @Nullable Mark mark() { return mark; }

    /** Equal figures: what the rollup test compares. */
    public boolean sameFiguresAs(Row other) {
        return key.equals(other.key) && reports == other.reports && Arrays.equals(sums, other.sums)
                && java.util.Objects.equals(mark, other.mark);
    }

    @Override
    public String toString() {
        return key + " reports=" + reports + " sums=" + Arrays.toString(sums) + " mark=" + mark;
    }
}
