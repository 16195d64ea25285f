package org.ceasefire.ccm.agreement;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import java.util.stream.Collectors;
import org.ceasefire.ccm.agreement.domain.ObligationRepository;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The gauge {@code ccm.obligations}: how many obligations stand in each status and timeliness, per agreement.
 * Counted from the database (so every node reports the same), refreshed after each decision or amendment and every
 * minute, because timeliness moves with the clock.
 */
@Component
class ObligationMetrics {

    private final ObligationRepository obligations;
    private final ObligationReadModel service;
    private final MultiGauge gauge;
    private final Clock clock;

    private final TransactionTemplate transactions;

    ObligationMetrics(ObligationRepository obligations, ObligationReadModel service, MeterRegistry registry, Clock clock,
            TransactionTemplate transactions) {
        this.transactions = transactions;
        this.obligations = obligations;
        this.service = service;
        this.clock = clock;
        this.gauge = MultiGauge.builder("ccm.obligations")
                .description("Obligations by agreement, status and timeliness")
                .baseUnit("obligations")
                .register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        refresh();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onDecision(ObligationStatusDecided event) {
        refresh();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onAmendment(DeadlineAmended event) {
        refresh();
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void refresh() {
        transactions.executeWithoutResult(status -> count());
    }

    private void count() {
        var now = clock.instant();
        // the summary is computed by the service's own rules, without its method security: this is a system read
        Map<Tags, Long> counts = obligations.findByInCatalogueTrue().stream()
                .map(o -> service.summary(o, now))
                .collect(Collectors.groupingBy(s -> Tags.of("agreement", s.agreement(), "status", s.status().name(),
                        "timeliness", s.timeliness().name()), Collectors.counting()));
        var rows = new ArrayList<MultiGauge.Row<?>>();
        counts.forEach((tags, count) -> rows.add(MultiGauge.Row.of(tags, count)));
        gauge.register(rows, true);
    }
}
