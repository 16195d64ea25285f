package org.ceasefire.ccm.dashboard.rollup;

import java.time.Instant;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * The one report whose figure a rollup row carries: the day's latest claim, or the earliest completion. Ties on the
 * instant go to the id's text, so that every node and every rebuild picks the same report.
 */
public record Mark(Instant at, String id, @Nullable Long number, @Nullable String text) {

    static final Comparator<Mark> ORDER = Comparator.comparing(Mark::at).thenComparing(Mark::id);

    public enum Kind { NONE, LATEST, EARLIEST }

    /** The mark of the two that {@code kind} keeps; either may be null. */
    public static @Nullable Mark best(Kind kind, @Nullable Mark a, @Nullable Mark b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        var c = ORDER.compare(a, b);
        return kind == Kind.EARLIEST ? (c <= 0 ? a : b) : (c >= 0 ? a : b);
    }
}
