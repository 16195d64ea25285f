package org.ceasefire.ccm.audit.domain;

import java.util.stream.Stream;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

    @Query("select e from AuditEntry e order by e.seq asc")
    Stream<AuditEntry> streamAll();

    Page<AuditEntry> findAllByOrderBySeqDesc(Pageable page);

    Page<AuditEntry> findByObjectTypeAndObjectIdOrderBySeqDesc(String objectType, String objectId, Pageable page);
}
