package org.ceasefire.ccm.agreement.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.ceasefire.ccm.agreement.AgreementDetails;
import org.ceasefire.ccm.agreement.AgreementService;
import org.ceasefire.ccm.agreement.AgreementSummary;
import org.ceasefire.ccm.agreement.DeadlineAmendmentEntry;
import org.ceasefire.ccm.agreement.NewDeadlineAmendment;
import org.ceasefire.ccm.agreement.NewStatusDecision;
import org.ceasefire.ccm.agreement.ObligationDetails;
import org.ceasefire.ccm.agreement.ObligationService;
import org.ceasefire.ccm.agreement.ObligationStatus;
import org.ceasefire.ccm.agreement.ObligationSummary;
import org.ceasefire.ccm.agreement.PartySummary;
import org.ceasefire.ccm.agreement.StatusDecisionEntry;
import org.ceasefire.ccm.base.CcmProperties;
import org.ceasefire.ccm.base.FieldProblem;
import org.ceasefire.ccm.base.InvalidInputException;
import org.ceasefire.ccm.base.web.ApiResponses;
import org.ceasefire.ccm.base.Instants;
import org.ceasefire.ccm.security.AppRoles;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agreement catalogue, obligations, status decisions and deadline amendments over HTTP. Writes check the role
 * before the body is read, so a wrong role is a 403 whatever it sends; the services check again.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Agreements and obligations")
class AgreementController {

    private final AgreementService agreements;
    private final ObligationService obligations;
    private final CcmProperties properties;

    AgreementController(AgreementService agreements, ObligationService obligations, CcmProperties properties) {
        this.agreements = agreements;
        this.obligations = obligations;
        this.properties = properties;
    }

    @GetMapping("/agreements")
    @Operation(summary = "All agreements in the catalogue")
    List<AgreementSummary> agreements() {
        return agreements.list();
    }

    @GetMapping("/agreements/{agreement}")
    @Operation(summary = "One agreement with its points, signatories and text variants")
    AgreementDetails agreement(@PathVariable String agreement) {
        return agreements.get(agreement);
    }

    @GetMapping("/agreements/{agreement}/obligations")
    @Operation(summary = "The agreement's obligations with status and timeliness")
    List<ObligationSummary> obligations(@PathVariable String agreement) {
        return obligations.list(agreement);
    }

    @GetMapping("/agreements/{agreement}/obligations/{code}")
    @Operation(summary = "One obligation with its status history and deadline amendments")
    ObligationDetails obligation(@PathVariable String agreement, @PathVariable String code) {
        return obligations.get(agreement, code);
    }

    @PostMapping("/agreements/{agreement}/obligations/{code}/status")
    @PreAuthorize("hasRole('" + AppRoles.SUPERVISOR + "')")
    @Operation(summary = "Record a status decision (SUPERVISOR)",
            description = "201 when stored; 200 when the same id and body were stored before; 409 when the id was used"
                    + " for another body, or when If-Match names an outdated version.")
    ResponseEntity<StatusDecisionEntry> decide(@PathVariable String agreement, @PathVariable String code,
            @RequestBody StatusDecisionRequest request,
            @Parameter(description = "the obligation version the decision was based on") @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return ApiResponses.recorded(obligations.decide(agreement, code, request.toCommand(), ApiResponses.ifMatchVersion(ifMatch)));
    }

    @PostMapping("/agreements/{agreement}/obligations/{code}/deadline-amendments")
    @PreAuthorize("hasRole('" + AppRoles.SUPERVISOR + "')")
    @Operation(summary = "Record an agreed deadline change (SUPERVISOR)",
            description = "newDueAt is an instant with an offset, or a day meaning its end (23:59:59) in the local zone.")
    ResponseEntity<DeadlineAmendmentEntry> amend(@PathVariable String agreement, @PathVariable String code,
            @RequestBody DeadlineAmendmentRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return ApiResponses.recorded(obligations.amend(agreement, code, request.toCommand(properties), ApiResponses.ifMatchVersion(ifMatch)));
    }

    @GetMapping("/parties")
    @Operation(summary = "The register of parties and actors")
    List<PartySummary> parties() {
        return agreements.parties();
    }

    @PostMapping("/parties")
    @PreAuthorize("hasRole('" + AppRoles.ADMIN + "')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a party or actor to the register (ADMIN)")
    PartySummary addParty(@RequestBody PartyRequest request) {
        return agreements.addParty(request.code(), request.name(), request.kind());
    }



    record PartyRequest(@Nullable String code, @Nullable String name, @Nullable String kind) {}

    record StatusDecisionRequest(@Nullable UUID id, @Nullable String status, @Nullable Integer implementationLevel,
            @Nullable String justification, @Nullable List<UUID> evidence, @Nullable String effectiveAt) {

        NewStatusDecision toCommand() {
            var problems = new ArrayList<FieldProblem>();
            ObligationStatus parsed = null;
            if (status == null || status.isBlank()) {
                problems.add(new FieldProblem("status", "is required, one of " + List.of(ObligationStatus.values())));
            } else {
                try {
                    parsed = ObligationStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem("status", "'" + status + "' is not one of " + List.of(ObligationStatus.values())));
                }
            }
            java.time.Instant effective = null;
            if (effectiveAt != null) {
                try {
                    effective = Instants.parseInstant("effectiveAt", effectiveAt);
                } catch (InvalidInputException e) {
                    problems.addAll(e.problems());
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException("The decision was not recorded.", problems);
            }
            return new NewStatusDecision(id, parsed, implementationLevel, justification == null ? "" : justification,
                    evidence == null ? List.of() : evidence, effective);
        }
    }

    record DeadlineAmendmentRequest(@Nullable UUID id, @Nullable String newDueAt, @Nullable String requestedBy,
            @Nullable List<String> agreedBy, @Nullable String mediatedBy, @Nullable String decidedAt,
            @Nullable String source, @Nullable String note) {

        NewDeadlineAmendment toCommand(CcmProperties properties) {
            var problems = new ArrayList<FieldProblem>();
            java.time.Instant due = null;
            java.time.Instant decided = null;
            try {
                due = Instants.parseInstantOrDay("newDueAt", newDueAt, properties.zone());
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
            try {
                decided = Instants.parseInstant("decidedAt", decidedAt);
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException("The amendment was not recorded.", problems);
            }
            return new NewDeadlineAmendment(id, due, requestedBy == null ? "" : requestedBy,
                    agreedBy == null ? List.of() : agreedBy, mediatedBy, decided, source == null ? "" : source, note);
        }
    }
}
