package org.ceasefire.ccm.agreement.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AgreementRepository extends JpaRepository<Agreement, Long> {

    Optional<Agreement> findByCode(String code);

    List<Agreement> findAllByOrderByEffectiveAtAsc();
}
