package org.ceasefire.ccm.dashboard.rollup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ceasefire.ccm.reporting.ReportFact;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a report's figures as the rollups count them. A count that is absent is unknown and adds nothing; figures
 * that are running totals or stocks (basis CUMULATIVE or LEVEL) are never summed, only carried as the day's latest
 * claim; cargo is counted in kilograms so that sums are exact.
 */
public final class Figures {

    public static final String NO_PARTY = "-";
    public static final String NO_DIRECTION = "NONE";
    public static final String EVENT = "EVENT";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Figures() {}

    /** Everything the report adds to the rollups: nothing for areas without one. */
    static List<Contribution> of(ReportFact f, ZoneId zone) {
        var day = LocalDate.ofInstant(f.observedAt(), zone);
        var d = JSON.readTree(f.detailsJson());
        var a = f.agreement();
        return switch (f.area()) {
            case PRISONER_EXCHANGE -> List.of(new Contribution(RollupTable.EXCHANGE, a, day,
                    List.of(text(d, "releasedBy", NO_PARTY), text(d, "receivedBy", NO_PARTY), text(d, "basis", EVENT)),
                    new long[] {count(d, "prisonersOfWar"), count(d, "civilians"), count(d, "bodies")}, null));
            case REFUGEE_RETURN -> {
                var basis = text(d, "basis", EVENT);
                var persons = count(d, "persons");
                var event = EVENT.equals(basis);
                // a running total or a stock is carried as the day's latest claim, never summed
                yield List.of(new Contribution(RollupTable.RETURN, a, day,
                        List.of(f.sourceName(), basis, text(d, "direction", "RETURN")), new long[] {event ? persons : 0},
                        event ? null : new Mark(f.observedAt(), f.id().toString(), persons, null)));
            }
            case CORRIDOR_TRAFFIC -> {
                var event = EVENT.equals(text(d, "basis", EVENT));
                var sums = event ? new long[] {count(d, "vehicles"), count(d, "persons"), kilograms(d)} : new long[3];
                yield List.of(new Contribution(RollupTable.CORRIDOR, a, day,
                        List.of(text(d, "corridor", "LACHIN"), text(d, "direction", NO_DIRECTION)), sums,
                        new Mark(f.observedAt(), f.id().toString(), null, text(d, "state", "OPEN"))));
            }
            case CEASEFIRE -> List.of(new Contribution(RollupTable.INCIDENT, a, day, List.of(text(d, "allegedAgainst", NO_PARTY)),
                    new long[] {count(d, "killed"), count(d, "wounded"), d.hasNonNull("deniedBy") ? 1 : 0,
                            "CONFIRMED".equals(text(d, "assessment", "")) ? 1 : 0,
                            "REFUTED".equals(text(d, "assessment", "")) ? 1 : 0}, null));
            case WITHDRAWAL -> {
                if (!"COMPLETED".equals(text(d, "stage", ""))) {
                    yield List.of();
                }
                var mark = new Mark(f.observedAt(), f.id().toString(), null, null);
                var result = new ArrayList<Contribution>();
                for (var code : f.obligations()) {
                    result.add(new Contribution(RollupTable.WITHDRAWAL, a, day, List.of(obligationHandover(code)), new long[0], mark));
                }
                var district = text(d, "district", "");
                if (!district.isBlank()) {
                    result.add(new Contribution(RollupTable.WITHDRAWAL, a, day, List.of(districtHandover(district)), new long[0], mark));
                }
                yield result;
            }
            default -> List.of();
        };
    }

    /** The rollup key of completions reported against an obligation. */
    public static String obligationHandover(String code) {
        return "obligation:" + code;
    }

    /** The rollup key of completions reported for a district, whatever obligation they name. */
    public static String districtHandover(String district) {
        var key = "district:" + district.strip().toLowerCase(Locale.ROOT);
        return key.length() > 210 ? key.substring(0, 210) : key;
    }

    public static String text(JsonNode d, String field, String otherwise) {
        var v = d.get(field);
        return v == null || v.isNull() ? otherwise : v.asString();
    }

    public static @Nullable Long countOrNull(JsonNode d, String field) {
        var v = d.get(field);
        return v == null || v.isNull() ? null : v.asLong();
    }

    static long count(JsonNode d, String field) {
        var v = countOrNull(d, field);
        return v == null ? 0 : v;
    }

    static long kilograms(JsonNode d) {
        var v = d.get("cargoTonnes");
        return v == null || v.isNull() ? 0 : v.decimalValue().multiply(BigDecimal.valueOf(1000)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    public static JsonNode details(ReportFact f) {
        return JSON.readTree(f.detailsJson());
    }
}
