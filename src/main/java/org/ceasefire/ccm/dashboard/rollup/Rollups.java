package org.ceasefire.ccm.dashboard.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import org.ceasefire.ccm.base.CcmProperties;
import org.ceasefire.ccm.reporting.ReportFacts;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The rollup rows a dashboard needs for a span of local days, as they stood at an instant: whole days before that
 * instant's day come from the rollups, and its own day up to the instant from that day's reports (a few hundred at
 * most), folded by the same rules.
 */
@Component
public class Rollups {

    private final RollupStore store;
    private final ReportFacts facts;
    private final ZoneId zone;

    Rollups(RollupStore store, ReportFacts facts, CcmProperties properties) {
        this.store = store;
        this.facts = facts;
        this.zone = properties.zone();
    }

    /** Rows for days {@code from..to} (inclusive) in the layers; with {@code asOf}, only what was observed by then. */
    public List<Row> rows(RollupTable table, String agreement, LocalDate from, LocalDate to, Set<Layer> layers,
            @Nullable Instant asOf) {
        if (asOf == null) {
            return store.read(table, agreement, from, to, layers);
        }
        var asOfDay = LocalDate.ofInstant(asOf, zone);
        if (asOfDay.isBefore(from)) {
            return List.of();
        }
        if (asOfDay.isAfter(to)) {
            return store.read(table, agreement, from, to, layers);
        }
        var result = new ArrayList<>(store.read(table, agreement, from, asOfDay.minusDays(1), layers));
        var partial = new HashMap<RowKey, Row>();
        var statuses = layers.stream().map(Layer::status).toList();
        var dayStart = asOfDay.atStartOfDay(zone).toInstant();
        for (var fact : facts.observed(agreement, table.area(), dayStart, asOf.plus(1, ChronoUnit.MICROS), statuses)) {
            store.fold(partial, fact);
        }
        partial.values().stream().filter(r -> r.key().table() == table).sorted(java.util.Comparator.comparing(Row::key))
                .forEach(result::add);
        return result;
    }
}
