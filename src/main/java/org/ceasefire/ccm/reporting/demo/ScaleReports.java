package org.ceasefire.ccm.reporting.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.ceasefire.ccm.base.CcmProperties;
import org.ceasefire.ccm.base.InvalidInputException;
import org.ceasefire.ccm.reporting.ReportStatus;
import org.ceasefire.ccm.reporting.ReportsBulkLoaded;
import org.ceasefire.ccm.reporting.demo.ScaleReportModel.Review;
import org.ceasefire.ccm.reporting.domain.ReportContent;
import org.ceasefire.ccm.reporting.domain.ReportValidator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Fills the report table up to {@code ccm.demo.scale-reports} reports (default 0: off) with generated reports of the
 * agreement of 10 November 2020, for demonstrations at scale and for the dashboard benchmark. What the reports say
 * is {@link ScaleReportModel}'s: the agreement's life from 2020-11-10 to the clock's now, about 45 % ceasefire, 22 %
 * corridor traffic, 12 % refugee returns, 6 % peacekeeping, 6 % other, 4 % transport links, 3 % exchanges and 2 %
 * withdrawals; about 85 % verified, 8 % awaiting review, 4 % rejected and 3 % returned, filed by the demo monitors and
 * reviewed by the demo supervisors.
 *
 * <p>Deterministic: report number i depends only on the seed ({@code ccm.demo.scale-seed}, default
 * {@value #DEFAULT_SEED}) and i, so two runs with the same seed store the same reports. A run adds the first numbers
 * 0, 1, 2, ... whose ids are not stored yet until the table holds the number asked for: a later run with a larger
 * number only adds the missing ones, and a run that was stopped half-way is completed by the next.
 *
 * <p>Every report is built as a {@link org.ceasefire.ccm.reporting.ReportDraft} and passed through the
 * {@link ReportValidator} the report service uses (with the agreement's obligation codes and the registered parties,
 * read from the database), so what is stored is exactly what the application would store for that draft: the
 * normalised content, and its fingerprint as {@code create_hash}. A draft the validator refuses is a bug in the
 * model and stops the run. Rows go in with plain JDBC batches of {@value #BATCH}, committed every
 * {@value #COMMIT_EVERY}, past the services (no audit entries, no per-report events); at the end
 * {@link ReportsBulkLoaded} makes the dashboards rebuild their rollups from all reports.
 *
 * <p>Reports are written in order of observation time and their ids are time-ordered (UUID version 7): every index of
 * the report tables then grows at its end. In random order each commit would rewrite most index pages, which made
 * H2 ten times slower and its file ten times larger.
 *
 * <p>With {@code ccm.demo.scale-week} set to an ISO week such as {@code 2023-W38}, every generated report is observed
 * inside that week (Monday 00:00 to Sunday 24:00 in {@code ccm.zone}), for the briefing benchmark's week of a million
 * reports: the time each report would have had is moved into the week, keeping its weekday and time of day, and the
 * report is then drawn for the moved time (see {@link ScaleReportModel#ScaleReportModel(long, Instant, Instant)}),
 * with a UUID version 7 id of that time and filing and review times after it and not after now. Still deterministic
 * for a given seed and week. A week's reports have other ids than the same numbers without a week, so a data folder
 * should be filled with one setting only: a later run with another would add the numbers it misses as well.
 */
@Component
@Order(16)
public class ScaleReports implements ApplicationRunner {

    public static final String COUNT_PROPERTY = "ccm.demo.scale-reports";
    public static final String SEED_PROPERTY = "ccm.demo.scale-seed";
    /** An ISO week (e.g. 2023-W38) to put every generated report in; unset: the agreement's whole life. */
    public static final String WEEK_PROPERTY = "ccm.demo.scale-week";
    public static final long DEFAULT_SEED = 20201110L;
    public static final String AGREEMENT = "nk-2020-11-10";

    static final int BATCH = 1_000;
    static final int COMMIT_EVERY = 20_000;
    static final long PROGRESS_EVERY = 100_000;
    /** Ids checked against the table in one query when looking for the numbers not stored yet. */
    private static final int CHECK = 500;

    private static final Logger log = LoggerFactory.getLogger(ScaleReports.class);

    private final DataSource dataSource;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Environment environment;
    private final ZoneId zone;

    ScaleReports(DataSource dataSource, ApplicationEventPublisher events, Clock clock, Environment environment,
            CcmProperties properties) {
        this.dataSource = dataSource;
        this.events = events;
        this.clock = clock;
        this.environment = environment;
        this.zone = properties.zone();
    }

    @Override
    public void run(ApplicationArguments args) {
        var count = environment.getProperty(COUNT_PROPERTY, Long.class, 0L);
        if (count > 0) {
            generate(count);
        }
    }

    /**
     * Tops the report table up to {@code count} reports with the seed of {@code ccm.demo.scale-seed}, then has the
     * figures derived from reports rebuilt. Returns how many reports it added (0 if the table held enough).
     */
    public long generate(long count) {
        return generate(count, environment.getProperty(SEED_PROPERTY, Long.class, DEFAULT_SEED));
    }

    /** Like {@link #generate(long)}, with the given seed. */
    public long generate(long count, long seed) {
        var started = System.nanoTime();
        var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var week = environment.getProperty(WEEK_PROPERTY, "").strip();
        var model = new ScaleReportModel(seed, now, week.isEmpty() ? null : weekStart(week));
        long existing;
        long missing;
        Set<String> obligationCodes;
        Set<String> partyCodes;
        long[] numbers;
        try (var con = dataSource.getConnection()) {
            existing = queryLong(con, "select count(*) from report");
            if (existing >= count) {
                log.info("Scale reports: the report table holds {} reports, at least the {} asked for; nothing generated",
                        existing, count);
                return 0;
            }
            missing = count - existing;
            obligationCodes = codes(con, "select o.code from obligation o join agreement a on a.id = o.agreement_id"
                    + " where a.code = '" + AGREEMENT + "' and o.in_catalogue = true");
            partyCodes = codes(con, "select code from party");
            if (obligationCodes.isEmpty()) {
                throw new IllegalStateException("Scale reports: the agreement " + AGREEMENT + " is not in the catalogue; load it first");
            }
            for (var party : List.of("AZ", "AM", "RU", "NK", "UNHCR", "ICRC", "EU")) {
                if (!partyCodes.contains(party)) {
                    throw new IllegalStateException("Scale reports: the party " + party + " is not registered");
                }
            }
            numbers = numbersToAdd(con, model, missing, existing > 0);
        } catch (SQLException e) {
            throw new IllegalStateException("Scale reports: cannot read the database", e);
        }
        log.info("Scale reports: the report table holds {} reports; generating {} more (seed {}, numbers {} to {}{}) to reach {}",
                existing, missing, seed, numbers.length == 0 ? 0 : Arrays.stream(numbers).min().orElse(0),
                Arrays.stream(numbers).max().orElse(0), week.isEmpty() ? "" : ", all observed in " + week, count);
        inTimeOrder(model, numbers);
        var validator = new ReportValidator(true, obligationCodes, partyCodes, clock.instant());
        var written = write(model, validator, numbers, started);
        var generatedMs = (System.nanoTime() - started) / 1_000_000;
        log.info("Scale reports: {} reports written in {} ms ({} reports/s); rebuilding the figures derived from reports",
                written, generatedMs, written * 1000 / Math.max(1, generatedMs));
        var rebuildStarted = System.nanoTime();
        events.publishEvent(new ReportsBulkLoaded(written));
        log.info("Scale reports: done: {} reports generated in {} ms, figures rebuilt in {} ms, {} ms in all", written,
                generatedMs, (System.nanoTime() - rebuildStarted) / 1_000_000, (System.nanoTime() - started) / 1_000_000);
        return written;
    }

    /** The start of an ISO week written like 2023-W38: Monday 00:00 in the configured zone. */
    private Instant weekStart(String week) {
        if (!week.matches("\\d{4}-W\\d{2}")) {
            throw new IllegalArgumentException("Scale reports: " + WEEK_PROPERTY + "=" + week + " is not an ISO week like 2023-W38");
        }
        try {
            // ISO_WEEK_DATE resolves strictly: W53 of a year of 52 weeks is refused
            return LocalDate.parse(week + "-1", DateTimeFormatter.ISO_WEEK_DATE).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Scale reports: " + WEEK_PROPERTY + "=" + week + " is not a week of its year", e);
        }
    }

    /**
     * The first {@code missing} report numbers whose ids are not in the table. When the table is empty those are
     * simply 0 to missing-1; otherwise ids are checked in batches (at most as many generated reports can be present
     * as the table holds, so the search ends).
     */
    private static long[] numbersToAdd(Connection con, ScaleReportModel model, long missing, boolean check) throws SQLException {
        if (missing > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Scale reports: at most " + (Integer.MAX_VALUE - 8) + " reports in one run");
        }
        var result = new long[(int) missing];
        if (!check) {
            for (int k = 0; k < result.length; k++) {
                result[k] = k;
            }
            return result;
        }
        var placeholders = String.join(", ", java.util.Collections.nCopies(CHECK, "?"));
        try (var ps = con.prepareStatement("select id from report where id in (" + placeholders + ")")) {
            int found = 0;
            long next = 0;
            var ids = new UUID[CHECK];
            while (found < result.length) {
                for (int k = 0; k < CHECK; k++) {
                    ids[k] = model.id(next + k);
                    ps.setObject(k + 1, ids[k]);
                }
                var present = new HashSet<UUID>();
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        present.add(rs.getObject(1, UUID.class));
                    }
                }
                for (int k = 0; k < CHECK && found < result.length; k++) {
                    if (!present.contains(ids[k])) {
                        result[found++] = next + k;
                    }
                }
                next += CHECK;
            }
        }
        return result;
    }

    /** Sorts report numbers by observation time (then number), the order in which they are written. */
    private static void inTimeOrder(ScaleReportModel model, long[] numbers) {
        // seconds since START fit in 29 bits until 2037; the number takes the other 34
        var base = ScaleReportModel.START.getEpochSecond() - 86_400;
        var keys = new long[numbers.length];
        var sortable = true;
        for (int k = 0; k < numbers.length; k++) {
            var seconds = model.observedAt(numbers[k]).getEpochSecond() - base;
            if (seconds < 0 || seconds >= (1L << 29) || numbers[k] >= (1L << 34)) {
                sortable = false;
                break;
            }
            keys[k] = (seconds << 34) | numbers[k];
        }
        if (!sortable) {
            return; // far outside the model's years: write in number order, slower but the same reports
        }
        Arrays.parallelSort(keys);
        for (int k = 0; k < numbers.length; k++) {
            numbers[k] = keys[k] & ((1L << 34) - 1);
        }
    }

    private static long queryLong(Connection con, String sql) throws SQLException {
        try (var st = con.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Set<String> codes(Connection con, String sql) throws SQLException {
        var result = new HashSet<String>();
        try (var st = con.createStatement(); var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                result.add(rs.getString(1));
            }
        }
        return Set.copyOf(result);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // writing: chunks of BATCH reports are generated and validated on worker threads, in order, while this thread
    // writes the previous ones

    /** One report as stored: the validated content plus what filing and review would have set. */
    private record Row(UUID id, ReportContent content, String hash, ReportStatus status, String author, Instant receivedAt,
            Instant updatedAt, @Nullable Review review) {}

    private long write(ScaleReportModel model, ReportValidator validator, long[] numbers, long started) {
        var threads = Math.max(1, Math.min(3, Runtime.getRuntime().availableProcessors() - 1));
        var counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            var t = new Thread(r, "scale-reports-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        var ahead = new ArrayDeque<Future<List<Row>>>();
        int next = 0;
        long written = 0;
        long nextProgress = PROGRESS_EVERY;
        try (var con = dataSource.getConnection()) {
            var autoCommit = con.getAutoCommit();
            con.setAutoCommit(false);
            try (var report = con.prepareStatement("insert into report (id, agreement_code, area, observed_at, observed_until,"
                    + " location_name, district, lat, lon, summary, source_name, source_kind, source_party, reliability,"
                    + " credibility, source_url, details_json, status, submitted_by, received_at, updated_at, create_hash,"
                    + " version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    var obligation = con.prepareStatement("insert into report_obligation (report_id, position, obligation_code)"
                            + " values (?, ?, ?)");
                    var review = con.prepareStatement("insert into report_review (report_id, position, decision, reason,"
                            + " reviewer, reviewed_at) values (?, ?, ?, ?, ?, ?)")) {
                long sinceCommit = 0;
                while (written < numbers.length) {
                    while (next < numbers.length && ahead.size() < threads * 3) {
                        var from = next;
                        var to = Math.min(numbers.length, next + BATCH);
                        ahead.add(pool.submit(() -> chunk(model, validator, numbers, from, to)));
                        next = to;
                    }
                    var rows = take(ahead.removeFirst());
                    for (var row : rows) {
                        bind(report, obligation, review, row);
                    }
                    report.executeBatch();
                    obligation.executeBatch();
                    review.executeBatch();
                    written += rows.size();
                    sinceCommit += rows.size();
                    if (sinceCommit >= COMMIT_EVERY || written == numbers.length) {
                        con.commit();
                        sinceCommit = 0;
                    }
                    if (written >= nextProgress) {
                        var ms = Math.max(1, (System.nanoTime() - started) / 1_000_000);
                        log.info("Scale reports: {} of {} written ({} s, {} reports/s)", written, numbers.length, ms / 1000,
                                written * 1000 / ms);
                        nextProgress += PROGRESS_EVERY;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                con.rollback();
                throw e;
            } finally {
                con.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Scale reports: writing failed after " + written + " reports", e);
        } finally {
            pool.shutdownNow();
        }
        return written;
    }

    private static List<Row> take(Future<List<Row>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Scale reports: interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static List<Row> chunk(ScaleReportModel model, ReportValidator validator, long[] numbers, int from, int to) {
        var rows = new ArrayList<Row>(to - from);
        for (var k = from; k < to; k++) {
            var g = model.report(numbers[k]);
            ReportContent content;
            try {
                content = validator.validate(g.draft());
            } catch (InvalidInputException e) {
                throw new IllegalStateException("Scale reports: the model made a report the validator refuses (a bug in the"
                        + " generator): number " + numbers[k] + " of seed " + model.seed + ": " + e.getMessage() + " Draft: "
                        + g.draft(), e);
            }
            var id = java.util.Objects.requireNonNull(g.draft().id());
            rows.add(new Row(id, content, content.fingerprint(), g.status(), g.author(), g.receivedAt(),
                    g.review() == null ? g.receivedAt() : g.review().at(), g.review()));
        }
        return rows;
    }

    private static void bind(PreparedStatement report, PreparedStatement obligation, PreparedStatement review, Row row)
            throws SQLException {
        var c = row.content();
        int i = 1;
        report.setObject(i++, row.id());
        report.setString(i++, c.agreement());
        report.setString(i++, c.area().name());
        report.setObject(i++, utc(c.observedAt()));
        if (c.observedUntil() == null) {
            report.setNull(i++, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            report.setObject(i++, utc(c.observedUntil()));
        }
        report.setString(i++, c.locationName());
        report.setString(i++, c.district());
        setDouble(report, i++, c.lat());
        setDouble(report, i++, c.lon());
        report.setString(i++, c.summary());
        report.setString(i++, c.sourceName());
        report.setString(i++, c.sourceKind().name());
        report.setString(i++, c.sourceParty());
        report.setString(i++, c.reliability());
        if (c.credibility() == null) {
            report.setNull(i++, Types.INTEGER);
        } else {
            report.setInt(i++, c.credibility());
        }
        report.setString(i++, c.sourceUrl());
        report.setString(i++, c.detailsJson());
        report.setString(i++, row.status().name());
        report.setString(i++, row.author());
        report.setObject(i++, utc(row.receivedAt()));
        report.setObject(i++, utc(row.updatedAt()));
        report.setString(i++, row.hash());
        // the version JPA would hold: 0 when filed, 1 after the one review
        report.setLong(i, row.review() == null ? 0 : 1);
        report.addBatch();
        var codes = c.obligations();
        for (int p = 0; p < codes.size(); p++) {
            obligation.setObject(1, row.id());
            obligation.setInt(2, p);
            obligation.setString(3, codes.get(p));
            obligation.addBatch();
        }
        var r = row.review();
        if (r != null) {
            review.setObject(1, row.id());
            review.setInt(2, 0);
            review.setString(3, r.decision().name());
            review.setString(4, r.reason());
            review.setString(5, r.reviewer());
            review.setObject(6, utc(r.at()));
            review.addBatch();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static void setDouble(PreparedStatement ps, int i, @Nullable Double value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, value);
        }
    }
}
