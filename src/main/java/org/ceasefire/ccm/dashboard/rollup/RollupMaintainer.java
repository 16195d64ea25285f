package org.ceasefire.ccm.dashboard.rollup;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.ceasefire.ccm.base.CcmProperties;
import org.ceasefire.ccm.reporting.ReportFact;
import org.ceasefire.ccm.reporting.ReportStateChanged;
import org.ceasefire.ccm.reporting.ReportsBulkLoaded;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the rollups up to date in the transaction that files, corrects or reviews a report, so that whoever made the
 * change reads it on the next request, from any node. Changes are gathered per transaction and written just before
 * it commits, one write per row however many reports of a batch fall into it.
 */
@Component
@Order(1)
public class RollupMaintainer implements ApplicationRunner {

    /** The version of the rollup rules; raising it rebuilds the rollups from the reports on the next start. */
    public static final int VERSION = 1;

    private static final Logger log = LoggerFactory.getLogger(RollupMaintainer.class);

    private final RollupStore store;
    private final TransactionTemplate transactions;
    private final ZoneId zone;

    RollupMaintainer(RollupStore store, TransactionTemplate transactions, CcmProperties properties) {
        this.store = store;
        this.transactions = transactions;
        this.zone = properties.zone();
    }

    /** Builds the rollups on start if they were built by older rules or never. */
    @Override
    public void run(ApplicationArguments args) {
        var started = System.nanoTime();
        transactions.executeWithoutResult(s -> store.rebuild(VERSION, false));
        var ms = (System.nanoTime() - started) / 1_000_000;
        if (ms > 1000) {
            log.info("Dashboard rollups rebuilt from the reports in {} ms", ms);
        }
    }

    /** Reports were loaded in bulk, past the services: rebuild the rollups from them. */
    @EventListener
    public void on(ReportsBulkLoaded event) {
        var started = System.nanoTime();
        transactions.executeWithoutResult(s -> store.rebuild(VERSION, true));
        log.info("Dashboard rollups rebuilt after a bulk load of {} reports in {} ms", event.reports(),
                (System.nanoTime() - started) / 1_000_000);
    }

    @EventListener
    public void on(ReportStateChanged event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("a report changed outside a transaction; its rollups cannot follow");
        }
        var pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            var bound = pending;
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    TransactionSynchronizationManager.unbindResource(RollupMaintainer.this);
                    store.apply(bound.deltas());
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(RollupMaintainer.this);
                }
            });
        }
        pending.take(event.before(), -1);
        pending.take(event.after(), +1);
    }

    /** The changes of one transaction, per row. */
    private final class Pending {
        private final TreeMap<RowKey, Acc> rows = new TreeMap<>();

        void take(@Nullable ReportFact fact, int sign) {
            if (fact == null) {
                return;
            }
            var layer = Layer.of(fact.status());
            if (layer == null) {
                return;
            }
            for (var c : Figures.of(fact, zone)) {
                var acc = rows.computeIfAbsent(new RowKey(c.table(), c.agreement(), c.day(), c.keys(), layer),
                        k -> new Acc(k.table()));
                acc.reports += sign;
                for (int i = 0; i < acc.sums.length; i++) {
                    acc.sums[i] += sign * c.sums()[i];
                }
                if (c.mark() != null) {
                    if (sign > 0) {
                        acc.added.add(c.mark());
                    } else {
                        acc.removed.add(c.mark().id());
                    }
                }
            }
        }

        TreeMap<RowKey, RollupStore.Delta> deltas() {
            var result = new TreeMap<RowKey, RollupStore.Delta>();
            rows.forEach((key, acc) -> {
                Mark best = null;
                for (var m : acc.added) {
                    best = Mark.best(key.table().mark(), best, m);
                }
                // a report corrected in place is both removed and added: the removal makes the row recompute its mark
                var removed = Set.copyOf(acc.removed);
                if (acc.reports != 0 || !acc.removed.isEmpty() || !acc.added.isEmpty() || nonZero(acc.sums)) {
                    result.put(key, new RollupStore.Delta(acc.reports, acc.sums, best, removed));
                }
            });
            return result;
        }
    }

    private static boolean nonZero(long[] sums) {
        for (var s : sums) {
            if (s != 0) {
                return true;
            }
        }
        return false;
    }

    private static final class Acc {
        long reports;
        final long[] sums;
        final List<Mark> added = new java.util.ArrayList<>();
        final Set<String> removed = new HashSet<>();

        Acc(RollupTable table) {
            this.sums = new long[table.sumColumns().size()];
        }
    }
}
