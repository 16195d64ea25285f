package org.ceasefire.ccm.dashboard.rollup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.ceasefire.ccm.base.CcmProperties;
import org.ceasefire.ccm.reporting.ReportFacts;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads and writes the rollup tables. Writes lock the row they change (select for update, or insert under a
 * savepoint that a concurrent insert of the same row turns into an update), so concurrent writers on several nodes
 * neither lose a change nor deadlock: each transaction writes its rows in {@link RowKey} order.
 */
@Component
public class RollupStore {

    private static final List<String> MARK_COLUMNS = List.of("ext_at", "ext_id", "ext_number", "ext_text");

    private final JdbcTemplate jdbc;
    private final ReportFacts facts;
    private final ZoneId zone;
    private final Clock clock;

    RollupStore(JdbcTemplate jdbc, ReportFacts facts, CcmProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.facts = facts;
        this.zone = properties.zone();
        this.clock = clock;
    }

    /** Rows of one rollup for days {@code from..to} (inclusive) in the layers, with at least one report. */
    public List<Row> read(RollupTable table, String agreement, LocalDate from, LocalDate to, Set<Layer> layers) {
        if (to.isBefore(from) || layers.isEmpty()) {
            return List.of();
        }
        var layerList = layers.stream().map(l -> "'" + l.code() + "'").collect(Collectors.joining(", "));
        var sql = "select " + columns(table) + " from " + table.tableName()
                + " where agreement_code = ? and local_day >= ? and local_day <= ? and layer in (" + layerList + ") and reports > 0"
                + " order by local_day";
        return jdbc.query(sql, (rs, n) -> row(table, rs), agreement, from, to);
    }

    /**
     * Applies one transaction's changes. Rows that only gain reports are updated in JDBC batches (sums added, the
     * mark replaced in the statement itself when the new one is better) and the missing ones inserted in a batch;
     * rows that lose a report carrying their mark are locked, read and recomputed one by one.
     */
    void apply(TreeMap<RowKey, Delta> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) con -> {
            // A rebuild holds the state row while it reads the reports and rewrites every row: wait for it first, so
            // that these changes land on the rebuilt rows instead of being lost, refused as duplicates, or deadlocked
            // against its deletes. Writers already queue on the audit chain's head, so this costs them nothing more;
            // and as every writer holds this row, no other can insert a row between our update and our insert.
            try (var ps = con.prepareStatement("select version from dash_rollup_state where id = 1 for update")) {
                ps.executeQuery().close();
            }
            var additions = new java.util.LinkedHashMap<String, List<Map.Entry<RowKey, Delta>>>();
            for (var e : deltas.entrySet()) {
                var table = e.getKey().table();
                if (table.mark() != Mark.Kind.NONE && !e.getValue().removed().isEmpty()) {
                    apply(con, e.getKey(), e.getValue());
                } else {
                    var withMark = table.mark() != Mark.Kind.NONE && e.getValue().added() != null;
                    additions.computeIfAbsent(table.name() + (withMark ? "+mark" : ""), k -> new ArrayList<>()).add(e);
                }
            }
            for (var group : additions.values()) {
                add(con, group);
            }
            return null;
        });
    }

    /** Adds to rows of one table in one batch of updates, then inserts those that did not exist yet. */
    private void add(Connection con, List<Map.Entry<RowKey, Delta>> group) throws SQLException {
        var table = group.getFirst().getKey().table();
        var withMark = table.mark() != Mark.Kind.NONE && group.getFirst().getValue().added() != null;
        var set = new ArrayList<String>();
        set.add("reports = reports + ?");
        table.sumColumns().forEach(c -> set.add(c + " = " + c + " + ?"));
        if (withMark) {
            var better = table.mark() == Mark.Kind.LATEST ? "<" : ">";
            var when = "case when ext_at is null or ext_at " + better + " ? or (ext_at = ? and ext_id " + better + " ?) then ? else ";
            MARK_COLUMNS.forEach(c -> set.add(c + " = " + when + c + " end"));
        }
        int[] counts;
        try (var ps = con.prepareStatement("update " + table.tableName() + " set " + String.join(", ", set) + " where "
                + keyCondition(table))) {
            for (var e : group) {
                var delta = e.getValue();
                int i = 1;
                ps.setLong(i++, delta.reports());
                for (var s : delta.sums()) {
                    ps.setLong(i++, s);
                }
                if (withMark) {
                    var m = java.util.Objects.requireNonNull(delta.added());
                    var values = new Object[] {Timestamp.from(m.at()), m.id(), m.number(), m.text()};
                    for (var value : values) {
                        ps.setTimestamp(i++, Timestamp.from(m.at()));
                        ps.setTimestamp(i++, Timestamp.from(m.at()));
                        ps.setString(i++, m.id());
                        ps.setObject(i++, value);
                    }
                }
                bindKey(ps, e.getKey(), i);
                ps.addBatch();
            }
            counts = ps.executeBatch();
        }
        try (var ps = con.prepareStatement(insertSql(table))) {
            var missing = 0;
            for (int n = 0; n < counts.length; n++) {
                if (counts[n] == 0) {
                    var e = group.get(n);
                    var i = bindKey(ps, e.getKey(), 1);
                    bindValues(ps, table, e.getValue().reports(), e.getValue().sums(), e.getValue().added(), i);
                    ps.addBatch();
                    missing++;
                }
            }
            if (missing > 0) {
                ps.executeBatch();
            }
        }
    }

    private void apply(Connection con, RowKey key, Delta delta) throws SQLException {
        var current = lock(con, key);
        if (current == null) {
            var savepoint = con.setSavepoint();
            try {
                write(con, key, delta.reports(), delta.sums(), delta.added(), true);
                con.releaseSavepoint(savepoint);
                return;
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
                // another transaction inserted the row meanwhile: it is committed now, so lock and update it
                con.rollback(savepoint);
                current = lock(con, key);
                if (current == null) {
                    throw e;
                }
            }
        }
        var sums = current.sums();
        for (int i = 0; i < sums.length; i++) {
            sums[i] += delta.sums()[i];
        }
        var mark = current.mark();
        if (mark != null && delta.removed().contains(mark.id())) {
            mark = recomputeMark(key);
        } else {
            mark = Mark.best(key.table().mark(), mark, delta.added());
        }
        write(con, key, current.reports() + delta.reports(), sums, mark, false);
    }

    /** The row's mark from the reports themselves, after the one that carried it left the layer. */
    private @Nullable Mark recomputeMark(RowKey key) {
        var from = key.day().atStartOfDay(zone).toInstant();
        var to = key.day().plusDays(1).atStartOfDay(zone).toInstant();
        Mark best = null;
        for (var fact : facts.observed(key.agreement(), key.table().area(), from, to, List.of(key.layer().status()))) {
            for (var c : Figures.of(fact, zone)) {
                if (c.table() == key.table() && c.keys().equals(key.keys())) {
                    best = Mark.best(key.table().mark(), best, c.mark());
                }
            }
        }
        return best;
    }

    private @Nullable Row lock(Connection con, RowKey key) throws SQLException {
        var table = key.table();
        try (var ps = con.prepareStatement("select " + columns(table) + " from " + table.tableName() + " where "
                + keyCondition(table) + " for update")) {
            bindKey(ps, key, 1);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? row(table, rs) : null;
            }
        }
    }

    private void write(Connection con, RowKey key, long reports, long[] sums, @Nullable Mark mark, boolean insert)
            throws SQLException {
        var table = key.table();
        String sql;
        if (insert) {
            sql = insertSql(table);
        } else {
            var values = new ArrayList<String>();
            values.add("reports");
            values.addAll(table.sumColumns());
            if (table.mark() != Mark.Kind.NONE) {
                values.addAll(MARK_COLUMNS);
            }
            sql = "update " + table.tableName() + " set " + String.join(", ", values.stream().map(c -> c + " = ?").toList())
                    + " where " + keyCondition(table);
        }
        try (var ps = con.prepareStatement(sql)) {
            int i = 1;
            if (insert) {
                i = bindKey(ps, key, i);
            }
            i = bindValues(ps, table, reports, sums, mark, i);
            if (!insert) {
                bindKey(ps, key, i);
            }
            ps.executeUpdate();
        }
    }

    private static int bindValues(PreparedStatement ps, RollupTable table, long reports, long[] sums, @Nullable Mark mark, int i)
            throws SQLException {
        ps.setLong(i++, reports);
        for (var s : sums) {
            ps.setLong(i++, s);
        }
        if (table.mark() != Mark.Kind.NONE) {
            ps.setTimestamp(i++, mark == null ? null : Timestamp.from(mark.at()));
            ps.setString(i++, mark == null ? null : mark.id());
            if (mark == null || mark.number() == null) {
                ps.setNull(i++, java.sql.Types.BIGINT);
            } else {
                ps.setLong(i++, mark.number());
            }
            ps.setString(i++, mark == null ? null : mark.text());
        }
        return i;
    }

    private static int bindKey(PreparedStatement ps, RowKey key, int i) throws SQLException {
        ps.setString(i++, key.agreement());
        ps.setObject(i++, key.day());
        for (var k : key.keys()) {
            ps.setString(i++, k);
        }
        ps.setString(i++, key.layer().code());
        return i;
    }

    private static String keyCondition(RollupTable table) {
        var parts = new ArrayList<String>(List.of("agreement_code = ?", "local_day = ?"));
        table.keyColumns().forEach(c -> parts.add(c + " = ?"));
        parts.add("layer = ?");
        return String.join(" and ", parts);
    }

    /** Every column of a rollup table, keys first, in the order rows are read, inserted and bound. */
    private static List<String> columnList(RollupTable table) {
        var all = new ArrayList<String>(List.of("agreement_code", "local_day"));
        all.addAll(table.keyColumns());
        all.add("layer");
        all.add("reports");
        all.addAll(table.sumColumns());
        if (table.mark() != Mark.Kind.NONE) {
            all.addAll(MARK_COLUMNS);
        }
        return all;
    }

    private static String columns(RollupTable table) {
        return String.join(", ", columnList(table));
    }

    private static String insertSql(RollupTable table) {
        var all = columnList(table);
        return "insert into " + table.tableName() + " (" + String.join(", ", all) + ") values ("
                + String.join(", ", all.stream().map(c -> "?").toList()) + ")";
    }

    private static Row row(RollupTable table, ResultSet rs) throws SQLException {
        int i = 1;
        var agreement = rs.getString(i++);
        var day = rs.getObject(i++, LocalDate.class);
        var keys = new ArrayList<String>(table.keyColumns().size());
        for (int k = 0; k < table.keyColumns().size(); k++) {
            keys.add(rs.getString(i++));
        }
        var layer = Layer.ofCode(rs.getString(i++));
        var reports = rs.getLong(i++);
        var sums = new long[table.sumColumns().size()];
        for (int s = 0; s < sums.length; s++) {
            sums[s] = rs.getLong(i++);
        }
        Mark mark = null;
        if (table.mark() != Mark.Kind.NONE) {
            var at = rs.getTimestamp(i++);
            var id = rs.getString(i++);
            var number = rs.getLong(i++);
            var noNumber = rs.wasNull();
            var text = rs.getString(i);
            if (at != null && id != null) {
                mark = new Mark(at.toInstant(), id, noNumber ? null : number, text);
            }
        }
        return new Row(new RowKey(table, agreement, day, List.copyOf(keys), layer), reports, sums, mark);
    }

    /**
     * Recomputes every rollup from the reports: after a change of the rules (a new version), or after reports were
     * loaded in bulk without passing through the services. Holds the state row's lock, so one node rebuilds while
     * the others wait and then find the work done.
     */
    void rebuild(int version, boolean force) {
        var state = jdbc.queryForMap("select version, zone from dash_rollup_state where id = 1 for update");
        if (!force && Integer.valueOf(version).equals(state.get("version")) && zone.getId().equals(state.get("zone"))) {
            return;
        }
        var rows = new HashMap<RowKey, Row>();
        facts.forEachCounted(fact -> fold(rows, fact));
        for (var table : RollupTable.values()) {
            jdbc.update("delete from " + table.tableName());
        }
        var byTable = rows.values().stream().collect(Collectors.groupingBy(r -> r.key().table()));
        for (var e : byTable.entrySet()) {
            insertAll(e.getKey(), e.getValue());
        }
        jdbc.update("update dash_rollup_state set version = ?, zone = ?, built_at = ? where id = 1", version, zone.getId(),
                Timestamp.from(clock.instant()));
    }

    /** Adds one report's contributions to rows folded in memory. */
    public void fold(Map<RowKey, Row> rows, org.ceasefire.ccm.reporting.ReportFact fact) {
        var layer = Layer.of(fact.status());
        if (layer == null) {
            return;
        }
        for (var c : Figures.of(fact, zone)) {
            rows.computeIfAbsent(new RowKey(c.table(), c.agreement(), c.day(), c.keys(), layer), Row::empty).add(c);
        }
    }

    private void insertAll(RollupTable table, Collection<Row> rows) {
        jdbc.execute((ConnectionCallback<Void>) con -> {
            var batch = 0;
            try (var ps = con.prepareStatement(insertSql(table))) {
                for (var row : rows) {
                    var i = bindKey(ps, row.key(), 1);
                    bindValues(ps, table, row.reports(), row.sums(), row.mark(), i);
                    ps.addBatch();
                    if (++batch % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** One transaction's change to one row: reports and sums to add (negative to take away), marks added and removed. */
    record Delta(long reports, long[] sums, @Nullable Mark added, Set<String> removed) {}
}
