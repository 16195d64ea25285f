package org.ceasefire.ccm.agreement;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.ceasefire.ccm.agreement.domain.DeadlineAmendment;
import org.ceasefire.ccm.agreement.domain.DeadlineAmendmentRepository;
import org.ceasefire.ccm.agreement.domain.Obligation;
import org.ceasefire.ccm.agreement.domain.ObligationRepository;
import org.ceasefire.ccm.agreement.domain.PartyRepository;
import org.ceasefire.ccm.agreement.domain.StatusDecision;
import org.ceasefire.ccm.agreement.domain.StatusDecisionRepository;
import static org.ceasefire.ccm.base.Hashes.sha256;
import org.ceasefire.ccm.audit.AuditLog;
import org.ceasefire.ccm.base.ConflictException;
import org.ceasefire.ccm.base.Recorded;
import org.ceasefire.ccm.base.FieldProblem;
import org.ceasefire.ccm.base.InvalidInputException;
import org.ceasefire.ccm.base.NotFoundException;
import org.ceasefire.ccm.security.AppRoles;
import org.ceasefire.ccm.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Obligations: read by every role; judged and re-dated by supervisors. Writes are idempotent on a client-chosen id
 * (the same request again returns what was stored; another request under the same id is refused) and refuse an edit
 * based on an outdated version.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ObligationService {

    /** How far in the future an {@code effectiveAt} may lie, to allow for clocks that run a little fast. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final ObligationRepository obligations;
    private final StatusDecisionRepository decisions;
    private final DeadlineAmendmentRepository amendments;
    private final PartyRepository parties;
    private final VerifiedReports verifiedReports;
    private final CurrentUser currentUser;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ObligationReadModel readModel;
    private final MeterRegistry meters;
    private final AuditLog audit;

    ObligationService(ObligationRepository obligations, StatusDecisionRepository decisions,
            DeadlineAmendmentRepository amendments, PartyRepository parties, VerifiedReports verifiedReports,
            CurrentUser currentUser, TransactionTemplate transactions, Clock clock, ObligationReadModel readModel,
            MeterRegistry meters, AuditLog audit) {
        this.audit = audit;
        this.obligations = obligations;
        this.decisions = decisions;
        this.amendments = amendments;
        this.parties = parties;
        this.verifiedReports = verifiedReports;
        this.currentUser = currentUser;
        this.transactions = transactions;
        this.clock = clock;
        this.readModel = readModel;
        this.meters = meters;
        // registered up front so that dashboards see a zero rather than a missing series
        for (var status : ObligationStatus.values()) {
            meters.counter("ccm.obligation.decisions", "status", status.name());
        }
        meters.counter("ccm.obligation.amendments");
    }

    @Transactional(readOnly = true)
    public List<ObligationSummary> list(String agreement) {
        var list = obligations.findByAgreementCodeOrderBySortOrderAsc(agreement);
        if (list.isEmpty()) {
            throw new NotFoundException("There is no agreement with the code '" + agreement + "'.");
        }
        var now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return list.stream().filter(Obligation::inCatalogue).map(o -> readModel.summary(o, now)).toList();
    }

    /**
     * The agreement's obligations as they stood at {@code asOf} in the world: decisions effective and amendments
     * decided by then, timeliness judged at that instant. Null means now, as it stands.
     */
    @Transactional(readOnly = true)
    public List<ObligationSummary> listAsOf(String agreement, @Nullable Instant asOf) {
        if (asOf == null) {
            return list(agreement);
        }
        var list = obligations.findByAgreementCodeOrderBySortOrderAsc(agreement);
        if (list.isEmpty()) {
            throw new NotFoundException("There is no agreement with the code '" + agreement + "'.");
        }
        return list.stream().filter(Obligation::inCatalogue).map(o -> readModel.summaryAsOf(o, asOf)).toList();
    }

    /**
     * The timeliness of an obligation had it been completed at {@code completedAt} (null: not completed), judged
     * at {@code at}: for a handover that reports show done before any status decision says so.
     */
    public Timeliness assess(ObligationSummary obligation, @Nullable Instant completedAt, Instant at) {
        return readModel.assess(obligation, completedAt, at);
    }

    @Transactional(readOnly = true)
    public ObligationDetails get(String agreement, String code) {
        return readModel.details(find(agreement, code), clock.instant());
    }

    /**
     * Records a status decision.
     *
     * @param expectedVersion the obligation version the supervisor saw, or null to skip that check
     */
    @PreAuthorize("hasRole('" + AppRoles.SUPERVISOR + "')")
    public Recorded<StatusDecisionEntry> decide(String agreement, String code, NewStatusDecision decision,
            @Nullable Long expectedVersion) {
        var problems = new ArrayList<FieldProblem>();
        var justification = decision.justification() == null ? "" : decision.justification().strip();
        if (justification.isEmpty()) {
            problems.add(new FieldProblem("justification", "is required: say why, and cite what the judgement rests on"));
        } else if (justification.length() > NewStatusDecision.MAX_JUSTIFICATION) {
            problems.add(new FieldProblem("justification", "is longer than " + NewStatusDecision.MAX_JUSTIFICATION + " characters"));
        }
        if (decision.status() == null) {
            problems.add(new FieldProblem("status", "is required: choose the status the obligation is in"));
        }
        var level = decision.implementationLevel();
        if (level != null && (level < 0 || level > 3)) {
            problems.add(new FieldProblem("implementationLevel", "must be 0 (not initiated), 1 (minimal), 2 (intermediate) or 3 (full)"));
        } else if (level != null && decision.status() != null && !decision.status().allowsLevel(level)) {
            problems.add(new FieldProblem("implementationLevel", "level " + level + " does not agree with "
                    + decision.status() + " (not started is 0, in progress or partially fulfilled 1-2, fulfilled 3)"));
        }
        var now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        var effectiveAt = decision.effectiveAt() != null ? decision.effectiveAt() : now;
        if (effectiveAt.isAfter(now.plus(CLOCK_SKEW))) {
            problems.add(new FieldProblem("effectiveAt", "lies in the future; a decision judges a state that has begun"));
        }
        var evidence = new ArrayList<>(new LinkedHashSet<>(decision.evidence() == null ? List.<UUID>of() : decision.evidence()));
        if (!evidence.isEmpty()) {
            var verified = verifiedReports.verifiedAmong(evidence);
            var refused = evidence.stream().filter(id -> !verified.contains(id)).toList();
            if (!refused.isEmpty()) {
                problems.add(new FieldProblem("evidence", "only verified reports can be cited; not verified or unknown: " + refused));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The decision was not recorded: " + describe(problems), problems);
        }
        var id = decision.id() != null ? decision.id() : UUID.randomUUID();
        var status = java.util.Objects.requireNonNull(decision.status());
        var hash = sha256(String.join("|", agreement, code, status.name(), String.valueOf(level), justification,
                evidence.toString(), String.valueOf(decision.effectiveAt())));
        var actor = currentUser.require();
        return idempotent(() -> decisions.findById(id).map(existing -> replay(existing.requestHash(), hash, id,
                        () -> toEntry(existing))),
                () -> {
                    var obligation = find(agreement, code);
                    checkVersion(obligation, expectedVersion);
                    if (effectiveAt.isBefore(obligation.agreement().effectiveAt())) {
                        throw new InvalidInputException("effectiveAt", "is before the agreement took effect ("
                                + obligation.agreement().effectiveAt() + ")");
                    }
                    var stored = obligation.decide(id, status, level, justification, evidence, effectiveAt,
                            actor, now, hash);
                    decisions.save(stored);
                    obligations.saveAndFlush(obligation);
                    audit.record(actor, "STATUS_DECIDED", "obligation", agreement + "/" + code, null, toEntry(stored));
                    meters.counter("ccm.obligation.decisions", "status", status.name()).increment();
                    return toEntry(stored);
                });
    }

    /** Records an agreed change of deadline. */
    @PreAuthorize("hasRole('" + AppRoles.SUPERVISOR + "')")
    public Recorded<DeadlineAmendmentEntry> amend(String agreement, String code, NewDeadlineAmendment amendment,
            @Nullable Long expectedVersion) {
        var problems = new ArrayList<FieldProblem>();
        var registered = parties.findAll().stream().map(p -> p.code()).collect(Collectors.toSet());
        var requestedBy = amendment.requestedBy() == null ? "" : amendment.requestedBy().strip();
        if (requestedBy.isEmpty()) {
            problems.add(new FieldProblem("requestedBy", "is required: the party code of whoever asked for the change"));
        } else if (!registered.contains(requestedBy)) {
            problems.add(new FieldProblem("requestedBy", "'" + requestedBy + "' is not a registered party code"));
        }
        var agreedBy = amendment.agreedBy() == null ? List.<String>of() : amendment.agreedBy().stream()
                .filter(Objects::nonNull).map(String::strip).distinct().toList();
        if (agreedBy.isEmpty()) {
            problems.add(new FieldProblem("agreedBy", "needs at least one party code: who agreed to the change"));
        }
        agreedBy.stream().filter(p -> !registered.contains(p)).forEach(p ->
                problems.add(new FieldProblem("agreedBy", "'" + p + "' is not a registered party code")));
        var mediatedBy = amendment.mediatedBy() == null || amendment.mediatedBy().isBlank() ? null : amendment.mediatedBy().strip();
        if (mediatedBy != null && !registered.contains(mediatedBy)) {
            problems.add(new FieldProblem("mediatedBy", "'" + mediatedBy + "' is not a registered party code"));
        }
        var source = amendment.source() == null ? "" : amendment.source().strip();
        if (source.isEmpty() || source.length() > NewDeadlineAmendment.MAX_SOURCE) {
            problems.add(new FieldProblem("source", "is required (a citation: where the change is documented), at most "
                    + NewDeadlineAmendment.MAX_SOURCE + " characters"));
        }
        var note = amendment.note() == null || amendment.note().isBlank() ? null : amendment.note().strip();
        if (note != null && note.length() > NewDeadlineAmendment.MAX_NOTE) {
            problems.add(new FieldProblem("note", "is longer than " + NewDeadlineAmendment.MAX_NOTE + " characters"));
        }
        var now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (amendment.newDueAt() == null) {
            problems.add(new FieldProblem("newDueAt", "is required: the new deadline, as a day or an instant with an offset"));
        }
        if (amendment.decidedAt() == null) {
            problems.add(new FieldProblem("decidedAt", "is required: when the parties agreed to the change"));
        } else if (amendment.decidedAt().isAfter(now.plus(CLOCK_SKEW))) {
            problems.add(new FieldProblem("decidedAt", "lies in the future; record an amendment once it is agreed"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The amendment was not recorded: " + describe(problems), problems);
        }
        var id = amendment.id() != null ? amendment.id() : UUID.randomUUID();
        var newDueAt = java.util.Objects.requireNonNull(amendment.newDueAt());
        var decidedAt = java.util.Objects.requireNonNull(amendment.decidedAt());
        var hash = sha256(String.join("|", agreement, code, newDueAt.toString(), requestedBy, agreedBy.toString(),
                String.valueOf(mediatedBy), decidedAt.toString(), source, String.valueOf(note)));
        var actor = currentUser.require();
        return idempotent(() -> amendments.findById(id).map(existing -> replay(existing.requestHash(), hash, id,
                        () -> toEntry(existing))),
                () -> {
                    var obligation = find(agreement, code);
                    checkVersion(obligation, expectedVersion);
                    if (obligation.kind() != ObligationKind.DEADLINE) {
                        throw new ConflictException("Obligation " + code + " is " + obligation.kind()
                                + " and has no deadline to amend.");
                    }
                    if (newDueAt.equals(obligation.currentDueAt())) {
                        throw new InvalidInputException("newDueAt", "is the deadline already in force; nothing to amend");
                    }
                    var stored = obligation.amendDeadline(id, newDueAt, requestedBy, agreedBy, mediatedBy,
                            decidedAt, source, note, actor, now, hash);
                    amendments.save(stored);
                    obligations.saveAndFlush(obligation);
                    audit.record(actor, "DEADLINE_AMENDED", "obligation", agreement + "/" + code, null, toEntry(stored));
                    meters.counter("ccm.obligation.amendments").increment();
                    return toEntry(stored);
                });
    }

    /**
     * Runs a write once per idempotency key: a stored result under the key is replayed. When the write fails, a
     * concurrent duplicate may have won the race (it hit the primary key or the version first, or it changed the
     * state this write checked, such as the deadline in force), so the key is looked up again before the failure
     * is reported: the same request is then answered with the winner's result.
     */
    private <T> Recorded<T> idempotent(Supplier<java.util.Optional<T>> lookup, Supplier<T> write) {
        var replay = transactions.execute(s -> lookup.get());
        if (replay != null && replay.isPresent()) {
            return new Recorded<>(replay.get(), false);
        }
        try {
            return new Recorded<>(Objects.requireNonNull(transactions.execute(s -> write.get())), true);
        } catch (DataIntegrityViolationException | OptimisticLockingFailureException | InvalidInputException
                | ConflictException e) {
            var after = transactions.execute(s -> lookup.get());
            if (after != null && after.isPresent()) {
                return new Recorded<>(after.get(), false);
            }
            throw e;
        }
    }

    private static <T> T replay(String storedHash, String hash, UUID id, Supplier<T> stored) {
        if (!storedHash.equals(hash)) {
            throw new ConflictException("The id " + id + " was already used for a different request. Send the same"
                    + " request to repeat it, or a new id for a new one.");
        }
        return stored.get();
    }

    private static void checkVersion(Obligation obligation, @Nullable Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != obligation.version()) {
            throw new ConflictException("Obligation " + obligation.code() + " was changed by someone else while you"
                    + " were working on it. Reload it, check their change and try again.");
        }
    }

    private Obligation find(String agreement, String code) {
        return obligations.findByAgreementCodeAndCode(agreement, code)
                .orElseThrow(() -> new NotFoundException("Agreement '" + agreement + "' has no obligation '" + code + "'."));
    }

    static StatusDecisionEntry toEntry(StatusDecision d) {
        return new StatusDecisionEntry(d.id(), d.status(), d.implementationLevel(), d.justification(), d.evidence(),
                d.decidedBy(), d.decidedAt(), d.effectiveAt());
    }

    static DeadlineAmendmentEntry toEntry(DeadlineAmendment a) {
        return new DeadlineAmendmentEntry(a.id(), a.previousDueAt(), a.newDueAt(), a.requestedBy(), a.agreedBy(),
                a.mediatedBy(), a.decidedAt(), a.source(), a.note(), a.recordedBy(), a.recordedAt());
    }

    private static String describe(List<FieldProblem> problems) {
        return String.join("; ", problems.stream().map(p -> p.field() + " " + p.message()).toList()) + ".";
    }

}
