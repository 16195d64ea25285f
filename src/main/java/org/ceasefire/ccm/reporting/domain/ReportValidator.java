package org.ceasefire.ccm.reporting.domain;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.ceasefire.ccm.base.FieldProblem;
import org.ceasefire.ccm.base.InvalidInputException;
import org.ceasefire.ccm.base.Instants;
import org.ceasefire.ccm.reporting.ReportArea;
import org.ceasefire.ccm.reporting.ReportDraft;
import org.ceasefire.ccm.reporting.SourceKind;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rules a report must meet, checked all at once so that the author sees every problem in one answer. Counts are
 * whole numbers of 0 or more; an absent count is unknown, not zero. Party codes must be registered.
 */
public final class ReportValidator {

    /** Largest count accepted: more people than live in the region is a typing error. */
    static final long MAX_COUNT = 10_000_000L;
    private static final Instant EARLIEST = Instant.parse("1988-01-01T00:00:00Z");
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t\\r]]");
    private static final Pattern RELIABILITY = Pattern.compile("[A-F]");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Free text every area's details may carry, for what the structured fields cannot say. */
    private static final String NOTES = "notes";

    private static final Map<ReportArea, Map<String, FieldType>> DETAILS = Map.of(
            ReportArea.WITHDRAWAL, Map.of("district", FieldType.TEXT, "stage", FieldType.enumOf("STARTED", "COMPLETED")),
            ReportArea.PEACEKEEPING, Map.of("personnel", FieldType.COUNT, "armouredVehicles", FieldType.COUNT,
                    "vehicles", FieldType.COUNT, "observationPosts", FieldType.COUNT, "basis", FieldType.BASIS),
            ReportArea.CEASEFIRE, Map.of("allegedBy", FieldType.PARTY, "allegedAgainst", FieldType.PARTY,
                    "deniedBy", FieldType.PARTY, "assessedBy", FieldType.PARTY,
                    "assessment", FieldType.enumOf("CONFIRMED", "UNCONFIRMED", "REFUTED"), "killed", FieldType.COUNT,
                    "wounded", FieldType.COUNT),
            ReportArea.PRISONER_EXCHANGE, Map.of("releasedBy", FieldType.PARTY, "receivedBy", FieldType.PARTY,
                    "prisonersOfWar", FieldType.COUNT, "civilians", FieldType.COUNT, "bodies", FieldType.COUNT,
                    "mediator", FieldType.PARTY, "basis", FieldType.BASIS),
            ReportArea.REFUGEE_RETURN, Map.of("direction", FieldType.enumOf("RETURN", "DEPARTURE"), "persons", FieldType.COUNT,
                    "basis", FieldType.BASIS, "since", FieldType.DATE, "area", FieldType.TEXT),
            ReportArea.CORRIDOR_TRAFFIC, Map.of("corridor", FieldType.enumOf("LACHIN", "NAKHCHIVAN"),
                    "state", FieldType.enumOf("OPEN", "RESTRICTED", "CLOSED"),
                    "direction", FieldType.enumOf("TO_KARABAKH", "TO_ARMENIA", "BOTH"), "vehicles", FieldType.COUNT,
                    "persons", FieldType.COUNT, "cargoTonnes", FieldType.QUANTITY, "basis", FieldType.BASIS));

    private static final Map<ReportArea, List<String>> REQUIRED = Map.of(
            ReportArea.WITHDRAWAL, List.of("district", "stage"),
            ReportArea.CEASEFIRE, List.of("allegedBy"),
            ReportArea.PRISONER_EXCHANGE, List.of("releasedBy", "receivedBy"),
            ReportArea.REFUGEE_RETURN, List.of("direction", "persons", "basis"),
            ReportArea.CORRIDOR_TRAFFIC, List.of("corridor", "state"));

    private final Set<String> obligationCodes;
    private final Set<String> partyCodes;
    private final boolean agreementExists;
    private final Instant now;

    /**
     * @param obligationCodes the codes of the named agreement's obligations (empty when it does not exist)
     */
    public ReportValidator(boolean agreementExists, Set<String> obligationCodes, Set<String> partyCodes, Instant now) {
        this.agreementExists = agreementExists;
        this.obligationCodes = obligationCodes;
        this.partyCodes = partyCodes;
        this.now = now;
    }

    /** Checks a draft; returns its normalised content or throws with every problem found. */
    public ReportContent validate(ReportDraft d) {
        var problems = new ArrayList<FieldProblem>();
        if (d.id() == null) {
            problems.add(new FieldProblem("id", "is required: a UUID chosen by the client, used to store the report once"));
        }
        var agreement = trim(d.agreement());
        if (agreement == null) {
            problems.add(new FieldProblem("agreement", "is required, e.g. nk-2020-11-10"));
        } else if (!agreementExists) {
            problems.add(new FieldProblem("agreement", "'" + abbreviate(agreement) + "' is not an agreement in the catalogue"));
        }
        var obligations = new ArrayList<String>();
        if (d.obligations() != null) {
            for (var code : new LinkedHashSet<>(d.obligations())) {
                var c = trim(code);
                if (c == null) {
                    problems.add(new FieldProblem("obligations", "contains an empty code"));
                } else if (agreementExists && !obligationCodes.contains(c)) {
                    problems.add(new FieldProblem("obligations", "'" + abbreviate(c) + "' is not an obligation of " + agreement));
                } else {
                    obligations.add(c);
                }
            }
        }
        ReportArea area = null;
        var areaText = trim(d.area());
        if (areaText == null) {
            problems.add(new FieldProblem("area", "is required, one of " + List.of(ReportArea.values())));
        } else {
            try {
                area = ReportArea.valueOf(areaText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("area", "'" + abbreviate(areaText) + "' is not one of " + List.of(ReportArea.values())));
            }
        }
        var observedAt = instant("observedAt", d.observedAt(), true, problems);
        var observedUntil = instant("observedUntil", d.observedUntil(), false, problems);
        if (observedAt != null && observedUntil != null && observedUntil.isBefore(observedAt)) {
            problems.add(new FieldProblem("observedUntil", "is before observedAt"));
        }
        var summary = d.summary() == null ? "" : d.summary().strip();
        if (summary.isEmpty()) {
            problems.add(new FieldProblem("summary", "is required: say in a sentence what was observed or claimed"));
        } else if (summary.length() > ReportDraft.MAX_SUMMARY) {
            problems.add(new FieldProblem("summary", "is " + summary.length() + " characters; at most " + ReportDraft.MAX_SUMMARY));
        } else if (CONTROL.matcher(summary).find()) {
            problems.add(new FieldProblem("summary", "contains control characters; use plain text"));
        }
        var location = d.location();
        String locationName = null;
        String district = null;
        Double lat = null;
        Double lon = null;
        if (location != null) {
            locationName = text("location.name", location.name(), 200, problems);
            district = text("location.district", location.district(), 200, problems);
            lat = location.lat();
            lon = location.lon();
            if (lat != null && (lat.isNaN() || lat < -90 || lat > 90)) {
                problems.add(new FieldProblem("location.lat", "must be a latitude between -90 and 90"));
            }
            if (lon != null && (lon.isNaN() || lon < -180 || lon > 180)) {
                problems.add(new FieldProblem("location.lon", "must be a longitude between -180 and 180"));
            }
            if ((lat == null) != (lon == null)) {
                problems.add(new FieldProblem("location", "give both lat and lon, or neither"));
            }
        }
        var source = d.source();
        String sourceName = null;
        SourceKind kind = null;
        String party = null;
        String reliability = null;
        Integer credibility = null;
        String url = null;
        if (source == null) {
            problems.add(new FieldProblem("source", "is required: at least its name and kind"));
        } else {
            sourceName = text("source.name", source.name(), 200, problems);
            if (sourceName == null) {
                problems.add(new FieldProblem("source.name", "is required: who the information comes from"));
            }
            var kindText = trim(source.kind());
            if (kindText == null) {
                problems.add(new FieldProblem("source.kind", "is required, one of " + List.of(SourceKind.values())));
            } else {
                try {
                    kind = SourceKind.valueOf(kindText.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem("source.kind", "'" + abbreviate(kindText) + "' is not one of " + List.of(SourceKind.values())));
                }
            }
            party = party("source.party", source.party(), problems);
            reliability = trim(source.reliability());
            if (reliability != null) {
                reliability = reliability.toUpperCase(Locale.ROOT);
                if (!RELIABILITY.matcher(reliability).matches()) {
                    problems.add(new FieldProblem("source.reliability", "must be a letter A (reliable) to F (cannot be judged)"));
                }
            }
            credibility = source.credibility();
            if (credibility != null && (credibility < 1 || credibility > 6)) {
                problems.add(new FieldProblem("source.credibility", "must be 1 (confirmed) to 6 (cannot be judged)"));
            }
            url = trim(source.url());
            if (url != null && (url.length() > 2000 || !(url.startsWith("https://") || url.startsWith("http://"))
                    || CONTROL.matcher(url).find() || url.contains(" "))) {
                problems.add(new FieldProblem("source.url", "must be a web address starting with http:// or https://, at most 2000 characters"));
            }
        }
        String details = null;
        if (area != null) {
            details = details(area, d.details(), problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The report was not stored: " + describe(problems), problems);
        }
        return new ReportContent(agreement, List.copyOf(obligations), area, observedAt, observedUntil, locationName, district,
                lat, lon, summary, sourceName, kind, party, reliability, credibility, url, details);
    }

    private @Nullable Instant instant(String field, @Nullable String text, boolean required, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "is required: when it happened, e.g. 2020-11-25T01:00:00+04:00"));
            }
            return null;
        }
        try {
            // stored to the microsecond, so keep no more than that: the stored report equals what was validated
            var instant = Instants.parseInstant(field, text).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            if (instant.isAfter(now.plus(CLOCK_SKEW))) {
                problems.add(new FieldProblem(field, "lies in the future; report what has been observed"));
            } else if (instant.isBefore(EARLIEST)) {
                problems.add(new FieldProblem(field, "is before 1988; check the year"));
            }
            return instant;
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private @Nullable String party(String field, @Nullable String code, List<FieldProblem> problems) {
        var c = trim(code);
        if (c == null) {
            return null;
        }
        c = c.toUpperCase(Locale.ROOT);
        if (!partyCodes.contains(c)) {
            problems.add(new FieldProblem(field, "'" + abbreviate(c) + "' is not a registered party code; registered: "
                    + partyCodes.stream().sorted().toList()));
            return null;
        }
        return c;
    }

    private @Nullable String details(ReportArea area, @Nullable JsonNode node, List<FieldProblem> problems) {
        if (node != null && !node.isNull() && !node.isObject()) {
            problems.add(new FieldProblem("details", "must be a JSON object"));
            return null;
        }
        var given = node == null || node.isNull() ? JsonNodeFactory.instance.objectNode() : (ObjectNode) node;
        var spec = DETAILS.get(area);
        if (spec == null) {
            // TRANSPORT_LINKS and OTHER take any object
            var text = canonical(given);
            if (text.length() > 20_000) {
                problems.add(new FieldProblem("details", "is too large; keep it under 20,000 characters"));
            }
            return text;
        }
        var result = new TreeMap<String, Object>();
        for (var name : given.propertyNames()) {
            var type = NOTES.equals(name) ? FieldType.NOTES : spec.get(name);
            var value = given.get(name);
            var field = "details." + name;
            if (type == null) {
                problems.add(new FieldProblem(field, "is not a field of " + area + " details; they are "
                        + spec.keySet().stream().sorted().toList() + " and notes"));
                continue;
            }
            if (value == null || value.isNull()) {
                continue;
            }
            var parsed = type.parse(field, value, this, problems);
            if (parsed != null) {
                result.put(name, parsed);
            }
        }
        for (var name : REQUIRED.getOrDefault(area, List.of())) {
            if (!result.containsKey(name) && (given.get(name) == null || given.get(name).isNull())) {
                problems.add(new FieldProblem("details." + name, "is required for " + area + " reports"));
            }
        }
        var counts = spec.entrySet().stream().filter(e -> e.getValue() == FieldType.COUNT || e.getValue() == FieldType.QUANTITY)
                .map(Map.Entry::getKey).toList();
        var hasFigure = counts.stream().anyMatch(result::containsKey);
        if (area == ReportArea.PRISONER_EXCHANGE && !hasFigure) {
            problems.add(new FieldProblem("details", "give at least one count: prisonersOfWar, civilians or bodies"));
        }
        if (area == ReportArea.PEACEKEEPING && !hasFigure) {
            problems.add(new FieldProblem("details", "give at least one figure: personnel, armouredVehicles, vehicles or observationPosts"));
        }
        if (hasFigure && !result.containsKey("basis") && area != ReportArea.CEASEFIRE) {
            // EVENT for what happened in this event or day, LEVEL for a stock; a figure without basis cannot be summed safely
            result.put("basis", area == ReportArea.PEACEKEEPING ? "LEVEL" : "EVENT");
        }
        return canonical(JSON.valueToTree(result));
    }

    private static String canonical(JsonNode node) {
        return JSON.writeValueAsString(sorted(node));
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            var out = JsonNodeFactory.instance.objectNode();
            node.propertyNames().stream().sorted().forEach(name -> out.set(name, sorted(node.get(name))));
            return out;
        }
        if (node.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> out.add(sorted(item)));
            return out;
        }
        return node;
    }

    private static @Nullable String text(String field, @Nullable String value, int max, List<FieldProblem> problems) {
        var t = trim(value);
        if (t == null) {
            return null;
        }
        if (t.length() > max) {
            problems.add(new FieldProblem(field, "is longer than " + max + " characters"));
        } else if (CONTROL.matcher(t).find()) {
            problems.add(new FieldProblem(field, "contains control characters; use plain text"));
        }
        return t;
    }

    private static @Nullable String trim(@Nullable String value) {
        if (value == null) {
            return null;
        }
        var t = value.strip();
        return t.isEmpty() ? null : t;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static String describe(List<FieldProblem> problems) {
        return String.join("; ", problems.stream().map(p -> p.field() + " " + p.message()).toList()) + ".";
    }

    /** The kind of value a details field takes. */
    private interface FieldType {

        FieldType TEXT = (field, value, v, problems) -> {
            if (!value.isString() || value.asString().isBlank()) {
                problems.add(new FieldProblem(field, "must be text"));
                return null;
            }
            return text(field, value.asString(), 200, problems);
        };

        FieldType NOTES = (field, value, v, problems) -> {
            if (!value.isString()) {
                problems.add(new FieldProblem(field, "must be text"));
                return null;
            }
            return text(field, value.asString(), 2000, problems);
        };

        FieldType COUNT = (field, value, v, problems) -> {
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0 || value.asLong() > MAX_COUNT) {
                problems.add(new FieldProblem(field, "must be a whole number from 0 to " + MAX_COUNT
                        + " (leave it out when unknown)"));
                return null;
            }
            return value.asLong();
        };

        FieldType QUANTITY = (field, value, v, problems) -> {
            if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > MAX_COUNT || Double.isNaN(value.asDouble())) {
                problems.add(new FieldProblem(field, "must be a number from 0 (leave it out when unknown)"));
                return null;
            }
            return value.decimalValue();
        };

        FieldType PARTY = (field, value, v, problems) -> {
            if (!value.isString()) {
                problems.add(new FieldProblem(field, "must be a party code such as AZ, AM or RU"));
                return null;
            }
            return v.party(field, value.asString(), problems);
        };

        FieldType DATE = (field, value, v, problems) -> {
            try {
                if (!value.isString()) {
                    throw new DateTimeException("not text");
                }
                var day = LocalDate.parse(value.asString().strip());
                return day.toString();
            } catch (DateTimeException e) {
                problems.add(new FieldProblem(field, "must be a day like 2020-11-14"));
                return null;
            }
        };

        FieldType BASIS = enumOf("EVENT", "CUMULATIVE", "LEVEL");

        static FieldType enumOf(String... allowed) {
            var values = List.of(allowed);
            return (field, value, v, problems) -> {
                var text = value.isString() ? value.asString().strip().toUpperCase(Locale.ROOT) : null;
                if (text == null || !values.contains(text)) {
                    problems.add(new FieldProblem(field, "must be one of " + values));
                    return null;
                }
                return text;
            };
        }

        @Nullable Object parse(String field, JsonNode value, ReportValidator validator, List<FieldProblem> problems);
    }
}
