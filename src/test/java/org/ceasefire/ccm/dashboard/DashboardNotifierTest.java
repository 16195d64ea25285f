package org.ceasefire.ccm.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.ceasefire.ccm.reporting.ReportArea;
import org.ceasefire.ccm.reporting.ReportFact;
import org.ceasefire.ccm.reporting.ReportStateChanged;
import org.ceasefire.ccm.reporting.ReportStatus;
import org.ceasefire.ccm.reporting.SourceKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Open dashboards hear of changes once, promptly, and only those that concern them. */
class DashboardNotifierTest {

    private final DashboardNotifier notifier = new DashboardNotifier();
    private final List<Set<String>> heard = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        notifier.destroy();
    }

    @Test
    void a_burst_of_changes_reaches_a_listener_as_one_notice_naming_every_dashboard_concerned() throws InterruptedException {
        notifier.subscribe(heard::add);

        for (var area : ReportArea.values()) {
            notifier.on(changed(area));
        }

        awaitNotices(1);
        Thread.sleep(400);
        assertThat(heard).hasSize(1);
        assertThat(heard.getFirst()).containsExactlyInAnyOrder(DashboardService.NAMES.toArray(String[]::new));
    }

    @Test
    void a_report_of_an_area_without_its_own_dashboard_refreshes_the_overview() throws InterruptedException {
        notifier.subscribe(heard::add);

        notifier.on(changed(ReportArea.PEACEKEEPING));

        awaitNotices(1);
        assertThat(heard.getFirst()).containsExactly("overview");
    }

    @Test
    void a_listener_that_stopped_listening_hears_nothing() throws InterruptedException {
        var stop = notifier.subscribe(heard::add);
        stop.run();

        notifier.on(changed(ReportArea.CEASEFIRE));

        Thread.sleep(500);
        assertThat(heard).isEmpty();
    }

    private void awaitNotices(int n) throws InterruptedException {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (heard.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(heard).as("notices within 2 s").hasSizeGreaterThanOrEqualTo(n);
    }

    private static ReportStateChanged changed(ReportArea area) {
        var fact = new ReportFact(UUID.randomUUID(), "nk-2020-11-10", area, ReportStatus.VERIFIED,
                Instant.parse("2021-01-01T10:00:00Z"), List.of(), null, null, "summary", "Own team",
                SourceKind.OWN_OBSERVATION, null, "B", 2, "{}");
        return new ReportStateChanged(fact.id(), null, fact);
    }
}
