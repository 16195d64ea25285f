package org.ceasefire.ccm.reporting;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.ceasefire.ccm.agreement.LinkedReports;
import org.ceasefire.ccm.agreement.VerifiedReports;
import org.ceasefire.ccm.reporting.domain.MonitorReportRepository;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers the agreement module's questions about reports: which are verified, and which name an obligation. */
@Component
class ReportEvidence implements VerifiedReports, LinkedReports {

    private final MonitorReportRepository reports;
    private final ReportViews views;

    ReportEvidence(MonitorReportRepository reports, ReportViews views) {
        this.reports = reports;
        this.views = views;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<UUID> verifiedAmong(Collection<UUID> ids) {
        return ids.isEmpty() ? Set.of() : Set.copyOf(reports.findIdsByIdInAndStatus(ids, ReportStatus.VERIFIED));
    }

    @Override
    @Transactional(readOnly = true)
    public List<LinkedReport> forObligation(String agreement, String code) {
        return reports.findByObligation(agreement, code, PageRequest.of(0, 200)).stream().map(views::view)
                .map(v -> new LinkedReport(v.id(), v.observedAt(), v.area().name(), v.summary(), v.source().name(),
                        v.source().grade(), v.status().name()))
                .toList();
    }
}
