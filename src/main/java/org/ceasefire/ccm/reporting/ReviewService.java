package org.ceasefire.ccm.reporting;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.ceasefire.ccm.audit.AuditLog;
import org.ceasefire.ccm.base.ConflictException;
import org.ceasefire.ccm.base.InvalidInputException;
import org.ceasefire.ccm.base.NotFoundException;
import org.ceasefire.ccm.reporting.domain.MonitorReportRepository;
import org.ceasefire.ccm.security.AppRoles;
import org.ceasefire.ccm.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Supervisors' review of reports: verify, reject or return, never one's own. */
@Service
@PreAuthorize("hasRole('" + AppRoles.SUPERVISOR + "')")
public class ReviewService {

    public static final int MAX_REASON = 4000;

    private final MonitorReportRepository reports;
    private final ReportService reportService;
    private final ReportViews views;
    private final CurrentUser currentUser;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer timeToReview;

    ReviewService(MonitorReportRepository reports, ReportService reportService, ReportViews views, CurrentUser currentUser,
            TransactionTemplate transactions, AuditLog audit, Clock clock, MeterRegistry meters) {
        this.reports = reports;
        this.reportService = reportService;
        this.views = views;
        this.currentUser = currentUser;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.meters = meters;
        this.timeToReview = Timer.builder("ccm.reports.time.to.review")
                .description("From a report's receipt to its review")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofDays(30))
                .register(meters);
        for (var decision : ReviewDecision.values()) {
            meters.counter("ccm.reports.reviewed", "decision", decision.name());
        }
    }

    /** Submitted reports waiting for review, oldest first. */
    public ReportPage<ReportView> queue(ReportFilter filter, int page, int size) {
        var queued = new ReportFilter(filter.area(), ReportStatus.SUBMITTED, filter.from(), filter.to(), filter.obligation(),
                filter.submittedBy(), filter.source());
        return reportService.page(queued, page, size, Sort.by(Sort.Order.asc("receivedAt"), Sort.Order.asc("id")));
    }

    /**
     * Records a review. REJECT and RETURN need a reason; a reviewed report cannot be reviewed again (409); nobody
     * reviews their own report (403).
     *
     * @param expectedVersion the report version the reviewer saw, or null to skip that check
     */
    public ReportView review(UUID id, @Nullable ReviewDecision decision, @Nullable String reason, @Nullable Long expectedVersion) {
        if (decision == null) {
            throw new InvalidInputException("decision", "is required: VERIFY, REJECT or RETURN");
        }
        var why = reason == null ? null : reason.strip();
        if (decision != ReviewDecision.VERIFY && (why == null || why.isEmpty())) {
            throw new InvalidInputException("reason", "is required to " + decision.name().toLowerCase()
                    + " a report: tell the author what is wrong or missing");
        }
        if (why != null && why.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "is longer than " + MAX_REASON + " characters");
        }
        var reviewer = currentUser.require();
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Objects.requireNonNull(transactions.execute(s -> {
            var report = reports.findById(id)
                    .orElseThrow(() -> new NotFoundException("There is no report with the id " + id + "."));
            if (expectedVersion != null && expectedVersion != report.version()) {
                throw new ConflictException("Report " + id + " was changed meanwhile (reviewed by someone else, or"
                        + " corrected by its author). Reload it before you decide.");
            }
            var before = views.view(report);
            report.review(decision, why, reviewer, now);
            var saved = reports.saveAndFlush(report);
            var after = views.view(saved);
            audit.record(reviewer, "REPORT_REVIEWED", "report", id.toString(), before, after);
            meters.counter("ccm.reports.reviewed", "decision", decision.name()).increment();
            timeToReview.record(Duration.between(saved.receivedAt(), now));
            return after;
        }));
    }
}
