package org.ceasefire.ccm.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BiConsumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.sessions.JqwikSession;
import org.ceasefire.ccm.CcmIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Thousands of malformed reports thrown at the report endpoints: every one is answered with a 4xx problem+json, never
 * a 5xx, and nothing is stored.
 *
 * <p>The payloads are made by jqwik generators used directly ({@code Arbitrary.generator(...)} inside a
 * {@link JqwikSession} with a fixed seed), not by a {@code @Property}: the test runs on JUnit Jupiter so that it shares
 * the Spring context of the other ITs. Each payload is a valid report of a random area with one to three mutations,
 * each of which on its own makes the report invalid (a required field removed; a wrong JSON type that Jackson cannot
 * coerce; a 4,001 to 100,000 character string; a control character; an impossible, offset-less, future or pre-1988
 * instant; a negative, fractional or huge count; an unknown area, kind, party, obligation, agreement or details
 * code; nested garbage), or is not a report at all (not JSON, truncated JSON, random bytes, an array, a scalar,
 * {@code null}, no body, the wrong content type).
 */
@CcmIntegrationTest
class MalformedReportPropertyIT {

    static final long SEED = 20201110L;
    static final int SINGLES = 2200;
    static final int BATCHES = 60;
    static final int CORRECTIONS = 200;
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final JsonMapper JSON = JsonMapper.builder().build();

    static final List<String> AREAS = List.of("WITHDRAWAL", "PEACEKEEPING", "CEASEFIRE", "PRISONER_EXCHANGE",
            "REFUGEE_RETURN", "CORRIDOR_TRAFFIC", "TRANSPORT_LINKS", "OTHER");
    static final List<String> REQUIRED = List.of("id", "agreement", "area", "observedAt", "summary", "source",
            "source.name", "source.kind");
    /** Required details per area; "*counts" stands for "at least one count". */
    static final Map<String, List<String>> REQUIRED_DETAILS = Map.of(
            "WITHDRAWAL", List.of("district", "stage"),
            "PRISONER_EXCHANGE", List.of("releasedBy", "receivedBy", "*counts"),
            "REFUGEE_RETURN", List.of("direction", "persons", "basis"),
            "CORRIDOR_TRAFFIC", List.of("corridor", "state"),
            "CEASEFIRE", List.of("allegedBy"),
            "PEACEKEEPING", List.of("*counts"));
    static final Map<String, List<String>> COUNTS = Map.of(
            "PEACEKEEPING", List.of("personnel", "armouredVehicles", "vehicles", "observationPosts"),
            "CEASEFIRE", List.of("killed", "wounded"),
            "PRISONER_EXCHANGE", List.of("prisonersOfWar", "civilians", "bodies"),
            "REFUGEE_RETURN", List.of("persons"),
            "CORRIDOR_TRAFFIC", List.of("vehicles", "persons"));
    /** Details that take a code: an enum value or a registered party. */
    static final Map<String, List<String>> CODED_DETAILS = Map.of(
            "WITHDRAWAL", List.of("stage"),
            "PEACEKEEPING", List.of("basis"),
            "CEASEFIRE", List.of("allegedBy", "allegedAgainst", "deniedBy", "assessedBy", "assessment"),
            "PRISONER_EXCHANGE", List.of("releasedBy", "receivedBy", "mediator", "basis"),
            "REFUGEE_RETURN", List.of("direction", "basis"),
            "CORRIDOR_TRAFFIC", List.of("corridor", "state", "direction", "basis"));
    static final List<String> TEXT_PATHS = List.of("agreement", "area", "observedAt", "summary", "location.name",
            "location.district", "source.name", "source.kind", "source.party", "source.url", "obligations[0]");
    static final List<String> STRING_TYPED_PATHS = List.of("agreement", "area", "observedAt", "observedUntil", "summary",
            "location.name", "location.district", "source.name", "source.kind", "source.party", "source.reliability",
            "source.url");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    // ------------------------------------------------------------------ payloads

    /** One request: its body, content type (null for none), and the report id it carries, if a valid UUID. */
    record Payload(String label, byte @Nullable [] body, @Nullable MediaType contentType, @Nullable UUID id) {

        static Payload json(String label, JsonNode node) {
            return new Payload(label, node.toString().getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON, idOf(node));
        }

        static Payload raw(String label, String body) {
            return new Payload(label, body.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON, null);
        }
    }

    record Mutation(String name, BiConsumer<ObjectNode, String> apply) {}

    static @Nullable UUID idOf(JsonNode node) {
        var id = node.isObject() ? node.get("id") : null;
        if (id == null || !id.isString()) {
            return null;
        }
        try {
            return UUID.fromString(id.asString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Mutation m(String name, BiConsumer<ObjectNode, String> apply) {
        return new Mutation(name, apply);
    }

    /** A valid report of a random area carrying one to three mutations. */
    /** A report with its mutations named, for the failure message. */
    record Mutated(ObjectNode report, String description) {}

    static Arbitrary<Mutated> mutatedReports() {
        return mutatedReports(true);
    }

    /**
     * @param idRequired false for corrections, where the id comes from the address and a missing id is no defect
     */
    static Arbitrary<Mutated> mutatedReports(boolean idRequired) {
        return Combinators.combine(Arbitraries.of(AREAS), mutations(idRequired).list().ofMinSize(1).ofMaxSize(3))
                .as((area, mutations) -> {
                    var report = ReportApiIT.report(UUID.randomUUID(), area);
                    for (var mutation : mutations) {
                        mutation.apply().accept(report, area);
                    }
                    return new Mutated(report, area + " report with " + mutations.stream().map(Mutation::name).toList());
                });
    }

    static Arbitrary<Mutation> mutations(boolean idRequired) {
        return Arbitraries.frequencyOf(
                Tuple.of(3, removeRequired(idRequired)),
                Tuple.of(3, removeRequiredDetail()),
                Tuple.of(4, wrongType()),
                Tuple.of(2, hugeString()),
                Tuple.of(3, controlCharacter()),
                Tuple.of(4, impossibleInstant()),
                Tuple.of(4, badNumber()),
                Tuple.of(4, unknownCode()),
                Tuple.of(2, nestedGarbage()),
                Tuple.of(1, blankSummary()));
    }

    static Arbitrary<Mutation> removeRequired(boolean idRequired) {
        return Arbitraries.of(REQUIRED.stream().filter(path -> idRequired || !path.equals("id")).toList()).map(path -> m("remove " + path, (r, area) -> remove(r, path)));
    }

    static Arbitrary<Mutation> removeRequiredDetail() {
        return Arbitraries.integers().between(0, 11).map(i -> m("remove a required detail", (r, area) -> {
            var required = REQUIRED_DETAILS.get(area);
            if (required == null) {
                r.put("details", "free text where an object belongs");
                return;
            }
            var name = required.get(i % required.size());
            if (!(r.get("details") instanceof ObjectNode details)) {
                return;
            }
            if (name.equals("*counts")) {
                COUNTS.get(area).forEach(details::remove);
            } else {
                details.remove(name);
            }
        }));
    }

    static Arbitrary<Mutation> wrongType() {
        var forStrings = Combinators.combine(Arbitraries.of(STRING_TYPED_PATHS), Arbitraries.oneOf(garbage(),
                        Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(i)),
                        Arbitraries.doubles().map(d -> (JsonNode) NODES.numberNode(d)),
                        Arbitraries.of((JsonNode) NODES.booleanNode(true), NODES.booleanNode(false))))
                .as((path, value) -> m("not text at " + path, (r, area) -> set(r, path, value)));
        var forNumbers = Combinators.combine(Arbitraries.of("location.lat", "location.lon", "source.credibility"),
                        Arbitraries.oneOf(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).map(s -> NODES.stringNode("x" + s)),
                                garbage(), Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false))))
                .as((path, value) -> m("not a number at " + path, (r, area) -> set(r, path, value)));
        var forId = Arbitraries.oneOf(Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(i)),
                        Arbitraries.strings().alpha().numeric().withChars('-').ofMinLength(1).ofMaxLength(40)
                                .filter(s -> !s.matches("[0-9a-fA-F]{1,8}-[0-9a-fA-F]{1,4}-[0-9a-fA-F]{1,4}-[0-9a-fA-F]{1,4}-[0-9a-fA-F]{1,12}"))
                                .map(s -> (JsonNode) NODES.stringNode("not-a-uuid-" + s)),
                        garbage(), Arbitraries.just((JsonNode) NODES.booleanNode(true)))
                .map(value -> m("not a UUID id", (r, area) -> r.set("id", value)));
        var forObjects = Combinators.combine(Arbitraries.of("location", "source", "obligations", "details"),
                        Arbitraries.oneOf(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).map(s -> (JsonNode) NODES.stringNode(s)),
                                Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(i)),
                                Arbitraries.just((JsonNode) NODES.booleanNode(true)), garbageObject()))
                .as((path, value) -> m("wrong structure at " + path, (r, area) -> {
                    // an object is invalid where a list or a source belongs, and in details that have required fields;
                    // elsewhere (a location, free details) an object of unknown keys could be valid, so it goes in an array
                    var objectIsInvalid = path.equals("source") || path.equals("obligations")
                            || path.equals("details") && REQUIRED_DETAILS.containsKey(area);
                    r.set(path, value.isObject() && !objectIsInvalid ? NODES.arrayNode().add(value) : value);
                }));
        var forDetails = Combinators.combine(Arbitraries.integers().between(0, 9), Arbitraries.oneOf(
                        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(5).map(s -> (JsonNode) NODES.stringNode(s)),
                        Arbitraries.just((JsonNode) NODES.booleanNode(true)), garbageObject(),
                        garbage()))
                .as((i, value) -> m("wrong type in details", (r, area) -> {
                    var counts = COUNTS.get(area);
                    var coded = CODED_DETAILS.get(area);
                    if (counts == null || !(r.get("details") instanceof ObjectNode details)) {
                        r.set("details", NODES.arrayNode().add(value));
                        return;
                    }
                    var all = new ArrayList<>(counts);
                    all.addAll(coded);
                    details.set(all.get(i % all.size()), value);
                }));
        return Arbitraries.oneOf(forStrings, forNumbers, forId, forObjects, forDetails);
    }

    static Arbitrary<Mutation> hugeString() {
        var chunk = Arbitraries.oneOf(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8),
                Arbitraries.of("ä", "漢字", "🙂", "ab c", "Ղարաբաղ"));
        return Combinators.combine(Arbitraries.of(TEXT_PATHS), chunk, Arbitraries.of(4001, 20_001, 100_000), Arbitraries.of(true, false))
                .as((path, c, length, inDetails) -> m("huge string at " + (inDetails ? "details" : path), (r, area) -> {
                    var text = c.repeat(length / c.length() + 1).substring(0, length);
                    if (inDetails && r.get("details") instanceof ObjectNode details) {
                        var coded = CODED_DETAILS.get(area);
                        if (coded == null) {
                            // free details are refused over 20,000 characters
                            details.put("story", "x".repeat(20_001) + text);
                        } else {
                            details.put(coded.getFirst(), text);
                        }
                    } else if (path.equals("source.url")) {
                        set(r, path, NODES.stringNode("https://example.org/" + text));
                    } else {
                        set(r, path, NODES.stringNode(text));
                    }
                }));
    }

    static Arbitrary<Mutation> controlCharacter() {
        var controls = Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u0008'), Arbitraries.chars().range('\u000e', '\u001b'),
                Arbitraries.just('\u007f'));
        var paths = new ArrayList<>(TEXT_PATHS);
        paths.add("details.district");
        return Combinators.combine(Arbitraries.of(paths), controls, Arbitraries.integers().between(0, 1000))
                .as((path, c, at) -> m("control character U+%04X in %s".formatted((int) c, path), (r, area) -> {
                    var target = path.equals("details.district") && !area.equals("WITHDRAWAL") ? "summary" : path;
                    var current = textAt(r, target);
                    if (current == null) {
                        set(r, target, NODES.stringNode("x" + c + "y"));
                        return;
                    }
                    var i = at % (current.length() + 1);
                    set(r, target, NODES.stringNode(current.substring(0, i) + c + current.substring(i)));
                }));
    }

    static Arbitrary<String> impossibleInstants() {
        var offsets = Arbitraries.of("Z", "+04:00", "-05:30", "+00:00");
        var years = Arbitraries.integers().between(1988, 2020);
        var badCalendar = Combinators.combine(years, Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 9), offsets)
                .as((y, mo, extra, off) -> {
                    var day = Math.min(YearMonth.of(y, mo).lengthOfMonth() + extra, 99);
                    return "%04d-%02d-%02dT10:00:00%s".formatted(y, mo, day, off);
                });
        var badMonth = Combinators.combine(years, Arbitraries.integers().between(13, 99), offsets)
                .as((y, mo, off) -> "%04d-%02d-01T10:00:00%s".formatted(y, mo, off));
        var badTime = Combinators.combine(years, Arbitraries.integers().between(24, 99), Arbitraries.integers().between(60, 99), offsets)
                .as((y, h, mi, off) -> "%04d-11-25T%02d:%02d:00%s".formatted(y, h, mi, off));
        var noOffset = Combinators.combine(years, Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 28))
                .as((y, mo, d) -> "%04d-%02d-%02dT10:00:00".formatted(y, mo, d));
        var badOffset = Arbitraries.integers().between(19, 99).map(h -> "2020-11-25T10:00:00+%02d:00".formatted(h));
        var future = Arbitraries.integers().between(2100, 9999).map(y -> "%04d-01-01T00:00:00Z".formatted(y));
        var tooEarly = Arbitraries.integers().between(1, 1987).map(y -> "%04d-06-01T00:00:00+04:00".formatted(y));
        var fixed = Arbitraries.of("2020-02-30T10:00:00+04:00", "2020-13-01T00:00:00Z", "2021-02-29T12:00:00Z",
                "2020-11-25", "2020-11-25T10:00:00", "2020-11-25 10:00:00Z", "25/11/2020 10:00", "yesterday", "now",
                "0000-00-00T00:00:00Z", "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "1606280400",
                "2020-11-25T10:00:00.1234567890Z", "2020-11-25T10:00:00+04:00[Asia/Baku]", "2020-W48-3T10:00:00Z",
                "T10:00:00Z", "2020-11-25T10:00:00+0400x");
        return Arbitraries.oneOf(badCalendar, badMonth, badTime, noOffset, badOffset, future, tooEarly, fixed);
    }

    static Arbitrary<Mutation> impossibleInstant() {
        var badDays = Arbitraries.of("2020-02-30", "2020-13-01", "2021-02-29", "20-11-14", "2020-11-14T00:00:00Z",
                "yesterday", "2020-11-31", "0000-00-00");
        return Combinators.combine(Arbitraries.of("observedAt", "observedAt", "observedUntil", "details.since"),
                        impossibleInstants(), badDays, Arbitraries.of(" ", "", "\t"))
                .as((field, instant, day, blank) -> m("impossible " + (field.equals("details.since") ? "since or observedAt" : field), (r, area) -> {
                    if (field.equals("details.since") && area.equals("REFUGEE_RETURN") && r.get("details") instanceof ObjectNode d) {
                        d.put("since", day);
                    } else if (field.equals("observedUntil")) {
                        r.put("observedUntil", instant);
                    } else {
                        r.put("observedAt", instant.hashCode() % 11 == 0 ? blank : instant);
                    }
                }));
    }

    static Arbitrary<JsonNode> badCounts() {
        return Arbitraries.oneOf(
                Arbitraries.longs().lessOrEqual(-1).map(NODES::numberNode),
                Arbitraries.longs().greaterOrEqual(10_000_001L).map(NODES::numberNode),
                Arbitraries.bigIntegers().between(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE),
                        BigInteger.TEN.pow(40)).map(NODES::numberNode),
                Arbitraries.integers().between(0, 1000).map(i -> NODES.numberNode(i + 0.5)),
                Arbitraries.doubles().between(-1e12, -0.01).map(NODES::numberNode),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(4).map(NODES::stringNode));
    }

    static Arbitrary<Mutation> badNumber() {
        var count = Combinators.combine(Arbitraries.integers().between(0, 9), badCounts())
                .as((i, value) -> m("bad count " + value, (r, area) -> {
                    var counts = COUNTS.get(area);
                    if (counts == null || !(r.get("details") instanceof ObjectNode details)) {
                        set(r, "source.credibility", NODES.numberNode(-1 - Math.abs(i)));
                        return;
                    }
                    details.set(counts.get(i % counts.size()), value);
                }));
        var cargo = Arbitraries.doubles().between(-1e9, -0.01).map(v -> m("negative cargo", (r, area) -> {
            if (area.equals("CORRIDOR_TRAFFIC") && r.get("details") instanceof ObjectNode details) {
                details.put("cargoTonnes", v);
            } else {
                set(r, "source.credibility", NODES.numberNode(0));
            }
        }));
        var credibility = Arbitraries.oneOf(Arbitraries.integers().lessOrEqual(0).map(Integer::longValue),
                        Arbitraries.integers().greaterOrEqual(7).map(Integer::longValue),
                        Arbitraries.longs().greaterOrEqual(1L + Integer.MAX_VALUE))
                .map(v -> m("credibility " + v, (r, area) -> set(r, "source.credibility", NODES.numberNode(v))));
        var sign = Arbitraries.of(1.0, -1.0);
        var beyondLat = Arbitraries.oneOf(Arbitraries.doubles().between(90.01, 1e12), Arbitraries.of(90.0000001, 1e300, Double.MAX_VALUE));
        var beyondLon = Arbitraries.oneOf(Arbitraries.doubles().between(180.01, 1e12), Arbitraries.of(180.0000001, 1e300, Double.MAX_VALUE));
        var lat = Combinators.combine(beyondLat, sign)
                .as((v, s) -> m("latitude " + v * s, (r, area) -> set(r, "location.lat", NODES.numberNode(v * s))));
        var lon = Combinators.combine(beyondLon, sign)
                .as((v, s) -> m("longitude " + v * s, (r, area) -> set(r, "location.lon", NODES.numberNode(v * s))));
        var half = Arbitraries.of("lat", "lon").map(which -> m("only " + which, (r, area) -> {
            if (r.get("location") instanceof ObjectNode location) {
                location.remove(which.equals("lat") ? "lon" : "lat");
                if (location.get(which) == null || location.get(which).isNull()) {
                    location.put(which, 40.0);
                }
            } else {
                r.set("location", NODES.objectNode().put(which, 40.0));
            }
        }));
        var notFinite = Arbitraries.of("NaN", "Infinity", "-Infinity")
                .map(text -> m("lat " + text, (r, area) -> set(r, "location.lat", NODES.stringNode(text))));
        return Arbitraries.oneOf(count, cargo, credibility, lat, lon, half, notFinite);
    }

    static Arbitrary<Mutation> unknownCode() {
        var suffix = Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(6);
        return Combinators.combine(Arbitraries.integers().between(0, 8), suffix, Arbitraries.integers().between(0, 99))
                .as((which, s, i) -> m("unknown code #" + which, (r, area) -> {
                    switch (which) {
                        case 0 -> r.put("area", "ZZ" + s);
                        case 1 -> set(r, "source.kind", NODES.stringNode("ZZ" + s));
                        case 2 -> set(r, "source.party", NODES.stringNode("ZZ" + s));
                        case 3 -> r.put("agreement", "zz-" + s.toLowerCase() + "-" + i);
                        case 4 -> r.set("obligations", NODES.arrayNode().add("6a").add("99" + s.toLowerCase()));
                        case 5 -> set(r, "source.reliability", NODES.stringNode(s.charAt(0) >= 'G' ? s.substring(0, 1) : "A" + s));
                        case 6 -> r.set("obligations", NODES.arrayNode().add("0"));
                        default -> {
                            var coded = CODED_DETAILS.get(area);
                            if (coded == null || !(r.get("details") instanceof ObjectNode details)) {
                                r.put("area", s + "_" + i);
                                return;
                            }
                            details.put(coded.get(i % coded.size()), "ZZ" + s);
                        }
                    }
                }));
    }

    static Arbitrary<JsonNode> leaves() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(i)),
                Arbitraries.doubles().map(d -> (JsonNode) NODES.numberNode(d)),
                Arbitraries.strings().ofMaxLength(30).map(s -> (JsonNode) NODES.stringNode(s)),
                Arbitraries.of((JsonNode) NODES.booleanNode(true), NODES.nullNode()));
    }

    /** A JSON object of random depth and content. */
    static Arbitrary<JsonNode> garbageObject() {
        return Arbitraries.recursive(MalformedReportPropertyIT::leaves, inner -> Arbitraries.oneOf(
                        Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6), inner).ofMaxSize(3)
                                .map(map -> {
                                    var object = NODES.objectNode();
                                    map.forEach((k, v) -> object.set("g" + k, v));
                                    return (JsonNode) object;
                                }),
                        inner.list().ofMaxSize(3).map(list -> {
                            var array = NODES.arrayNode();
                            list.forEach(array::add);
                            return (JsonNode) array;
                        })), 1, 6)
                .map(node -> node.isObject() ? node : NODES.objectNode().set("garbage", node));
    }

    /** An array holding at least one object: never coercible into text, a number, a record or a list of codes. */
    static Arbitrary<JsonNode> garbage() {
        return Combinators.combine(garbageObject(), leaves().list().ofMaxSize(3)).as((object, rest) -> {
            var array = NODES.arrayNode().add(object);
            rest.forEach(array::add);
            return (JsonNode) array;
        });
    }

    static Arbitrary<Mutation> nestedGarbage() {
        return Combinators.combine(Arbitraries.of("id", "agreement", "area", "observedAt", "summary", "location", "source",
                        "obligations", "source.name", "location.name", "details"), garbage(),
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6))
                .as((path, value, key) -> m("nested garbage at " + path, (r, area) -> {
                    if (path.equals("details") && REQUIRED_DETAILS.containsKey(area) && r.get("details") instanceof ObjectNode d) {
                        d.set("zz" + key, value);
                    } else {
                        set(r, path, value);
                    }
                }));
    }

    static Arbitrary<Mutation> blankSummary() {
        return Arbitraries.strings().withChars(' ', '\t', '\n', '\r', '\u2003', '\u3000').ofMaxLength(10)
                .map(s -> m("blank summary", (r, area) -> r.put("summary", s)));
    }

    /** Bodies that are not a report at all. */
    static Arbitrary<Payload> notReports() {
        return notReports(false);
    }

    /** @param forBatch leave out a valid report inside an array, which is a valid batch */
    static Arbitrary<Payload> notReports(boolean forBatch) {
        var fixed = Arbitraries.of("", " ", "not json", "{", "}", "{\"id\": }", "<report/>", "null", "[]", "[{}]", "123",
                "\"a string\"", "true", "{}", "{\"report\": {}}", "[null]", "{\"id\":\"" + UUID.randomUUID() + "\"",
                "{'id': 'single quotes'}", "{\"summary\": \"unterminated}", "\u0000\u0001\u0002", "[".repeat(5000),
                "{\"a\":".repeat(3000) + "1" + "}".repeat(3000), "NaN", "{\"id\":NaN}", "// comment\n{}")
                .map(body -> Payload.raw("fixed non-report " + body.substring(0, Math.min(20, body.length())), body));
        var randomText = Arbitraries.strings().ofMaxLength(300).map(s -> Payload.raw("random text", s));
        var randomBytes = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300)
                .map(b -> new Payload("random bytes", b, MediaType.APPLICATION_JSON, null));
        var truncated = Combinators.combine(Arbitraries.of(AREAS), Arbitraries.integers().between(0, 999))
                .as((area, permille) -> {
                    var text = ReportApiIT.report(UUID.randomUUID(), area).toString();
                    return Payload.raw("truncated report", text.substring(0, text.length() * permille / 1000));
                });
        var wrapped = Arbitraries.of(AREAS).map(area -> {
            var report = ReportApiIT.report(UUID.randomUUID(), area);
            return new Payload("report inside an array", NODES.arrayNode().add(report).toString().getBytes(StandardCharsets.UTF_8),
                    MediaType.APPLICATION_JSON, idOf(report));
        });
        var nested = Arbitraries.of(AREAS).map(area -> {
            var report = ReportApiIT.report(UUID.randomUUID(), area);
            var body = NODES.objectNode().set("report", report);
            return new Payload("report inside an object", body.toString().getBytes(StandardCharsets.UTF_8),
                    MediaType.APPLICATION_JSON, idOf(report));
        });
        var contentType = Combinators.combine(Arbitraries.of(AREAS),
                        Arbitraries.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML, MediaType.APPLICATION_FORM_URLENCODED,
                                MediaType.APPLICATION_OCTET_STREAM, MediaType.MULTIPART_FORM_DATA))
                .as((area, type) -> {
                    var report = ReportApiIT.report(UUID.randomUUID(), area);
                    return new Payload("valid report sent as " + type, report.toString().getBytes(StandardCharsets.UTF_8), type,
                            idOf(report));
                });
        var noBody = Arbitraries.of(MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN)
                .map(type -> new Payload("no body, " + type, null, type, null));
        var noType = Arbitraries.of(AREAS).map(area -> {
            var report = ReportApiIT.report(UUID.randomUUID(), area);
            return new Payload("valid report without a content type", report.toString().getBytes(StandardCharsets.UTF_8), null,
                    idOf(report));
        });
        var choices = new ArrayList<Tuple.Tuple2<Integer, Arbitrary<Payload>>>(List.of(Tuple.of(4, fixed), Tuple.of(3, randomText),
                Tuple.of(2, randomBytes), Tuple.of(3, truncated), Tuple.of(1, nested), Tuple.of(2, contentType),
                Tuple.of(1, noBody), Tuple.of(1, noType)));
        if (!forBatch) {
            choices.add(Tuple.of(1, wrapped));
        }
        return Arbitraries.frequencyOf(choices);
    }

    static Arbitrary<Payload> payloads() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, mutatedReports().map(r -> Payload.json(r.description(), r.report()))),
                Tuple.of(2, notReports()));
    }

    /** Batches of 1 to 25 items (mutated reports and other JSON values), or a body that is no batch at all. */
    static Arbitrary<Payload> batches() {
        var item = Arbitraries.frequencyOf(
                Tuple.of(8, mutatedReports().map(r -> (JsonNode) r.report())),
                Tuple.of(1, leaves()),
                Tuple.of(1, garbage()));
        var batch = item.list().ofMinSize(1).ofMaxSize(25).map(items -> {
            var array = NODES.arrayNode();
            items.forEach(array::add);
            return new Payload("batch", array.toString().getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON, null);
        });
        return Arbitraries.frequencyOf(Tuple.of(5, batch), Tuple.of(1, notReports(true)));
    }

    static <T> List<T> generate(Arbitrary<T> arbitrary, int count, long seed) {
        var random = new Random(seed);
        var generator = arbitrary.generator(1000, false);
        var values = new ArrayList<T>(count);
        for (int i = 0; i < count; i++) {
            values.add(generator.next(random).value());
        }
        return values;
    }

    // ------------------------------------------------------------------ JSON paths

    static void set(ObjectNode root, String path, JsonNode value) {
        if (path.equals("obligations[0]")) {
            root.set("obligations", NODES.arrayNode().add(value));
            return;
        }
        var dot = path.indexOf('.');
        if (dot < 0) {
            root.set(path, value);
        } else if (root.get(path.substring(0, dot)) instanceof ObjectNode parent) {
            parent.set(path.substring(dot + 1), value);
        }
        // a parent that was removed or replaced stays as it is: the report is invalid already
    }

    static void remove(ObjectNode root, String path) {
        var dot = path.indexOf('.');
        if (dot < 0) {
            root.remove(path);
        } else if (root.get(path.substring(0, dot)) instanceof ObjectNode parent) {
            parent.remove(path.substring(dot + 1));
        }
    }

    static @Nullable String textAt(ObjectNode root, String path) {
        JsonNode node;
        if (path.equals("obligations[0]")) {
            node = root.get("obligations") instanceof ArrayNode a && !a.isEmpty() ? a.get(0) : null;
        } else {
            var dot = path.indexOf('.');
            node = dot < 0 ? root.get(path) : root.get(path.substring(0, dot)) instanceof ObjectNode parent
                    ? parent.get(path.substring(dot + 1)) : null;
        }
        return node != null && node.isString() ? node.asString() : null;
    }

    // ------------------------------------------------------------------ the test

    MockHttpServletResponse send(MockHttpServletRequestBuilder request, Payload payload, RequestPostProcessor who)
            throws Exception {
        if (payload.contentType() != null) {
            request.contentType(payload.contentType());
        }
        if (payload.body() != null) {
            request.content(payload.body());
        }
        return mvc.perform(request.with(who)).andReturn().getResponse();
    }

    static void assertProblem(MockHttpServletResponse response, Payload payload, int index) throws Exception {
        var what = "payload #%d (%s): %s".formatted(index, payload.label(), preview(payload));
        assertThat(response.getStatus()).as("status of %s; answer %s", what, preview(response)).isBetween(400, 499);
        assertThat(response.getContentType()).as("content type of %s", what).isNotNull();
        assertThat(MediaType.parseMediaType(response.getContentType()).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("problem+json for %s, got %s", what, response.getContentType()).isTrue();
        var problem = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.get("status").asInt()).as("problem status of %s", what).isEqualTo(response.getStatus());
        assertThat(problem.get("title").asString()).as("problem title of %s", what).isNotBlank();
    }

    static String preview(Payload payload) {
        if (payload.body() == null) {
            return "<no body>";
        }
        var text = new String(payload.body(), StandardCharsets.UTF_8);
        return text.length() <= 400 ? text : text.substring(0, 400) + "… (" + text.length() + " chars)";
    }

    static String preview(MockHttpServletResponse response) throws Exception {
        var text = response.getContentAsString(StandardCharsets.UTF_8);
        return text.length() <= 600 ? text : text.substring(0, 600) + "…";
    }

    /** The kinds of defect in a payload, for the summary: its mutations without their values, or what a non-report is. */
    static List<String> kinds(String label) {
        var open = label.indexOf('[');
        if (open < 0) {
            return List.of(label.replaceAll("[^a-z ,].*", "").strip());
        }
        return java.util.Arrays.stream(label.substring(open + 1, label.length() - 1).split(", "))
                .map(n -> n.replaceAll(" (at|in|of) .*$", "").replaceAll(" [-\"0-9U#].*$", ""))
                .toList();
    }

    long audited(String actor, String action) {
        var count = jdbc.queryForObject("select count(*) from audit_entry where actor = ? and action = ?", Long.class, actor, action);
        return count == null ? 0 : count;
    }

    long storedBy(String author) {
        var count = jdbc.queryForObject("select count(*) from report where submitted_by = ?", Long.class, author);
        return count == null ? 0 : count;
    }

    @Test
    void thousands_of_malformed_reports_get_4xx_problems_and_store_nothing() throws Exception {
        var started = System.nanoTime();

        // the control: the unmutated reports every payload starts from are stored, so the refusals below are the mutations'
        var control = user("fuzz-control-" + UUID.randomUUID().toString().substring(0, 8)).roles("MONITOR");
        for (var area : AREAS) {
            var response = send(post(ReportApiIT.REPORTS), Payload.json("control", ReportApiIT.report(UUID.randomUUID(), area)), control);
            assertThat(response.getStatus()).as("unmutated %s report: %s", area, preview(response)).isEqualTo(201);
        }

        var author = "fuzz-monitor-" + UUID.randomUUID().toString().substring(0, 8);
        var fuzzer = user(author).roles("MONITOR");
        var submittedBefore = audited(author, "REPORT_SUBMITTED");

        List<Payload> singles;
        List<Payload> batches;
        List<Mutated> corrections;
        JqwikSession.start();
        try {
            singles = generate(payloads(), SINGLES, SEED);
            batches = generate(batches(), BATCHES, SEED + 1);
            corrections = generate(mutatedReports(false), CORRECTIONS, SEED + 2);
        } finally {
            JqwikSession.finish();
        }

        var ids = new ArrayList<UUID>();
        var kinds = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < singles.size(); i++) {
            var payload = singles.get(i);
            var response = send(post(ReportApiIT.REPORTS), payload, fuzzer);
            assertProblem(response, payload, i);
            if (payload.id() != null) {
                ids.add(payload.id());
            }
            kinds(payload.label()).forEach(k -> kinds.merge(k, 1, Integer::sum));
        }

        var items = 0;
        for (int i = 0; i < batches.size(); i++) {
            var payload = batches.get(i);
            var response = send(post(ReportApiIT.REPORTS + "/batch"), payload, fuzzer);
            if (response.getStatus() == 200) {
                var answers = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
                var sent = JSON.readTree(payload.body());
                assertThat(answers.size()).as("answers to batch #%d", i).isEqualTo(sent.size());
                for (int j = 0; j < answers.size(); j++) {
                    var answer = answers.get(j);
                    var what = "item %d of batch #%d: %s".formatted(j, i, preview(Payload.json("item", sent.get(j))));
                    assertThat(answer.get("status").asInt()).as("status of %s; answer %s", what, answer).isBetween(400, 499);
                    assertThat(answer.get("problem").get("status").asInt()).as("problem of %s", what)
                            .isEqualTo(answer.get("status").asInt());
                    var id = idOf(sent.get(j));
                    if (id != null) {
                        ids.add(id);
                    }
                    items++;
                }
            } else {
                assertProblem(response, payload, i);
            }
        }

        // corrections: malformed bodies PUT over a stored report of one's own change nothing
        var editor = "fuzz-editor-" + UUID.randomUUID().toString().substring(0, 8);
        var target = ReportApiIT.report(UUID.randomUUID(), "WITHDRAWAL");
        var targetId = UUID.fromString(target.get("id").asString());
        var filed = send(post(ReportApiIT.REPORTS), Payload.json("target", target), user(editor).roles("MONITOR"));
        assertThat(filed.getStatus()).isEqualTo(201);
        var stored = JSON.readTree(filed.getContentAsString(StandardCharsets.UTF_8));
        for (int i = 0; i < corrections.size(); i++) {
            var correction = corrections.get(i).report();
            if (correction.get("id") != null && idOf(correction) != null) {
                correction.put("id", targetId.toString());
            }
            var payload = Payload.json("correction: " + corrections.get(i).description(), correction);
            var response = send(put(ReportApiIT.REPORTS + "/" + targetId), payload, user(editor).roles("MONITOR"));
            assertProblem(response, payload, i);
        }
        var after = mvc.perform(get(ReportApiIT.REPORTS + "/" + targetId).with(user(editor).roles("MONITOR"))).andReturn().getResponse();
        assertThat(JSON.readTree(after.getContentAsString(StandardCharsets.UTF_8))).as("the corrected report").isEqualTo(stored);
        assertThat(audited(editor, "REPORT_EDITED")).isZero();

        // nothing stored: no id answers, no audit entry, no row
        for (var id : ids) {
            var response = mvc.perform(get(ReportApiIT.REPORTS + "/" + id).with(fuzzer)).andReturn().getResponse();
            assertThat(response.getStatus()).as("GET %s", id).isEqualTo(404);
        }
        assertThat(audited(author, "REPORT_SUBMITTED")).isEqualTo(submittedBefore);
        assertThat(storedBy(author)).isZero();

        var seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Malformed reports: %d single, %d batches (%d items), %d corrections, %d ids checked, %.1f s; kinds %s%n",
                singles.size(), batches.size(), items, corrections.size(), ids.size(), seconds, kinds);
        assertThat(singles.size() + items).isGreaterThanOrEqualTo(2000);
        assertThat(seconds).as("run time in seconds").isLessThan(60);
    }
}
