package org.ceasefire.ccm.agreement.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ObligationRepository extends JpaRepository<Obligation, Long> {

    List<Obligation> findByAgreementCodeOrderBySortOrderAsc(String agreementCode);

    Optional<Obligation> findByAgreementCodeAndCode(String agreementCode, String code);

    List<Obligation> findByAgreement(Agreement agreement);

    List<Obligation> findByInCatalogueTrue();

    @org.springframework.data.jpa.repository.Query(
            "select o.code from Obligation o where o.agreement.code = :agreement and o.inCatalogue = true")
    List<String> findCodesInCatalogue(String agreement);
}
