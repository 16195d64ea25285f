package org.ceasefire.ccm.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads reports as {@link ReportFact}s for figures: by area and observation period, oldest or newest first, or all
 * of them once to rebuild derived figures. Plain JDBC, because these reads run over many reports and need no
 * entities. Not secured itself: its callers are secured services and system jobs.
 */
@Component
public class ReportFacts {

    /** The statuses whose reports count in figures: verified ones, and submitted ones when asked for. */
    public static final List<ReportStatus> COUNTED = List.of(ReportStatus.VERIFIED, ReportStatus.SUBMITTED);

    private static final int CHUNK = 500;
    private static final String COLUMNS = "select r.id, r.agreement_code, r.area, r.status, r.observed_at, r.location_name,"
            + " r.district, r.summary, r.source_name, r.source_kind, r.source_party, r.reliability, r.credibility,"
            + " r.details_json";
    private static final String SELECT = COLUMNS + ", o.obligation_code from report r"
            + " left join report_obligation o on o.report_id = r.id ";

    /** {@link #SELECT} reading reports along an index of observation time (see {@link #indexHint}). */
    private String selectAlong(boolean byArea) {
        return COLUMNS + ", o.obligation_code from report r " + indexHint(byArea)
                + "left join report_obligation o on o.report_id = r.id ";
    }

    private final JdbcTemplate jdbc;
    private volatile @Nullable Boolean h2;

    ReportFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Reports of one area observed in {@code [from, to)} with one of the statuses, oldest first. */
    public List<ReportFact> observed(String agreement, ReportArea area, Instant from, Instant to,
            Collection<ReportStatus> statuses) {
        var result = new ArrayList<ReportFact>();
        query(where(statuses) + " order by r.observed_at asc, r.id asc, o.position asc", result::add, false, agreement,
                area, from, to);
        return result;
    }

    /**
     * Up to {@code limit} reports of one area (null: any) observed in {@code [from, to)} with one of the statuses that
     * pass the filter, newest first, after skipping {@code offset} of them. Reads a chunk at a time along the index on
     * observation time, no further than it needs to, so the newest few of a million cost as little as of a hundred.
     */
    public List<ReportFact> newest(String agreement, @Nullable ReportArea area, Instant from, Instant to,
            Collection<ReportStatus> statuses, Predicate<ReportFact> filter, int offset, int limit) {
        return newest(agreement, area, from, to, statuses, filter, offset, limit, Integer.MAX_VALUE).facts();
    }

    /**
     * Like {@link #newest(String, ReportArea, Instant, Instant, Collection, Predicate, int, int)}, but reads at most
     * {@code maxRead} reports, so that a filter few reports pass cannot make one request read a whole area; the answer
     * says whether it read all there was.
     */
    public Newest newest(String agreement, @Nullable ReportArea area, Instant from, Instant to,
            Collection<ReportStatus> statuses, Predicate<ReportFact> filter, int offset, int limit, int maxRead) {
        var result = new ArrayList<ReportFact>();
        var skipped = 0;
        var read = 0;
        var complete = true;
        var chunks = new Chunks(agreement, area, from, to, statuses);
        while (result.size() < limit) {
            var chunk = chunks.next();
            read += chunk.size();
            for (var fact : chunk) {
                if (!filter.test(fact)) {
                    continue;
                }
                if (skipped < offset) {
                    skipped++;
                    continue;
                }
                result.add(fact);
                if (result.size() >= limit) {
                    break;
                }
            }
            if (chunks.done()) {
                break;
            }
            if (read >= maxRead && result.size() < limit) {
                complete = false;
                break;
            }
        }
        return new Newest(result, complete);
    }

    /**
     * Reads reports newest first, a chunk at a time, in the order of an index so that the database walks the index
     * backwards and stops after a chunk instead of sorting every matching report. Of one area: along
     * (agreement, area, observed_at, id), continuing after the last (instant, id) read. Of any area: along the index on
     * observation time alone, continuing at the last instant read and skipping the reports of that instant already
     * read, so that reports observed at the same instant are neither lost nor repeated.
     */
    private final class Chunks {
        private final String agreement;
        private final @Nullable ReportArea area;
        private final Instant from;
        private final Instant to;
        private final Collection<ReportStatus> statuses;
        private @Nullable ReportFact last;
        private final java.util.Set<UUID> readAtLast = new java.util.HashSet<>();
        private boolean done;

        Chunks(String agreement, @Nullable ReportArea area, Instant from, Instant to, Collection<ReportStatus> statuses) {
            this.agreement = agreement;
            this.area = area;
            this.from = from;
            this.to = to;
            this.statuses = statuses;
        }

        List<ReportFact> next() {
            var args = new ArrayList<Object>();
            var sql = new StringBuilder(COLUMNS + " from report r " + indexHint(area != null) + "where ");
            if (area != null) {
                sql.append("r.agreement_code = ? and r.area = ? and ");
                args.add(agreement);
                args.add(area.name());
            }
            // of any area: no condition on the agreement, which would lead H2 to the area index and a sort of every
            // report; reports of other agreements are left out below
            sql.append("r.observed_at >= ? and r.observed_at < ? and r.status in (").append(statusList(statuses)).append(")");
            args.add(Timestamp.from(from));
            args.add(Timestamp.from(to));
            var wanted = CHUNK;
            if (last != null) {
                // the first condition bounds the index range; with only the second, each chunk would scan again from
                // the newest report
                sql.append(" and r.observed_at <= ?");
                args.add(Timestamp.from(last.observedAt()));
                if (area != null) {
                    sql.append(" and (r.observed_at < ? or r.id < ?)");
                    args.add(Timestamp.from(last.observedAt()));
                    args.add(last.id());
                } else {
                    wanted += readAtLast.size();
                }
            }
            sql.append(area != null ? " order by r.agreement_code desc, r.area desc, r.observed_at desc, r.id desc"
                    : " order by r.observed_at desc");
            sql.append(" fetch first " + wanted + " rows only");
            var rows = jdbc.query(sql.toString(), (rs, n) -> fact(rs, List.of()), args.toArray());
            done = rows.size() < wanted;
            var fresh = rows.stream().filter(f -> !readAtLast.contains(f.id()) && f.agreement().equals(agreement)).toList();
            if (!rows.isEmpty()) {
                var lastAt = rows.getLast().observedAt();
                if (last == null || !lastAt.equals(last.observedAt())) {
                    readAtLast.clear();
                }
                rows.stream().filter(f -> f.observedAt().equals(lastAt)).forEach(f -> readAtLast.add(f.id()));
                last = rows.getLast();
            }
            return withObligations(fresh);
        }

        boolean done() {
            return done;
        }
    }

    /** Reports found newest first, and whether every report in the period was read to find them. */
    public record Newest(List<ReportFact> facts, boolean complete) {}

    /**
     * H2 picks the index for the most selective condition (the status, say) and then sorts every matching report;
     * told the index on observation time, it reads a chunk backwards and stops. PostgreSQL's planner weighs the
     * limit and needs no hint (nor knows this syntax).
     */
    private String indexHint(boolean byArea) {
        if (!h2()) {
            return "";
        }
        return byArea ? "use index (report_area_observed_idx) " : "use index (report_observed_idx) ";
    }

    private boolean h2() {
        if (h2 == null) {
            h2 = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>) con ->
                    con.getMetaData().getDatabaseProductName().toUpperCase(java.util.Locale.ROOT).contains("H2"));
        }
        return Boolean.TRUE.equals(h2);
    }

    /** The facts with the obligations they name, read in one query. */
    private List<ReportFact> withObligations(List<ReportFact> facts) {
        if (facts.isEmpty()) {
            return facts;
        }
        var byId = new java.util.HashMap<UUID, List<String>>();
        var ids = facts.stream().map(ReportFact::id).toList();
        var marks = String.join(", ", ids.stream().map(i -> "?").toList());
        jdbc.query("select report_id, obligation_code from report_obligation where report_id in (" + marks
                + ") order by report_id, position", rs -> {
            byId.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2));
        }, ids.toArray());
        return facts.stream().map(f -> byId.containsKey(f.id()) ? new ReportFact(f.id(), f.agreement(), f.area(), f.status(),
                f.observedAt(), List.copyOf(byId.get(f.id())), f.locationName(), f.district(), f.summary(), f.sourceName(),
                f.sourceKind(), f.sourceParty(), f.reliability(), f.credibility(), f.detailsJson()) : f).toList();
    }

    /**
     * Every report observed in {@code [from, to)} with one of the statuses, oldest first (then by id), handed over one
     * at a time as the database reads them: an export of a million reports holds one in memory at a time (and the
     * reports observed at the same instant as it).
     *
     * <p>On H2 the reports are read along the index on observation time and ordered by it alone, and the query runs
     * lazily: sorted by (observed_at, id) H2 cannot use that index, which holds no id, and without lazy execution it
     * reads the whole result into a temporary file before handing over the first row. For a week of a million reports
     * that took 8 s before the first byte of a CSV. Reports observed at the same instant are put in id order here,
     * in the order H2 sorts UUIDs; rows of one report (one per obligation) follow each other, as the join looks its
     * obligations up by the primary key (report_id, position). Other databases are asked to sort by (observed_at, id,
     * position) as before (PostgreSQL's driver reads with a cursor only inside a transaction; not measured here).
     */
    public void forEachObserved(String agreement, Instant from, Instant to, Collection<ReportStatus> statuses,
            Consumer<ReportFact> consumer) {
        // every status: no condition to test on each row (the column holds nothing else)
        var sql = selectAlong(false) + "where r.agreement_code = ? and r.observed_at >= ? and r.observed_at < ?"
                + (statuses.containsAll(List.of(ReportStatus.values())) ? "" : " and r.status in (" + statusList(statuses) + ")")
                + " order by r.observed_at asc";
        if (!h2()) {
            query(sql + ", r.id asc, o.position asc", consumer, true, agreement, from, to);
            return;
        }
        var ties = new InIdOrder(consumer);
        var folder = new Folder(ties);
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<@Nullable Void>) con -> {
            try (var lazy = con.createStatement()) {
                lazy.execute("set lazy_query_execution true");
            }
            try (var ps = con.prepareStatement(sql)) {
                ps.setFetchSize(CHUNK);
                ps.setString(1, agreement);
                ps.setTimestamp(2, Timestamp.from(from));
                ps.setTimestamp(3, Timestamp.from(to));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        folder.row(rs);
                    }
                }
            } finally {
                // the connection goes back to the pool: other queries there keep H2's default
                try (var eager = con.createStatement()) {
                    eager.execute("set lazy_query_execution false");
                }
            }
            return null;
        });
        folder.finish();
        ties.finish();
    }

    /**
     * Hands facts on in order of (observation instant, id) when they arrive in order of the instant alone: holds
     * those of one instant and sorts them by id, unsigned as H2 and PostgreSQL compare UUIDs (not as
     * {@link UUID#compareTo}).
     */
    private static final class InIdOrder implements Consumer<ReportFact> {
        private static final java.util.Comparator<ReportFact> BY_ID = java.util.Comparator
                .comparing((ReportFact f) -> f.id().getMostSignificantBits(), Long::compareUnsigned)
                .thenComparing(f -> f.id().getLeastSignificantBits(), Long::compareUnsigned);

        private final Consumer<ReportFact> consumer;
        private final List<ReportFact> sameInstant = new ArrayList<>();

        InIdOrder(Consumer<ReportFact> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void accept(ReportFact fact) {
            if (!sameInstant.isEmpty() && !sameInstant.getFirst().observedAt().equals(fact.observedAt())) {
                finish();
            }
            sameInstant.add(fact);
        }

        void finish() {
            if (sameInstant.size() > 1) {
                sameInstant.sort(BY_ID);
            }
            sameInstant.forEach(consumer);
            sameInstant.clear();
        }
    }

    /** Every report that can count in figures (verified or submitted), in no particular order. */
    public void forEachCounted(Consumer<ReportFact> consumer) {
        query(SELECT + " where r.status in ('VERIFIED', 'SUBMITTED') order by r.id asc, o.position asc", consumer, true);
    }

    private String where(Collection<ReportStatus> statuses) {
        return selectAlong(true) + "where r.agreement_code = ? and r.area = ? and r.observed_at >= ? and r.observed_at < ?"
                + " and r.status in (" + statusList(statuses) + ")";
    }

    private static String statusList(Collection<ReportStatus> statuses) {
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("no status to read");
        }
        // enum names only, never user input
        return String.join(", ", statuses.stream().map(s -> "'" + s.name() + "'").toList());
    }

    /** Runs the query, folding the rows of one report (one per obligation) into one fact. */
    private void query(String sql, Consumer<ReportFact> consumer, boolean streaming, Object... args) {
        var params = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            params[i] = args[i] instanceof Instant t ? Timestamp.from(t) : args[i] instanceof Enum<?> e ? e.name() : args[i];
        }
        var folder = new Folder(consumer);
        jdbc.query(con -> {
            var ps = con.prepareStatement(sql);
            if (streaming) {
                ps.setFetchSize(500);
            }
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps;
        }, folder::row);
        folder.finish();
    }

    private static final class Folder {
        private final Consumer<ReportFact> consumer;
        private @Nullable ReportFact pending;
        private final List<String> obligations = new ArrayList<>();

        Folder(Consumer<ReportFact> consumer) {
            this.consumer = consumer;
        }

        void row(ResultSet rs) throws SQLException {
            var id = rs.getObject(1, UUID.class);
            if (pending != null && !pending.id().equals(id)) {
                emit();
            }
            if (pending == null) {
                pending = fact(rs, List.of());
            }
            var code = rs.getString(15);
            if (code != null) {
                obligations.add(code);
            }
        }

        void finish() {
            if (pending != null) {
                emit();
            }
        }

        private void emit() {
            var p = java.util.Objects.requireNonNull(pending);
            var fact = new ReportFact(p.id(), p.agreement(), p.area(), p.status(), p.observedAt(), List.copyOf(obligations),
                    p.locationName(), p.district(), p.summary(), p.sourceName(), p.sourceKind(), p.sourceParty(),
                    p.reliability(), p.credibility(), p.detailsJson());
            pending = null;
            obligations.clear();
            consumer.accept(fact);
        }
    }

    /** A fact from the first 14 columns of {@link #COLUMNS}. */
    private static ReportFact fact(ResultSet rs, List<String> obligations) throws SQLException {
        var credibility = rs.getInt(13);
        var noCredibility = rs.wasNull();
        return new ReportFact(rs.getObject(1, UUID.class), rs.getString(2), ReportArea.valueOf(rs.getString(3)),
                ReportStatus.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant(), obligations, rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), SourceKind.valueOf(rs.getString(10)), rs.getString(11),
                rs.getString(12), noCredibility ? null : credibility, rs.getString(14));
    }
}
