package org.ceasefire.ccm.agreement;

import java.util.List;
import org.ceasefire.ccm.agreement.domain.Agreement;
import org.ceasefire.ccm.agreement.domain.AgreementRepository;
import org.ceasefire.ccm.agreement.domain.ObligationRepository;
import org.ceasefire.ccm.agreement.domain.Party;
import org.ceasefire.ccm.agreement.domain.PartyRepository;
import org.ceasefire.ccm.base.ConflictException;
import org.ceasefire.ccm.base.FieldProblem;
import org.ceasefire.ccm.base.InvalidInputException;
import org.ceasefire.ccm.base.NotFoundException;
import org.ceasefire.ccm.security.AppRoles;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the agreement catalogue and keeps the register of parties. Every signed-in role may read. */
@Service
@PreAuthorize("isAuthenticated()")
public class AgreementService {

    private static final Pattern PARTY_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,15}");
    private static final Set<String> PARTY_KINDS = Set.of("STATE", "DE_FACTO", "INTERNATIONAL", "OTHER");

    private final AgreementRepository agreements;
    private final PartyRepository parties;
    private final ObligationRepository obligations;
    private final Clock clock;

    AgreementService(AgreementRepository agreements, PartyRepository parties, ObligationRepository obligations, Clock clock) {
        this.agreements = agreements;
        this.obligations = obligations;
        this.parties = parties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<AgreementSummary> list() {
        return agreements.findAllByOrderByEffectiveAtAsc().stream().map(AgreementService::toSummary).toList();
    }

    @Transactional(readOnly = true)
    public AgreementDetails get(String code) {
        var a = find(code);
        return new AgreementDetails(toSummary(a),
                a.signatories().stream().map(s -> new AgreementDetails.Signatory(s.party(), s.name(), s.office())).toList(),
                a.textVariants().stream().map(v -> new AgreementDetails.TextVariant(v.name(), v.note())).toList(),
                a.related(),
                a.points().stream().map(p -> new AgreementDetails.Point(p.number(), p.title(), p.text())).toList());
    }

    /** The codes of an agreement's obligations (those still in the catalogue); empty if there is no such agreement. */
    @Transactional(readOnly = true)
    public Set<String> obligationCodes(String agreement) {
        return Set.copyOf(obligations.findCodesInCatalogue(agreement));
    }

    /** The registered party codes. */
    @Transactional(readOnly = true)
    public Set<String> partyCodes() {
        return parties.findAll().stream().map(Party::code).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Transactional(readOnly = true)
    public List<PartySummary> parties() {
        return parties.findAllByOrderByCodeAsc().stream().map(AgreementService::toSummary).toList();
    }

    /** Adds a party or actor to the register (administrators only). */
    @Transactional
    @PreAuthorize("hasRole('" + AppRoles.ADMIN + "')")
    public PartySummary addParty(@Nullable String code, @Nullable String name, @Nullable String kind) {
        var problems = new ArrayList<FieldProblem>();
        var normalised = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!PARTY_CODE.matcher(normalised).matches()) {
            problems.add(new FieldProblem("code", "must be 2-16 capital letters, digits or '_', starting with a letter"));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            problems.add(new FieldProblem("name", "is required, at most 200 characters"));
        }
        var k = kind == null ? "OTHER" : kind.strip().toUpperCase(Locale.ROOT);
        if (!PARTY_KINDS.contains(k)) {
            problems.add(new FieldProblem("kind", "must be one of " + PARTY_KINDS.stream().sorted().toList()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The party was not added.", problems);
        }
        if (parties.existsById(normalised)) {
            throw new ConflictException("The register already has a party with the code " + normalised + ".");
        }
        return toSummary(parties.save(new Party(normalised, name.strip(), k, clock.instant())));
    }

    private Agreement find(String code) {
        return agreements.findByCode(code)
                .orElseThrow(() -> new NotFoundException("There is no agreement with the code '" + code + "'."));
    }

    static AgreementSummary toSummary(Agreement a) {
        return new AgreementSummary(a.code(), a.title(), a.shortTitle(), a.aliases(), a.signedOn(), a.effectiveAt(),
                a.effectiveText(), a.parties());
    }

    private static PartySummary toSummary(Party p) {
        return new PartySummary(p.code(), p.name(), p.kind());
    }
}
