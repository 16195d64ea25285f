package org.ceasefire.ccm.dashboard;

import java.util.List;
import java.util.Map;

/**
 * The colours every chart of figures uses, in the browser (the dashboards) and on paper (the weekly briefing), so that
 * a series looks the same wherever it is read.
 */
public final class ChartColours {

    /** Okabe-Ito, safe for the common colour-vision deficiencies; series take them in order. */
    public static final List<String> PALETTE = List.of("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9",
            "#F0E442", "#000000");
    public static final String OPEN = "#009E73";
    public static final String RESTRICTED = "#E69F00";
    public static final String CLOSED = "#D55E00";
    /** Fixed per direction of corridor traffic, and never the vermilion and green that mean closed and open. */
    public static final Map<String, String> DIRECTIONS = Map.of("TO_KARABAKH", "#0072B2", "TO_ARMENIA", "#E69F00",
            "BOTH", "#56B4E9", "NONE", "#6b7280");

    private ChartColours() {}

    /** The colour of a corridor state. */
    public static String state(String state) {
        return switch (state) {
            case "CLOSED" -> CLOSED;
            case "RESTRICTED" -> RESTRICTED;
            default -> OPEN;
        };
    }

    /** The colour of the i-th series. */
    public static String series(int i) {
        return PALETTE.get(i % PALETTE.size());
    }
}
