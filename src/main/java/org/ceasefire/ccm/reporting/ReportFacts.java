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

    private static final String SELECT = "select r.id, r.agreement_code, r.area, r.status, r.observed_at, r.location_name,"
            + " r.district, r.summary, r.source_name, r.source_kind, r.source_party, r.reliability, r.credibility,"
            + " r.details_json, o.obligation_code from report r left join report_obligation o on o.report_id = r.id ";

    private final JdbcTemplate jdbc;

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
     * Up to {@code limit} reports of one area observed in {@code [from, to)} with one of the statuses that pass the
     * filter, newest first, after skipping {@code offset} of them. Reads only as far as it needs to.
     */
    public List<ReportFact> newest(String agreement, @Nullable ReportArea area, Instant from, Instant to,
            Collection<ReportStatus> statuses, Predicate<ReportFact> filter, int offset, int limit) {
        var result = new ArrayList<ReportFact>();
        var skipped = new int[1];
        try {
            var sql = (area == null ? whereAnyArea(statuses) : where(statuses))
                    + " order by r.observed_at desc, r.id desc, o.position asc";
            Consumer<ReportFact> sink = fact -> {
                if (!filter.test(fact)) {
                    return;
                }
                if (skipped[0] < offset) {
                    skipped[0]++;
                    return;
                }
                result.add(fact);
                if (result.size() >= limit) {
                    throw new Enough();
                }
            };
            if (area == null) {
                query(sql, sink, true, agreement, from, to);
            } else {
                query(sql, sink, true, agreement, area, from, to);
            }
        } catch (Enough e) {
            // read as far as needed
        }
        return result;
    }

    /** Every report that can count in figures (verified or submitted), in no particular order. */
    public void forEachCounted(Consumer<ReportFact> consumer) {
        query(SELECT + " where r.status in ('VERIFIED', 'SUBMITTED') order by r.id asc, o.position asc", consumer, true);
    }

    private static String where(Collection<ReportStatus> statuses) {
        return SELECT + "where r.agreement_code = ? and r.area = ? and r.observed_at >= ? and r.observed_at < ?"
                + " and r.status in (" + statusList(statuses) + ")";
    }

    private static String whereAnyArea(Collection<ReportStatus> statuses) {
        return SELECT + "where r.agreement_code = ? and r.observed_at >= ? and r.observed_at < ?"
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
                var credibility = rs.getInt(13);
                var noCredibility = rs.wasNull();
                pending = new ReportFact(id, rs.getString(2), ReportArea.valueOf(rs.getString(3)),
                        ReportStatus.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant(), List.of(), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9), SourceKind.valueOf(rs.getString(10)),
                        rs.getString(11), rs.getString(12), noCredibility ? null : credibility, rs.getString(14));
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

    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }
}
