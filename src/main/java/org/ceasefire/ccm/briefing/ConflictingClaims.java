package org.ceasefire.ccm.briefing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.ceasefire.ccm.reporting.ReportFact;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the week's figures for the same thing that different sources gave differently: the same exchange (who
 * released whom to whom), returns to the same place on the same basis, the same corridor's state or traffic, the
 * casualties of incidents at the same place, the contingent's strength; all on the same local day.
 *
 * <p>Each source's claim is what the dashboards would take from it: the sum of its single-event figures of the day,
 * or its latest running total or level of the day. A figure is in conflict when two sources or more gave it and their
 * values differ. Fed one verified report at a time, so a busy week never sits in memory as reports.
 */
final class ConflictingClaims implements Consumer<ReportFact> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ZoneId zone;
    private final BriefingText t;
    private final Map<Key, Map<String, Claim>> claims = new HashMap<>();

    ConflictingClaims(ZoneId zone, BriefingText t) {
        this.zone = zone;
        this.t = t;
    }

    private record Key(LocalDate day, String subject, String figure) {}

    /** One source's claim for one key, built up report by report. */
    private static final class Claim {
        final boolean summed;
        final java.util.function.LongFunction<String> number;
        long sum;
        @Nullable String latest;
        @Nullable Instant latestAt;
        @Nullable UUID latestId;
        String grade = "";
        int gradeRank = Integer.MAX_VALUE;
        final LinkedHashSet<UUID> reports = new LinkedHashSet<>();

        Claim(boolean summed, java.util.function.LongFunction<String> number) {
            this.summed = summed;
            this.number = number;
        }

        String value() {
            return summed ? number.apply(sum) : java.util.Objects.requireNonNull(latest);
        }
    }

    @Override
    public void accept(ReportFact f) {
        var day = LocalDate.ofInstant(f.observedAt(), zone);
        var d = JSON.readTree(f.detailsJson());
        switch (f.area()) {
            case PRISONER_EXCHANGE -> {
                var event = basis(d).equals("EVENT");
                var subject = t.t("claims.exchange", text(d, "releasedBy", "?"), text(d, "receivedBy", "?"))
                        + (event ? "" : " (" + basisWords(d) + ")");
                count(f, day, subject, t.t("claims.pow"), d, "prisonersOfWar", event);
                count(f, day, subject, t.t("claims.civilians"), d, "civilians", event);
                count(f, day, subject, t.t("claims.bodies"), d, "bodies", event);
            }
            case REFUGEE_RETURN -> {
                var place = text(d, "area", null);
                var departures = "DEPARTURE".equals(text(d, "direction", "RETURN"));
                var subject = (place == null ? t.t(departures ? "claims.departures" : "claims.returns")
                        : t.t(departures ? "claims.departures-from" : "claims.returns-to", place)) + " (" + basisWords(d) + ")";
                count(f, day, subject, t.t("claims.persons"), d, "persons", basis(d).equals("EVENT"));
            }
            case CORRIDOR_TRAFFIC -> {
                var corridor = t.t("claims.corridor." + text(d, "corridor", "LACHIN"));
                var state = text(d, "state", null);
                if (state != null) {
                    claim(f, new Key(day, corridor, t.t("claims.state")), false, 0, t.state(state));
                }
                if (basis(d).equals("EVENT")) {
                    var direction = text(d, "direction", null);
                    var subject = corridor + (direction == null ? "" : ", " + t.t("direction." + direction));
                    count(f, day, subject, t.t("claims.vehicles"), d, "vehicles", true);
                    count(f, day, subject, t.t("claims.persons"), d, "persons", true);
                }
            }
            case CEASEFIRE -> {
                // without a place two incidents on a day cannot be told to be the same one
                var place = f.locationName() != null ? f.locationName() : f.district();
                if (place != null) {
                    var subject = t.t("claims.incident", place);
                    count(f, day, subject, t.t("claims.killed"), d, "killed", true);
                    count(f, day, subject, t.t("claims.wounded"), d, "wounded", true);
                }
            }
            case PEACEKEEPING -> {
                if (basis(d).equals("LEVEL")) {
                    var subject = t.t("claims.contingent");
                    count(f, day, subject, t.t("claims.personnel"), d, "personnel", false);
                    count(f, day, subject, t.t("claims.armoured"), d, "armouredVehicles", false);
                    count(f, day, subject, t.t("claims.vehicles"), d, "vehicles", false);
                    count(f, day, subject, t.t("claims.posts"), d, "observationPosts", false);
                }
            }
            default -> {
                // withdrawals have stages, not figures; transport links and other reports have free details
            }
        }
    }

    private void count(ReportFact f, LocalDate day, String subject, String figure, JsonNode d, String field, boolean summed) {
        var v = d.get(field);
        if (v == null || v.isNull()) {
            return; // an absent count is unknown, not zero: it claims nothing
        }
        claim(f, new Key(day, subject, figure), summed, v.asLong(), t.number(v.asLong()));
    }

    private void claim(ReportFact f, Key key, boolean summed, long amount, String value) {
        var claim = claims.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(f.sourceName(), s -> new Claim(summed, t::number));
        var rank = BriefingService.gradeRank(f);
        if (rank < claim.gradeRank) {
            claim.gradeRank = rank;
            claim.grade = f.grade();
        }
        if (summed) {
            claim.sum += amount;
            claim.reports.add(f.id());
        } else if (claim.latestAt == null || f.observedAt().isAfter(claim.latestAt)
                || f.observedAt().equals(claim.latestAt) && f.id().compareTo(claim.latestId) > 0) {
            // the day's latest running total or level is the source's claim, as on the dashboards
            claim.latest = value;
            claim.latestAt = f.observedAt();
            claim.latestId = f.id();
            claim.reports.clear();
            claim.reports.add(f.id());
        }
    }

    /** The conflicts found, in order of day, subject and figure. */
    List<Briefing.Conflict> result() {
        var found = new ArrayList<Briefing.Conflict>();
        var keys = claims.keySet().stream().sorted(Comparator.comparing(Key::day).thenComparing(Key::subject)
                .thenComparing(Key::figure)).toList();
        for (var key : keys) {
            var bySource = new TreeMap<>(claims.get(key));
            if (bySource.size() >= 2 && bySource.values().stream().map(Claim::value).distinct().count() >= 2) {
                found.add(new Briefing.Conflict(key.day(), key.subject(), key.figure(), bySource.entrySet().stream()
                        .map(e -> new Briefing.Claim(e.getKey(), e.getValue().grade, e.getValue().value(),
                                List.copyOf(e.getValue().reports))).toList()));
            }
        }
        return found;
    }

    private static String basis(JsonNode d) {
        return text(d, "basis", "EVENT");
    }

    private String basisWords(JsonNode d) {
        return switch (basis(d)) {
            case "CUMULATIVE" -> d.hasNonNull("since") ? t.t("claims.running-total-since", d.get("since").asString())
                    : t.t("claims.running-total");
            case "LEVEL" -> t.t("claims.level");
            default -> t.t("claims.single-events");
        };
    }

    private static @Nullable String text(JsonNode d, String field, @Nullable String otherwise) {
        var v = d.get(field);
        return v == null || v.isNull() ? otherwise : v.asString();
    }
}
