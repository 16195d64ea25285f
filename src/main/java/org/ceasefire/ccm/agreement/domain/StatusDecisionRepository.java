package org.ceasefire.ccm.agreement.domain;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StatusDecisionRepository extends JpaRepository<StatusDecision, UUID> {}
