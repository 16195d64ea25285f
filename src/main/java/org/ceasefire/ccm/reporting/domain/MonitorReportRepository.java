package org.ceasefire.ccm.reporting.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ceasefire.ccm.reporting.ReportArea;
import org.ceasefire.ccm.reporting.ReportStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface MonitorReportRepository extends JpaRepository<MonitorReport, UUID>, JpaSpecificationExecutor<MonitorReport> {

    @Query("select r.id from MonitorReport r where r.id in :ids and r.status = :status")
    List<UUID> findIdsByIdInAndStatus(Collection<UUID> ids, ReportStatus status);

    @Query("select r.id from MonitorReport r where r.id in :ids")
    List<UUID> findExistingIds(Collection<UUID> ids);

    @Query("select r from MonitorReport r join r.obligations o where r.agreement = :agreement and o = :code order by r.observedAt desc")
    List<MonitorReport> findByObligation(String agreement, String code, Pageable page);

    @Query("select r from MonitorReport r where r.area = :area and r.observedAt >= :from and r.observedAt < :to and r.id <> :except"
            + " and r.status <> org.ceasefire.ccm.reporting.ReportStatus.REJECTED order by r.observedAt asc")
    List<MonitorReport> findSameAreaAndPeriod(ReportArea area, Instant from, Instant to, UUID except, Pageable page);

    Optional<MonitorReport> findFirstBySubmittedByOrderByReceivedAtDesc(String submittedBy);

    Page<MonitorReport> findBySubmittedBy(String submittedBy, Pageable page);
}
