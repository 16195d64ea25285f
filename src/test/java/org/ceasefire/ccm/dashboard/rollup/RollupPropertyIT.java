package org.ceasefire.ccm.dashboard.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.sessions.JqwikSession;
import org.ceasefire.ccm.CcmIntegrationTest;
import org.ceasefire.ccm.base.CcmProperties;
import org.ceasefire.ccm.base.ConflictException;
import org.ceasefire.ccm.base.ForbiddenException;
import org.ceasefire.ccm.dashboard.CorridorDashboard;
import org.ceasefire.ccm.dashboard.DashboardQuery;
import org.ceasefire.ccm.dashboard.DashboardService;
import org.ceasefire.ccm.dashboard.DashboardTables;
import org.ceasefire.ccm.dashboard.ExchangesDashboard;
import org.ceasefire.ccm.reporting.ReportDraft;
import org.ceasefire.ccm.reporting.ReportService;
import org.ceasefire.ccm.reporting.ReportStatus;
import org.ceasefire.ccm.reporting.ReviewDecision;
import org.ceasefire.ccm.reporting.ReviewService;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The rollups always equal a recomputation from the reports themselves, whatever happened to the reports: random
 * sequences of filings (single and batched, valid and not, repeated), reviews (verify, reject, return, also refused
 * ones: one's own report, a report already reviewed), corrections by the author (which may move a report to another
 * day, key, or area) and corrections refused, then every row of every rollup table in both layers is compared with
 * a recomputation written here from the raw report rows, independent of {@link Figures}. The dashboards' exchange
 * totals, refugee event total and corridor states are compared with naive computations from the raw reports too, for
 * random {@code asOf} instants and with and without unverified reports. Finally the rollups are rebuilt from the
 * reports and compared again, and one run lets four threads file, review and correct reports on the same days and
 * keys at once.
 *
 * <p>Sequences come from jqwik generators used directly with fixed seeds (as in {@code MalformedReportPropertyIT}),
 * on JUnit Jupiter, so the test shares the Spring context of the other ITs and every failure is reproducible: the
 * message names the seed and the operations. Reports are filed and reviewed through the real services, as users
 * set in the security context; the tables are emptied before each sequence.
 */
@CcmIntegrationTest
class RollupPropertyIT {

    /** Fixed, so that runs repeat; {@code -Drollup.seed=...} and {@code -Drollup.sequences=...} explore further. */
    static final long SEED = Long.getLong("rollup.seed", 20201110L);
    static final int SEQUENCES = Integer.getInteger("rollup.sequences", 40);
    static final String AGREEMENT = "nk-2020-11-10";
    static final LocalDate LIFE = LocalDate.of(2020, 11, 10);
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Reads details with exact decimals, so cargo is rounded as written, not as a double. */
    static final JsonMapper EXACT = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** Few days, so that reports share rows; one before the agreement's life, and days in a row for closures. */
    static final List<LocalDate> DAYS = List.of(LocalDate.of(2020, 11, 9), LocalDate.of(2020, 11, 10),
            LocalDate.of(2020, 11, 20), LocalDate.of(2020, 12, 14), LocalDate.of(2022, 12, 12), LocalDate.of(2022, 12, 13),
            LocalDate.of(2022, 12, 14), LocalDate.of(2023, 1, 5));
    static final List<ZoneOffset> OFFSETS = List.of(ZoneOffset.ofHours(4), ZoneOffset.UTC, ZoneOffset.ofHours(3),
            ZoneOffset.ofHours(-5), ZoneOffset.ofHoursMinutes(5, 30));

    /** Who files: two monitors and a supervisor (whose reports another supervisor reviews). */
    static final List<String> AUTHORS = List.of("prop-monitor-1", "prop-monitor-2", "prop-supervisor-1");
    static final List<String> REVIEWERS = List.of("prop-supervisor-1", "prop-supervisor-2");

    @Autowired
    ReportService reports;

    @Autowired
    ReviewService reviews;

    @Autowired
    DashboardService dashboards;

    @Autowired
    RollupStore store;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    CcmProperties properties;

    @AfterEach
    void clean() {
        DashboardTables.clean(jdbc);
    }

    // ------------------------------------------------------------------ what is generated

    /** A report's content: area, local day and time (in UTC+4) written in some offset, source, obligations, details. */
    record Spec(String area, LocalDate day, LocalTime time, ZoneOffset offset, String source, String sourceKind,
            List<String> obligations, Map<String, Object> details) {

        Spec at(LocalDate newDay, LocalTime newTime) {
            return new Spec(area, newDay, newTime, offset, source, sourceKind, obligations, details);
        }

        String observedAt(ZoneId local) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(day.atTime(time).atZone(local).withZoneSameInstant(offset)
                    .toOffsetDateTime());
        }

        @Override
        public String toString() {
            return area + "@" + day + "T" + time + "(" + offset + ") " + source + " " + obligations + " " + details;
        }
    }

    sealed interface Op permits File, Batch, Review, Correct, Resend {}

    /** Files one report as one of the {@link #AUTHORS}. */
    record File(Spec spec, int author) implements Op {}

    /** Files several in one batch; perhaps with an invalid item and a repeated one. */
    record Batch(List<Spec> specs, int author, boolean invalidItem, boolean repeatedItem) implements Op {}

    /** Reviews the target-th report filed so far (modulo); the reviewer may be its author, which is refused. */
    record Review(int target, ReviewDecision decision, int reviewer) implements Op {}

    /**
     * The author corrects a report: new content (mode 0), the same content on another day (1) or at another time
     * the same day (2). An intruder (not the author) is refused.
     */
    record Correct(int target, int mode, Spec spec, boolean intruder) implements Op {}

    /** The first submission of a report is sent again (a retry): nothing changes. */
    record Resend(int target) implements Op {}

    static Arbitrary<@Nullable Integer> count(int max) {
        return Arbitraries.integers().between(0, max).injectNull(0.3);
    }

    static Map<String, Object> map(Object... pairs) {
        var m = new LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                m.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return m;
    }

    static Arbitrary<Map<String, Object>> exchangeDetails() {
        return Combinators.combine(Arbitraries.of("AZ", "AM"), Arbitraries.of("AM", "AZ"), count(60), count(20), count(10),
                Arbitraries.of("EVENT", "CUMULATIVE").injectNull(0.4), Arbitraries.of("RU", "ICRC").injectNull(0.5))
                .as((released, received, pow, civilians, bodies, basis, mediator) -> map("releasedBy", released,
                        "receivedBy", received, "prisonersOfWar", pow == null && civilians == null && bodies == null ? Integer.valueOf(1) : pow,
                        "civilians", civilians, "bodies", bodies, "basis", basis, "mediator", mediator));
    }

    static Arbitrary<Map<String, Object>> returnDetails() {
        return Combinators.combine(Arbitraries.of("RETURN", "DEPARTURE"), Arbitraries.integers().between(0, 3000),
                Arbitraries.frequency(Tuple.of(3, "EVENT"), Tuple.of(3, "CUMULATIVE"), Tuple.of(1, "LEVEL")))
                .as((direction, persons, basis) -> map("direction", direction, "persons", persons, "basis", basis,
                        "since", basis.equals("CUMULATIVE") ? "2020-11-14" : null));
    }

    static Arbitrary<Map<String, Object>> corridorDetails() {
        var cargo = Arbitraries.of(new BigDecimal("0"), new BigDecimal("0.0005"), new BigDecimal("1.2345"),
                new BigDecimal("12.5"), new BigDecimal("7.0015"), new BigDecimal("3")).injectNull(0.5);
        return Combinators.combine(Arbitraries.of("LACHIN", "NAKHCHIVAN"),
                Arbitraries.frequency(Tuple.of(2, "OPEN"), Tuple.of(1, "RESTRICTED"), Tuple.of(2, "CLOSED")),
                Arbitraries.of("TO_KARABAKH", "TO_ARMENIA", "BOTH").injectNull(0.3), count(100), count(400), cargo,
                Arbitraries.of("EVENT", "CUMULATIVE").injectNull(0.5))
                .as((corridor, state, direction, vehicles, persons, tonnes, basis) -> map("corridor", corridor, "state", state,
                        "direction", direction, "vehicles", vehicles, "persons", persons, "cargoTonnes", tonnes, "basis", basis));
    }

    static Arbitrary<Map<String, Object>> incidentDetails() {
        return Combinators.combine(Arbitraries.of("AM", "AZ"), Arbitraries.of("AZ", "AM", "RU").injectNull(0.3),
                Arbitraries.of("AZ", "AM").injectNull(0.6), Arbitraries.of("CONFIRMED", "UNCONFIRMED", "REFUTED").injectNull(0.5),
                count(5), count(9))
                .as((by, against, denied, assessment, killed, wounded) -> map("allegedBy", by, "allegedAgainst", against,
                        "deniedBy", denied, "assessedBy", assessment == null ? null : "RU", "assessment", assessment,
                        "killed", killed, "wounded", wounded));
    }

    static Arbitrary<Map<String, Object>> withdrawalDetails() {
        return Combinators.combine(Arbitraries.of("Aghdam", "Kalbajar", "Lachin", "AGHDAM", " kalbajar ", "Gazakh"),
                Arbitraries.frequency(Tuple.of(3, "COMPLETED"), Tuple.of(1, "STARTED")))
                .as((district, stage) -> map("district", district, "stage", stage));
    }

    static Arbitrary<LocalTime> times() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(LocalTime.MIDNIGHT, LocalTime.of(0, 0, 0, 1000), LocalTime.NOON,
                        LocalTime.of(23, 59, 59, 999_999_000))),
                Tuple.of(3, Arbitraries.integers().between(0, 86_399).map(LocalTime::ofSecondOfDay)));
    }

    static Arbitrary<Spec> specs(Arbitrary<LocalDate> days) {
        var offsets = Arbitraries.of(OFFSETS);
        var exchange = Combinators.combine(exchangeDetails(), days, times(), offsets)
                .as((d, day, time, offset) -> new Spec("PRISONER_EXCHANGE", day, time, offset, "ICRC", "NGO", List.of("8"), d));
        var returns = Combinators.combine(returnDetails(), days, times(), offsets,
                        Arbitraries.of("State Committee for Refugees", "UNHCR", "Ombudsman"))
                .as((d, day, time, offset, source) -> new Spec("REFUGEE_RETURN", day, time, offset, source,
                        source.equals("UNHCR") ? "UN" : "OFFICIAL", List.of("7"), d));
        var corridor = Combinators.combine(corridorDetails(), days, times(), offsets)
                .as((d, day, time, offset) -> new Spec("CORRIDOR_TRAFFIC", day, time, offset, "Peacekeeping command",
                        "OFFICIAL", List.of("6e"), d));
        var incident = Combinators.combine(incidentDetails(), days, times(), offsets)
                .as((d, day, time, offset) -> new Spec("CEASEFIRE", day, time, offset, "Ministry of Defence", "OFFICIAL",
                        List.of("1"), d));
        var withdrawal = Combinators.combine(withdrawalDetails(), days, times(), offsets,
                        Arbitraries.subsetOf("2", "6a", "6b").map(s -> List.copyOf(new TreeSet<>(s))))
                .as((d, day, time, offset, codes) -> new Spec("WITHDRAWAL", day, time, offset, "Ministry of Defence",
                        "OFFICIAL", codes, d));
        // an area without a rollup: a correction may move a report into or out of the rollups
        var peacekeeping = Combinators.combine(days, times(), offsets)
                .as((day, time, offset) -> new Spec("PEACEKEEPING", day, time, offset, "Peacekeeping command", "OFFICIAL",
                        List.of("3"), map("personnel", 1960, "basis", "LEVEL")));
        return Arbitraries.frequencyOf(Tuple.of(3, exchange), Tuple.of(3, returns), Tuple.of(3, corridor), Tuple.of(2, incident),
                Tuple.of(3, withdrawal), Tuple.of(1, peacekeeping));
    }

    static Arbitrary<Op> ops(Arbitrary<Spec> specs, int authors, int reviewers) {
        var target = Arbitraries.integers().between(0, 1000);
        var file = Combinators.combine(specs, Arbitraries.integers().between(0, authors - 1)).as(File::new);
        var batch = Combinators.combine(specs.list().ofMinSize(1).ofMaxSize(6), Arbitraries.integers().between(0, authors - 1),
                Arbitraries.of(true, false, false), Arbitraries.of(true, false, false)).as(Batch::new);
        var review = Combinators.combine(target, Arbitraries.frequency(Tuple.of(3, ReviewDecision.VERIFY),
                Tuple.of(1, ReviewDecision.REJECT), Tuple.of(1, ReviewDecision.RETURN)),
                Arbitraries.integers().between(0, reviewers - 1)).as(Review::new);
        var correct = Combinators.combine(target, Arbitraries.integers().between(0, 2), specs,
                Arbitraries.frequency(Tuple.of(1, true), Tuple.of(9, false))).as(Correct::new);
        var resend = target.map(Resend::new);
        return Arbitraries.frequencyOf(Tuple.of(6, file), Tuple.of(1, batch), Tuple.of(8, review), Tuple.of(3, correct),
                Tuple.of(1, resend));
    }

    static Arbitrary<List<Op>> sequences() {
        return ops(specs(Arbitraries.of(DAYS)), AUTHORS.size(), REVIEWERS.size()).list().ofMinSize(20).ofMaxSize(40);
    }

    /** A dashboard question: as of when (null: now), and whether submitted reports count. */
    record Probe(@Nullable Instant asOf, boolean includeUnverified) {}

    static Arbitrary<Probe> probes() {
        var days = Arbitraries.of(DAYS.stream().filter(d -> !d.isBefore(LIFE)).toList());
        var asOf = Combinators.combine(days, times()).as((day, time) -> day.atTime(time).atOffset(ZoneOffset.ofHours(4)).toInstant());
        return Combinators.combine(asOf.injectNull(0.3), Arbitraries.of(true, false)).as(Probe::new);
    }

    static <T> T generate(Arbitrary<T> arbitrary, long seed) {
        return arbitrary.generator(1000, false).next(new Random(seed)).value();
    }

    // ------------------------------------------------------------------ running operations

    static <T> T as(String username, String role, Supplier<T> call) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                AuthorityUtils.createAuthorityList("ROLE_" + role)));
        SecurityContextHolder.setContext(context);
        try {
            return call.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    static String roleOf(String user) {
        return user.contains("supervisor") ? "SUPERVISOR" : "MONITOR";
    }

    ReportDraft draft(UUID id, Spec spec) {
        var details = NODES.objectNode();
        spec.details().forEach((k, v) -> {
            switch (v) {
                case Integer i -> details.put(k, i);
                case BigDecimal b -> details.put(k, b);
                default -> details.put(k, v.toString());
            }
        });
        return new ReportDraft(id, AGREEMENT, spec.obligations(), spec.area(), spec.observedAt(properties.zone()), null,
                new ReportDraft.Location("Somewhere", null, null, null), spec.area() + " as generated",
                new ReportDraft.Source(spec.source(), spec.sourceKind(), null, "B", 2, null), details);
    }

    /** What the test expects of a filed report. */
    static final class Filed {
        final UUID id;
        final String author;
        final ReportDraft first;
        Spec current;
        ReportStatus status = ReportStatus.SUBMITTED;

        Filed(UUID id, String author, ReportDraft first, Spec current) {
            this.id = id;
            this.author = author;
            this.first = first;
            this.current = current;
        }
    }

    /** Runs one operation against the services and the model; fails if the service and the model disagree. */
    void run(Op op, List<Filed> filed, StringBuilder log) {
        switch (op) {
            case File f -> {
                var author = AUTHORS.get(f.author());
                var id = UUID.randomUUID();
                var draft = draft(id, f.spec());
                var recorded = as(author, roleOf(author), () -> reports.submit(draft));
                assertThat(recorded.created()).as("a new report is stored").isTrue();
                filed.add(new Filed(id, author, draft, f.spec()));
                log.append("file #").append(filed.size() - 1).append(' ').append(f.spec()).append(" by ").append(author).append('\n');
            }
            case Batch b -> {
                var author = AUTHORS.get(b.author());
                var drafts = new ArrayList<ReportDraft>();
                var fresh = new ArrayList<Filed>();
                for (var spec : b.specs()) {
                    var id = UUID.randomUUID();
                    var draft = draft(id, spec);
                    drafts.add(draft);
                    fresh.add(new Filed(id, author, draft, spec));
                }
                var expected = new ArrayList<Integer>(Collections.nCopies(drafts.size(), 201));
                if (b.invalidItem()) {
                    var invalid = draft(UUID.randomUUID(), b.specs().getFirst());
                    var details = NODES.objectNode().put("district", "Aghdam"); // a withdrawal without its stage
                    drafts.add(1, new ReportDraft(invalid.id(), AGREEMENT, List.of("2"), "WITHDRAWAL", invalid.observedAt(),
                            null, null, "invalid", invalid.source(), details));
                    expected.add(1, 400);
                }
                if (b.repeatedItem()) {
                    drafts.add(drafts.getFirst());
                    expected.add(200);
                }
                var results = as(author, roleOf(author), () -> reports.submitBatch(drafts));
                assertThat(results.stream().map(r -> r.status()).toList()).as("batch answers").isEqualTo(expected);
                for (var f : fresh) {
                    filed.add(f);
                    log.append("batch-file #").append(filed.size() - 1).append(' ').append(f.current).append(" by ")
                            .append(author).append('\n');
                }
                log.append("batch ").append(b.invalidItem() ? "with an invalid item " : "")
                        .append(b.repeatedItem() ? "with a repeated item" : "").append('\n');
            }
            case Review r -> {
                if (filed.isEmpty()) {
                    return;
                }
                var index = r.target() % filed.size();
                var target = filed.get(index);
                var reviewer = REVIEWERS.get(r.reviewer());
                var reason = r.decision() == ReviewDecision.VERIFY ? null : "Checked with a second source.";
                log.append("review #").append(index).append(' ').append(r.decision()).append(" by ").append(reviewer);
                try {
                    var view = as(reviewer, "SUPERVISOR", () -> reviews.review(target.id, r.decision(), reason, null));
                    log.append(" -> ").append(view.status()).append('\n');
                    assertThat(reviewer).as("a review of one's own report must be refused").isNotEqualTo(target.author);
                    assertThat(target.status).as("only a submitted report is reviewed").isEqualTo(ReportStatus.SUBMITTED);
                    target.status = r.decision().result();
                    assertThat(view.status()).isEqualTo(target.status);
                } catch (ForbiddenException e) {
                    log.append(" -> refused (own report)\n");
                    assertThat(reviewer).as("refused as one's own: %s", e.getMessage()).isEqualTo(target.author);
                } catch (ConflictException e) {
                    log.append(" -> refused (").append(target.status).append(")\n");
                    assertThat(target.status).as("refused as reviewed: %s", e.getMessage()).isNotEqualTo(ReportStatus.SUBMITTED);
                }
            }
            case Correct c -> {
                if (filed.isEmpty()) {
                    return;
                }
                var index = c.target() % filed.size();
                var target = filed.get(index);
                var spec = switch (c.mode()) {
                    case 0 -> c.spec();
                    case 1 -> target.current.at(c.spec().day(), target.current.time());
                    default -> target.current.at(target.current.day(), c.spec().time());
                };
                var editor = c.intruder() ? AUTHORS.stream().filter(a -> !a.equals(target.author)).findFirst().orElseThrow()
                        : target.author;
                log.append("correct #").append(index).append(" to ").append(spec).append(" by ").append(editor);
                try {
                    var view = as(editor, roleOf(editor), () -> reports.update(target.id, draft(target.id, spec), null));
                    log.append(" -> ").append(view.status()).append('\n');
                    assertThat(editor).as("only the author corrects").isEqualTo(target.author);
                    assertThat(target.status.editableByAuthor()).as("a %s report cannot be corrected", target.status).isTrue();
                    target.status = ReportStatus.SUBMITTED;
                    target.current = spec;
                } catch (ForbiddenException e) {
                    log.append(" -> refused (not the author)\n");
                    assertThat(editor).isNotEqualTo(target.author);
                } catch (ConflictException e) {
                    log.append(" -> refused (").append(target.status).append(")\n");
                    assertThat(target.status.editableByAuthor()).as("refused: %s", e.getMessage()).isFalse();
                }
            }
            case Resend s -> {
                if (filed.isEmpty()) {
                    return;
                }
                var index = s.target() % filed.size();
                var target = filed.get(index);
                log.append("resend #").append(index).append('\n');
                var recorded = as(target.author, roleOf(target.author), () -> reports.submit(target.first));
                assertThat(recorded.created()).as("a retry stores nothing new").isFalse();
            }
        }
    }

    // ------------------------------------------------------------------ the raw reports and the recomputation

    record Raw(UUID id, String area, ReportStatus status, Instant observedAt, LocalDate day, String source, JsonNode details,
            List<String> obligations) {

        String text(String field, String otherwise) {
            var v = details.get(field);
            return v == null || v.isNull() ? otherwise : v.asString();
        }

        long count(String field) {
            var v = details.get(field);
            return v == null || v.isNull() ? 0 : v.asLong();
        }

        boolean counted(boolean includeUnverified) {
            return status == ReportStatus.VERIFIED || (includeUnverified && status == ReportStatus.SUBMITTED);
        }

        /** Observed within what a dashboard as of {@code asOf} (null: now) counts: from the agreement's first day. */
        boolean within(@Nullable Instant asOf) {
            return !day.isBefore(LIFE) && (asOf == null || !observedAt.isAfter(asOf));
        }

        /** Ties on the instant go to the id's text, as the rollups document. */
        static final Comparator<Raw> ORDER = Comparator.comparing(Raw::observedAt).thenComparing(r -> r.id().toString());
    }

    List<Raw> raw() {
        var obligations = new HashMap<UUID, List<String>>();
        jdbc.query("select report_id, obligation_code from report_obligation order by report_id, position",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> obligations
                        .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2)));
        var zone = properties.zone();
        return jdbc.query("select id, area, status, observed_at, source_name, details_json from report", (rs, n) -> {
            var id = rs.getObject(1, UUID.class);
            var at = rs.getTimestamp(4).toInstant();
            return new Raw(id, rs.getString(2), ReportStatus.valueOf(rs.getString(3)), at, LocalDate.ofInstant(at, zone),
                    rs.getString(5), EXACT.readTree(rs.getString(6)), obligations.getOrDefault(id, List.of()));
        });
    }

    /** A row being recomputed: reports, sums, and the mark (latest or earliest by instant, then id text). */
    static final class Acc {
        long reports;
        final long[] sums;
        @Nullable Mark mark;

        Acc(int sums) {
            this.sums = new long[sums];
        }
    }

    /** Every rollup row recomputed from the reports, straight from the rules in the API contract. */
    Map<RowKey, Row> recompute(List<Raw> all) {
        var rows = new TreeMap<RowKey, Acc>();
        for (var r : all) {
            var layer = switch (r.status()) {
                case VERIFIED -> Layer.VERIFIED;
                case SUBMITTED -> Layer.UNVERIFIED;
                default -> null;
            };
            if (layer == null) {
                continue;
            }
            switch (r.area()) {
                case "PRISONER_EXCHANGE" -> add(rows, RollupTable.EXCHANGE, r, layer,
                        List.of(r.text("releasedBy", "-"), r.text("receivedBy", "-"), r.text("basis", "EVENT")),
                        new long[] {r.count("prisonersOfWar"), r.count("civilians"), r.count("bodies")}, null, false);
                case "REFUGEE_RETURN" -> {
                    var basis = r.text("basis", "EVENT");
                    // only EVENT figures are summed; a running total is the day's latest claim
                    add(rows, RollupTable.RETURN, r, layer, List.of(r.source(), basis, r.text("direction", "RETURN")),
                            new long[] {basis.equals("EVENT") ? r.count("persons") : 0},
                            basis.equals("EVENT") ? null : new Mark(r.observedAt(), r.id().toString(), r.count("persons"), null),
                            false);
                }
                case "CORRIDOR_TRAFFIC" -> {
                    var event = r.text("basis", "EVENT").equals("EVENT");
                    var cargo = r.details().get("cargoTonnes");
                    long kg = cargo == null || cargo.isNull() ? 0
                            : cargo.decimalValue().movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
                    add(rows, RollupTable.CORRIDOR, r, layer, List.of(r.text("corridor", "LACHIN"), r.text("direction", "NONE")),
                            event ? new long[] {r.count("vehicles"), r.count("persons"), kg} : new long[3],
                            new Mark(r.observedAt(), r.id().toString(), null, r.text("state", "OPEN")), false);
                }
                case "CEASEFIRE" -> {
                    var assessment = r.text("assessment", "");
                    add(rows, RollupTable.INCIDENT, r, layer, List.of(r.text("allegedAgainst", "-")),
                            new long[] {r.count("killed"), r.count("wounded"), r.details().hasNonNull("deniedBy") ? 1 : 0,
                                    assessment.equals("CONFIRMED") ? 1 : 0, assessment.equals("REFUTED") ? 1 : 0}, null, false);
                }
                case "WITHDRAWAL" -> {
                    if (!r.text("stage", "").equals("COMPLETED")) {
                        break;
                    }
                    var mark = new Mark(r.observedAt(), r.id().toString(), null, null);
                    for (var code : r.obligations()) {
                        add(rows, RollupTable.WITHDRAWAL, r, layer, List.of("obligation:" + code), new long[0], mark, true);
                    }
                    var district = r.text("district", "").strip();
                    if (!district.isEmpty()) {
                        add(rows, RollupTable.WITHDRAWAL, r, layer, List.of("district:" + district.toLowerCase(Locale.ROOT)),
                                new long[0], mark, true);
                    }
                }
                default -> {
                    // no rollup for other areas
                }
            }
        }
        var result = new TreeMap<RowKey, Row>();
        rows.forEach((k, a) -> result.put(k, new Row(k, a.reports, a.sums, a.mark)));
        return result;
    }

    static void add(Map<RowKey, Acc> rows, RollupTable table, Raw r, Layer layer, List<String> keys, long[] sums,
            @Nullable Mark mark, boolean earliest) {
        var acc = rows.computeIfAbsent(new RowKey(table, AGREEMENT, r.day(), keys, layer), k -> new Acc(sums.length));
        acc.reports++;
        for (int i = 0; i < sums.length; i++) {
            acc.sums[i] += sums[i];
        }
        if (mark != null) {
            var c = acc.mark == null ? 0 : Comparator.comparing(Mark::at).thenComparing(Mark::id).compare(mark, acc.mark);
            if (acc.mark == null || (earliest ? c < 0 : c > 0)) {
                acc.mark = mark;
            }
        }
    }

    /** Every row the rollup tables hold with at least one report, both layers, over all days. */
    Map<RowKey, Row> stored() {
        var result = new TreeMap<RowKey, Row>();
        for (var table : RollupTable.values()) {
            for (var row : store.read(table, AGREEMENT, LocalDate.of(1988, 1, 1), LocalDate.of(2200, 1, 1),
                    Set.of(Layer.VERIFIED, Layer.UNVERIFIED))) {
                assertThat(result.put(row.key(), row)).as("row %s read twice", row.key()).isNull();
            }
        }
        return result;
    }

    void assertRollupsMatch(List<Raw> all, String context) {
        var expected = recompute(all);
        var actual = stored();
        var problems = new ArrayList<String>();
        for (var e : expected.entrySet()) {
            var a = actual.get(e.getKey());
            if (a == null) {
                problems.add("missing   " + e.getValue());
            } else if (!a.sameFiguresAs(e.getValue())) {
                problems.add("expected  " + e.getValue() + "\n    stored    " + a);
            }
        }
        for (var a : actual.values()) {
            if (!expected.containsKey(a.key())) {
                problems.add("unexpected " + a);
            }
        }
        // rows whose reports left them count for nothing, but must not hold anything either
        for (var table : RollupTable.values()) {
            var sums = table.sumColumns().isEmpty() ? "0" : String.join(" + ", table.sumColumns().stream().map(c -> "abs(" + c + ")").toList());
            var mark = table.mark() == Mark.Kind.NONE ? "" : " or ext_id is not null";
            var bad = jdbc.queryForList("select * from " + table.tableName() + " where reports < 0 or (reports = 0 and ("
                    + sums + " <> 0" + mark + "))");
            bad.forEach(b -> problems.add("empty row holding figures in " + table + ": " + b));
        }
        if (!problems.isEmpty()) {
            fail("%d rollup rows differ from the recomputation (%s):\n  %s", problems.size(), context,
                    String.join("\n  ", problems));
        }
    }

    // ------------------------------------------------------------------ naive dashboards

    record Totals(long prisonersOfWar, long civilians, long bodies, long exchanges, long unverified) {}

    static Map<String, Totals> naiveExchangeTotals(List<Raw> all, Probe p) {
        var sums = new TreeMap<String, long[]>();
        for (var r : all) {
            if (!r.area().equals("PRISONER_EXCHANGE") || !r.counted(p.includeUnverified()) || !r.within(p.asOf())
                    || !r.text("basis", "EVENT").equals("EVENT")) {
                continue;
            }
            var t = sums.computeIfAbsent(r.text("receivedBy", "?"), k -> new long[5]);
            t[0] += r.count("prisonersOfWar");
            t[1] += r.count("civilians");
            t[2] += r.count("bodies");
            t[3]++;
            t[4] += r.status() == ReportStatus.SUBMITTED ? 1 : 0;
        }
        var result = new TreeMap<String, Totals>();
        sums.forEach((k, t) -> result.put(k, new Totals(t[0], t[1], t[2], t[3], t[4])));
        return result;
    }

    static long naiveEventTotal(List<Raw> all, Probe p) {
        long total = 0;
        for (var r : all) {
            if (r.area().equals("REFUGEE_RETURN") && r.counted(p.includeUnverified()) && r.within(p.asOf())
                    && r.text("basis", "EVENT").equals("EVENT")) {
                total += (r.text("direction", "RETURN").equals("DEPARTURE") ? -1 : 1) * r.count("persons");
            }
        }
        return total;
    }

    /** A corridor's state per day (the day's latest report), current state, current and longest closure. */
    record CorridorState(@Nullable String current, @Nullable LocalDate closedSince, @Nullable LocalDate longestFrom,
            @Nullable LocalDate longestTo, long longestDays) {}

    CorridorState naiveCorridor(List<Raw> all, String corridor, Probe p) {
        var latest = new TreeMap<LocalDate, Raw>();
        for (var r : all) {
            if (r.area().equals("CORRIDOR_TRAFFIC") && r.text("corridor", "LACHIN").equals(corridor)
                    && r.counted(p.includeUnverified()) && r.within(p.asOf())) {
                latest.merge(r.day(), r, (a, b) -> Raw.ORDER.compare(a, b) >= 0 ? a : b);
            }
        }
        if (latest.isEmpty()) {
            return new CorridorState(null, null, null, null, 0);
        }
        var lastDay = p.asOf() != null ? LocalDate.ofInstant(p.asOf(), properties.zone()) : LocalDate.now(properties.zone());
        var days = new ArrayList<>(latest.keySet());
        LocalDate bestFrom = null;
        LocalDate bestTo = null;
        long bestDays = 0;
        LocalDate closedSince = null;
        for (int i = 0; i < days.size(); i++) {
            var state = latest.get(days.get(i)).text("state", "OPEN");
            var previous = i == 0 ? null : latest.get(days.get(i - 1)).text("state", "OPEN");
            if (!state.equals("CLOSED") || "CLOSED".equals(previous)) {
                continue;
            }
            // a closure starts here and runs to the day before the next day that is not closed
            int j = i;
            while (j + 1 < days.size() && latest.get(days.get(j + 1)).text("state", "OPEN").equals("CLOSED")) {
                j++;
            }
            var from = days.get(i);
            var to = j + 1 < days.size() ? days.get(j + 1).minusDays(1) : lastDay;
            var length = ChronoUnit.DAYS.between(from, to) + 1;
            if (length > bestDays) {
                bestFrom = from;
                bestTo = to;
                bestDays = length;
            }
            if (j + 1 == days.size()) {
                closedSince = from;
            }
        }
        var current = latest.lastEntry().getValue().text("state", "OPEN");
        return new CorridorState(current, closedSince, bestFrom, bestTo, bestDays);
    }

    void assertDashboardsMatch(List<Raw> all, Probe p, String context) {
        var q = DashboardQuery.of(AGREEMENT).withAsOf(p.asOf()).withUnverified(p.includeUnverified());
        var what = context + ", " + p;
        var exchanges = as("prop-briefer", "BRIEFER", () -> dashboards.exchanges(q));
        var totals = new TreeMap<String, Totals>();
        for (ExchangesDashboard.Total t : exchanges.totals()) {
            totals.put(t.receivedBy(), new Totals(t.prisonersOfWar(), t.civilians(), t.bodies(), t.exchanges(), t.unverifiedReports()));
        }
        assertThat(totals).as("exchange totals per receiving side, %s", what).isEqualTo(naiveExchangeTotals(all, p));

        var returns = as("prop-briefer", "BRIEFER", () -> dashboards.returns(q));
        assertThat(returns.eventTotal()).as("refugee event total, %s", what).isEqualTo(naiveEventTotal(all, p));

        var corridors = as("prop-briefer", "BRIEFER", () -> dashboards.corridors(q));
        for (CorridorDashboard.Corridor c : corridors.corridors()) {
            var expected = naiveCorridor(all, c.corridor(), p);
            var longest = c.longestClosure();
            var actual = new CorridorState(c.currentState(), c.closedSince(), longest == null ? null : longest.from(),
                    longest == null ? null : longest.to(), longest == null ? 0 : longest.days());
            if (expected.equals(actual)) {
                continue;
            }
            // on the real clock, "today" may have turned between the two computations
            var today = LocalDate.now(properties.zone());
            if (p.asOf() == null && actual.longestTo() != null && actual.longestTo().isAfter(today.minusDays(2))) {
                assertThat(actual.current()).isEqualTo(expected.current());
                assertThat(actual.closedSince()).isEqualTo(expected.closedSince());
                continue;
            }
            assertThat(actual).as("corridor %s, %s", c.corridor(), what).isEqualTo(expected);
        }
    }

    // ------------------------------------------------------------------ the tests

    @Test
    void after_any_sequence_of_filings_reviews_and_corrections_the_rollups_equal_a_recomputation() {
        var started = System.nanoTime();
        List<List<Op>> sequences = new ArrayList<>();
        List<List<Probe>> probes = new ArrayList<>();
        JqwikSession.start();
        try {
            for (int s = 0; s < SEQUENCES; s++) {
                sequences.add(generate(sequences(), SEED + s));
                probes.add(generate(probes().list().ofSize(3), SEED + 1000 + s));
            }
        } finally {
            JqwikSession.finish();
        }
        int operations = 0;
        int rows = 0;
        var areas = new TreeMap<String, Integer>();
        var statuses = new TreeMap<String, Integer>();
        for (int s = 0; s < SEQUENCES; s++) {
            DashboardTables.clean(jdbc);
            var filed = new ArrayList<Filed>();
            var log = new StringBuilder();
            var context = "sequence " + s + " (seed " + (SEED + s) + ")";
            try {
                for (var op : sequences.get(s)) {
                    run(op, filed, log);
                    operations++;
                }
                var all = raw();
                // the model and the database agree on every report's status
                var stored = new HashMap<UUID, ReportStatus>();
                all.forEach(r -> stored.put(r.id(), r.status()));
                for (var f : filed) {
                    assertThat(stored.get(f.id)).as("status of %s", f.id).isEqualTo(f.status);
                }
                assertThat(all).hasSize(filed.size());
                all.forEach(r -> {
                    areas.merge(r.area(), 1, Integer::sum);
                    statuses.merge(r.status().name(), 1, Integer::sum);
                });

                assertRollupsMatch(all, context + ", kept on write");
                rows += recompute(all).size();
                for (var p : probes.get(s)) {
                    assertDashboardsMatch(all, p, context);
                }
                // the rebuild from the reports (after a rules change or a bulk load) yields the same rows
                transactions.executeWithoutResult(t -> store.rebuild(RollupMaintainer.VERSION, true));
                assertRollupsMatch(all, context + ", rebuilt");
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(context + " failed after:\n" + log, e);
            }
        }
        var seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Rollup property: %d sequences, %d operations, %d rows compared, %.1f s; reports by area %s,"
                + " by status %s%n", SEQUENCES, operations, rows, seconds, areas, statuses);
        assertThat(areas.keySet()).contains("PRISONER_EXCHANGE", "REFUGEE_RETURN", "CORRIDOR_TRAFFIC", "CEASEFIRE", "WITHDRAWAL");
        assertThat(statuses.keySet()).contains("SUBMITTED", "VERIFIED", "REJECTED", "RETURNED");
    }

    @Test
    void four_threads_filing_reviewing_and_correcting_on_the_same_days_and_keys_leave_the_rollups_exact() throws Exception {
        DashboardTables.clean(jdbc);
        var threads = 4;
        // the hot spot: two days, one corridor and direction, one exchange key, one source's claims, one handover
        var days = Arbitraries.of(LocalDate.of(2022, 12, 12), LocalDate.of(2022, 12, 13));
        var offsets = Arbitraries.of(OFFSETS);
        var corridor = Combinators.combine(Arbitraries.of("OPEN", "RESTRICTED", "CLOSED"), count(50), days, times(), offsets)
                .as((state, vehicles, day, time, offset) -> new Spec("CORRIDOR_TRAFFIC", day, time, offset, "Peacekeeping command",
                        "OFFICIAL", List.of("6e"), map("corridor", "LACHIN", "state", state, "direction", "BOTH",
                                "vehicles", vehicles)));
        var exchange = Combinators.combine(Arbitraries.integers().between(0, 30), days, times(), offsets)
                .as((pow, day, time, offset) -> new Spec("PRISONER_EXCHANGE", day, time, offset, "ICRC", "NGO", List.of("8"),
                        map("releasedBy", "AZ", "receivedBy", "AM", "prisonersOfWar", pow)));
        var claim = Combinators.combine(Arbitraries.integers().between(0, 5000), days, times(), offsets)
                .as((persons, day, time, offset) -> new Spec("REFUGEE_RETURN", day, time, offset, "UNHCR", "UN", List.of("7"),
                        map("direction", "RETURN", "persons", persons, "basis", "CUMULATIVE")));
        var handover = Combinators.combine(days, times(), offsets)
                .as((day, time, offset) -> new Spec("WITHDRAWAL", day, time, offset, "Ministry of Defence", "OFFICIAL",
                        List.of("2"), map("district", "Aghdam", "stage", "COMPLETED")));
        var hot = Arbitraries.oneOf(corridor, exchange, claim, handover);

        var plans = new ArrayList<List<Op>>();
        JqwikSession.start();
        try {
            for (int t = 0; t < threads; t++) {
                plans.add(generate(ops(hot, 1, 1).list().ofSize(25), SEED + 5000 + t));
            }
        } finally {
            JqwikSession.finish();
        }

        var shared = new CopyOnWriteArrayList<Filed>();
        var outcomes = new ConcurrentHashMap<String, AtomicInteger>();
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var futures = new ArrayList<Future<?>>();
            for (int t = 0; t < threads; t++) {
                var monitor = "conc-monitor-" + t;
                var supervisor = "conc-supervisor-" + t;
                var plan = plans.get(t);
                futures.add(pool.submit(() -> {
                    start.await();
                    var own = new ArrayList<Filed>();
                    for (var op : plan) {
                        try {
                            runConcurrently(op, monitor, supervisor, own, shared);
                            outcomes.computeIfAbsent(op.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
                        } catch (ConflictException | OptimisticLockingFailureException | PessimisticLockingFailureException e) {
                            // two threads on one report: one of them loses, and nothing of its transaction stays
                            outcomes.computeIfAbsent(op.getClass().getSimpleName() + " lost: " + e.getClass().getSimpleName(),
                                    k -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        var all = raw();
        System.out.printf("Rollup concurrency: %d reports, outcomes %s%n", all.size(), new TreeMap<>(outcomes));
        assertThat(all).hasSize(shared.size());
        assertThat(all.stream().filter(r -> r.status() == ReportStatus.VERIFIED)).isNotEmpty();
        assertRollupsMatch(all, "four threads");
        for (var p : List.of(new Probe(null, false), new Probe(null, true),
                new Probe(LocalDate.of(2022, 12, 12).atTime(15, 0).atOffset(ZoneOffset.ofHours(4)).toInstant(), true))) {
            assertDashboardsMatch(all, p, "four threads");
        }
    }

    /**
     * A rebuild (on start after the rules changed, or after a bulk load) may run while reports are filed, on this node
     * or another: no filing may fail or deadlock because of it, and no filing's figures may be lost by it.
     */
    @Test
    void reports_filed_while_the_rollups_are_rebuilt_are_all_stored_and_all_counted() throws Exception {
        DashboardTables.clean(jdbc);
        List<Op> plan;
        JqwikSession.start();
        try {
            // one day, so that the writer and the rebuild meet on the same rows
            var day = Arbitraries.of(LocalDate.of(2022, 12, 12));
            plan = generate(ops(specs(day), AUTHORS.size(), REVIEWERS.size()).list().ofSize(120), SEED + 7000);
        } finally {
            JqwikSession.finish();
        }
        var done = new java.util.concurrent.atomic.AtomicBoolean();
        var rebuilds = new AtomicInteger();
        var failures = new CopyOnWriteArrayList<String>();
        var filed = new ArrayList<Filed>();
        var pool = Executors.newFixedThreadPool(2);
        try {
            var writer = pool.submit(() -> {
                try {
                    var log = new StringBuilder();
                    for (var op : plan) {
                        try {
                            run(op, filed, log);
                        } catch (RuntimeException e) {
                            failures.add("filing, reviewing or correcting: " + e);
                        }
                    }
                } finally {
                    done.set(true);
                }
                return null;
            });
            var rebuilder = pool.submit(() -> {
                while (!done.get()) {
                    try {
                        transactions.executeWithoutResult(t -> store.rebuild(RollupMaintainer.VERSION, true));
                        rebuilds.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.add("rebuilding: " + e);
                    }
                }
                return null;
            });
            writer.get(120, TimeUnit.SECONDS);
            rebuilder.get(120, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("Rollups rebuilt %d times while %d reports were filed, reviewed and corrected; %d failures%n",
                rebuilds.get(), filed.size(), failures.size());
        assertThat(rebuilds.get()).as("rebuilds that overlapped the writes").isGreaterThan(1);
        assertThat(failures).as("operations that failed because a rebuild ran").isEmpty();
        assertRollupsMatch(raw(), "written while rebuilt");
    }

    /** One thread's operation: its monitor files and corrects, its supervisor reviews anybody's reports. */
    void runConcurrently(Op op, String monitor, String supervisor, List<Filed> own, List<Filed> shared) {
        switch (op) {
            case File f -> {
                var id = UUID.randomUUID();
                var draft = draft(id, f.spec());
                as(monitor, "MONITOR", () -> reports.submit(draft));
                var filed = new Filed(id, monitor, draft, f.spec());
                own.add(filed);
                shared.add(filed);
            }
            case Batch b -> {
                var drafts = new ArrayList<ReportDraft>();
                var fresh = new ArrayList<Filed>();
                for (var spec : b.specs()) {
                    var id = UUID.randomUUID();
                    var draft = draft(id, spec);
                    drafts.add(draft);
                    fresh.add(new Filed(id, monitor, draft, spec));
                }
                var results = as(monitor, "MONITOR", () -> reports.submitBatch(drafts));
                assertThat(results).allSatisfy(r -> assertThat(r.status()).isEqualTo(201));
                own.addAll(fresh);
                shared.addAll(fresh);
            }
            case Review r -> {
                if (shared.isEmpty()) {
                    return;
                }
                var target = shared.get(r.target() % shared.size());
                var reason = r.decision() == ReviewDecision.VERIFY ? null : "Checked with a second source.";
                as(supervisor, "SUPERVISOR", () -> reviews.review(target.id, r.decision(), reason, null));
            }
            case Correct c -> {
                if (own.isEmpty()) {
                    return;
                }
                var target = own.get(c.target() % own.size());
                var spec = c.mode() == 0 && c.spec().area().equals(target.current.area()) ? c.spec()
                        : target.current.at(c.spec().day(), c.spec().time());
                as(monitor, "MONITOR", () -> reports.update(target.id, draft(target.id, spec), null));
                target.current = spec;
            }
            case Resend s -> {
                if (own.isEmpty()) {
                    return;
                }
                var target = own.get(s.target() % own.size());
                as(monitor, "MONITOR", () -> reports.submit(target.first));
            }
        }
    }
}
