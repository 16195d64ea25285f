package org.ceasefire.ccm.dashboard;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.ceasefire.ccm.agreement.DeadlineAmended;
import org.ceasefire.ccm.agreement.ObligationStatusDecided;
import org.ceasefire.ccm.reporting.ReportArea;
import org.ceasefire.ccm.reporting.ReportStateChanged;
import org.ceasefire.ccm.reporting.ReportsBulkLoaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells open dashboards that their figures changed, once the change is committed. Changes arriving close together
 * (a batch of 500 reports) are sent as one notice a quarter of a second later. This is the one place changes come
 * from: today the transactions of this node; on several nodes, a database signal (PostgreSQL LISTEN/NOTIFY) would
 * call {@link #changed} as well.
 */
@Component
public class DashboardNotifier implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DashboardNotifier.class);
    private static final long COALESCE_MS = 250;

    private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        var t = new Thread(r, "dashboard-notifier");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> pending = new HashSet<>();
    private boolean scheduled;

    /** Registers a listener for the dashboards (by name) whose figures changed; run the returned action to stop listening. */
    public Runnable subscribe(Consumer<Set<String>> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ReportStateChanged event) {
        // the overview lists the latest reports of every area; the area's own dashboard shows its figures
        changed(new HashSet<>(java.util.List.of("overview", dashboardOf(event.after().area()))));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ObligationStatusDecided event) {
        changed(Set.of("overview", "withdrawals"));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(DeadlineAmended event) {
        changed(Set.of("overview", "withdrawals"));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ReportsBulkLoaded event) {
        changed(Set.copyOf(DashboardService.NAMES));
    }

    /** The figures of these dashboards changed (committed). */
    public void changed(Set<String> dashboards) {
        synchronized (pending) {
            pending.addAll(dashboards);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        timer.schedule(this::send, COALESCE_MS, TimeUnit.MILLISECONDS);
    }

    private void send() {
        Set<String> dashboards;
        synchronized (pending) {
            dashboards = Set.copyOf(pending);
            pending.clear();
            scheduled = false;
        }
        for (var listener : listeners) {
            try {
                listener.accept(dashboards);
            } catch (RuntimeException e) {
                log.warn("A dashboard could not be told of a change: {}", e.toString());
            }
        }
    }

    static String dashboardOf(ReportArea area) {
        return switch (area) {
            case WITHDRAWAL -> "withdrawals";
            case PRISONER_EXCHANGE -> "prisoner-exchanges";
            case REFUGEE_RETURN -> "refugee-returns";
            case CORRIDOR_TRAFFIC -> "corridor-traffic";
            case CEASEFIRE -> "ceasefire";
            default -> "overview";
        };
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
