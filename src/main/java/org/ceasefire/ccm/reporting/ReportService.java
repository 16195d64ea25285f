package org.ceasefire.ccm.reporting;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.criteria.JoinType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ceasefire.ccm.audit.AuditLog;
import org.ceasefire.ccm.base.CcmProperties;
import org.ceasefire.ccm.base.ConflictException;
import org.ceasefire.ccm.base.InvalidInputException;
import org.ceasefire.ccm.base.NotFoundException;
import org.ceasefire.ccm.base.Recorded;
import org.ceasefire.ccm.base.web.ApiProblems;
import org.ceasefire.ccm.reporting.domain.MonitorReport;
import org.ceasefire.ccm.reporting.domain.MonitorReportRepository;
import org.ceasefire.ccm.reporting.domain.ReportContent;
import org.ceasefire.ccm.reporting.domain.ReportValidator;
import org.ceasefire.ccm.security.AppRoles;
import org.ceasefire.ccm.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Filing and reading reports. A report is stored once however often it is sent: the client's id is the key, the
 * database's primary key makes that hold under concurrent retries, and the same report sent again is answered with
 * what was stored. Every role may read reports; monitors and supervisors file them (a supervisor's own report is
 * then reviewed by another supervisor), and only the author changes one.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ReportService {

    public static final int MAX_BATCH = 500;
    public static final int MAX_PAGE = 500;

    private final MonitorReportRepository reports;
    private final CatalogueCodes codes;
    private final CurrentUser currentUser;
    private final TransactionTemplate transactions;
    private final TransactionTemplate readOnly;
    private final AuditLog audit;
    private final Clock clock;
    private final CcmProperties properties;
    private final MeterRegistry meters;
    private final ReportViews views;

    ReportService(MonitorReportRepository reports, CatalogueCodes codes, CurrentUser currentUser,
            TransactionTemplate transactions, AuditLog audit, Clock clock, CcmProperties properties, MeterRegistry meters,
            ReportViews views) {
        this.reports = reports;
        this.codes = codes;
        this.currentUser = currentUser;
        this.transactions = transactions;
        this.readOnly = new TransactionTemplate(java.util.Objects.requireNonNull(transactions.getTransactionManager()));
        this.readOnly.setReadOnly(true);
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
        this.views = views;
        for (var area : ReportArea.values()) {
            meters.counter("ccm.reports.submitted", "area", area.name());
        }
        meters.counter("ccm.reports.replayed");
    }

    /** Files one report: 201 when stored now, 200 when the same report was stored before, 409 for another body. */
    @PreAuthorize("hasAnyRole('" + AppRoles.MONITOR + "', '" + AppRoles.SUPERVISOR + "')")
    public Recorded<ReportView> submit(ReportDraft draft) {
        var content = validator(draft).validate(draft);
        var id = java.util.Objects.requireNonNull(draft.id());
        var author = currentUser.require();
        // insert first: a new report is the usual case, and the primary key catches a repeat (then we read it back)
        try {
            var stored = transactions.execute(s -> views.view(store(List.of(new Pending(id, content)), author).getFirst()));
            return new Recorded<>(java.util.Objects.requireNonNull(stored), true);
        } catch (DataIntegrityViolationException e) {
            // the id is taken: a repeat of a stored report, or a concurrent send that won the race
            var after = readOnly.execute(s -> reports.findById(id).map(r -> replay(r, content)));
            if (after != null && after.isPresent()) {
                return new Recorded<>(after.get(), false);
            }
            throw e;
        }
    }

    /**
     * Files up to {@value #MAX_BATCH} reports, each answered on its own as if sent alone. The new, valid ones are
     * stored in one transaction; should that fail (a concurrent duplicate), each is stored on its own instead.
     */
    @PreAuthorize("hasAnyRole('" + AppRoles.MONITOR + "', '" + AppRoles.SUPERVISOR + "')")
    public List<BatchResult> submitBatch(List<ReportDraft> drafts) {
        if (drafts.size() > MAX_BATCH) {
            throw new InvalidInputException("reports", "a batch takes at most " + MAX_BATCH + " reports; this one has "
                    + drafts.size() + ". Split it.");
        }
        var author = currentUser.require();
        var results = new BatchResult[drafts.size()];
        var valid = new LinkedHashMap<UUID, Pending>();
        var firstIndex = new HashMap<UUID, Integer>();
        var duplicatesInBatch = new ArrayList<Integer>();
        for (int i = 0; i < drafts.size(); i++) {
            var draft = drafts.get(i);
            try {
                var content = validator(draft).validate(draft);
                var id = java.util.Objects.requireNonNull(draft.id());
                if (valid.containsKey(id)) {
                    duplicatesInBatch.add(i);
                    if (!valid.get(id).content().fingerprint().equals(content.fingerprint())) {
                        results[i] = conflict(id);
                    }
                    continue;
                }
                valid.put(id, new Pending(id, content));
                firstIndex.put(id, i);
            } catch (InvalidInputException e) {
                results[i] = new BatchResult(draft.id(), 400, ApiProblems.invalid(e.getMessage(), e.problems()));
            }
        }
        var existing = readOnly.execute(s -> reports.findAllById(valid.keySet()).stream()
                .collect(Collectors.toMap(MonitorReport::id, r -> r)));
        var fresh = new ArrayList<Pending>();
        for (var pending : valid.values()) {
            var stored = existing == null ? null : existing.get(pending.id());
            var index = firstIndex.get(pending.id());
            if (stored == null) {
                fresh.add(pending);
            } else if (stored.createHash().equals(pending.content().fingerprint())) {
                meters.counter("ccm.reports.replayed").increment();
                results[index] = new BatchResult(pending.id(), 200, null);
            } else {
                results[index] = conflict(pending.id());
            }
        }
        if (!fresh.isEmpty()) {
            try {
                transactions.executeWithoutResult(s -> store(fresh, author));
                fresh.forEach(p -> results[firstIndex.get(p.id())] = new BatchResult(p.id(), 201, null));
            } catch (DataIntegrityViolationException e) {
                for (var p : fresh) {
                    results[firstIndex.get(p.id())] = single(p, author);
                }
            }
        }
        for (var i : duplicatesInBatch) {
            if (results[i] == null) {
                results[i] = new BatchResult(drafts.get(i).id(), 200, null);
            }
        }
        return List.of(results);
    }

    /** The author corrects a report that is still under review or was returned; it goes back into the queue. */
    @PreAuthorize("hasAnyRole('" + AppRoles.MONITOR + "', '" + AppRoles.SUPERVISOR + "')")
    public ReportView update(UUID id, ReportDraft draft, @Nullable Long expectedVersion) {
        if (draft.id() != null && !draft.id().equals(id)) {
            throw new InvalidInputException("id", "differs from the report's id in the address");
        }
        var withId = new ReportDraft(id, draft.agreement(), draft.obligations(), draft.area(), draft.observedAt(),
                draft.observedUntil(), draft.location(), draft.summary(), draft.source(), draft.details());
        var content = validator(withId).validate(withId);
        var author = currentUser.require();
        return java.util.Objects.requireNonNull(transactions.execute(s -> {
            var report = find(id);
            if (expectedVersion != null && expectedVersion != report.version()) {
                throw new ConflictException("Report " + id + " was changed meanwhile (it was reviewed, or edited"
                        + " elsewhere). Reload it and apply your correction again.");
            }
            var before = views.view(report);
            report.resubmit(content, author, now());
            var saved = reports.saveAndFlush(report);
            var after = views.view(saved);
            audit.record(author, "REPORT_EDITED", "report", id.toString(), before, after);
            return after;
        }));
    }

    public ReportView get(UUID id) {
        return java.util.Objects.requireNonNull(readOnly.execute(s -> views.view(find(id))));
    }

    /** Reports matching the filter, most recently observed first. */
    public ReportPage<ReportView> search(ReportFilter filter, int page, int size) {
        return page(filter, page, size, Sort.by(Sort.Order.desc("observedAt"), Sort.Order.asc("id")));
    }

    /** The signed-in user's own reports, newest first. */
    public ReportPage<ReportView> mine(int page, int size) {
        var me = currentUser.require();
        var f = new ReportFilter(null, null, null, null, null, me, null);
        return page(f, page, size, Sort.by(Sort.Order.desc("receivedAt"), Sort.Order.asc("id")));
    }

    /** The source this user named last, so the form can offer it again. */
    public Optional<ReportView.Source> lastSourceOfCurrentUser() {
        var me = currentUser.require();
        return readOnly.execute(s -> reports.findFirstBySubmittedByOrderByReceivedAtDesc(me).map(r -> views.view(r).source()));
    }

    /**
     * Other sources' reports in the same area for the same local day, so that a reviewer sees conflicting claims
     * side by side. Rejected reports are left out.
     */
    public List<ReportView> sameAreaAndDay(UUID id) {
        return java.util.Objects.requireNonNull(readOnly.execute(s -> {
            var report = find(id);
            var day = report.observedAt().atZone(properties.zone()).toLocalDate();
            var from = day.atStartOfDay(properties.zone()).toInstant();
            var to = day.plusDays(1).atStartOfDay(properties.zone()).toInstant();
            var source = report.content().sourceName();
            return reports.findSameAreaAndPeriod(report.area(), from, to, id, PageRequest.of(0, 200)).stream()
                    .filter(other -> !other.content().sourceName().equalsIgnoreCase(source))
                    .limit(50)
                    .map(views::view).toList();
        }));
    }

    ReportPage<ReportView> page(ReportFilter filter, int page, int size, Sort sort) {
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE) {
            throw new InvalidInputException("size", "must be 1 to " + MAX_PAGE);
        }
        if ((long) page * size > 1_000_000_000L) {
            throw new InvalidInputException("page", "is beyond any list this service keeps; narrow the filter instead");
        }
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw new InvalidInputException("to", "is before from");
        }
        return java.util.Objects.requireNonNull(readOnly.execute(s -> {
            var result = reports.findAll(specification(filter), PageRequest.of(page, size, sort));
            return new ReportPage<>(result.map(views::view).toList(), page, size, result.getTotalElements());
        }));
    }

    private Specification<MonitorReport> specification(ReportFilter f) {
        var zone = properties.zone();
        return (root, query, cb) -> {
            var where = new ArrayList<jakarta.persistence.criteria.Predicate>();
            if (f.area() != null) {
                where.add(cb.equal(root.get("area"), f.area()));
            }
            if (f.status() != null) {
                where.add(cb.equal(root.get("status"), f.status()));
            }
            if (f.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("observedAt"), f.from().atStartOfDay(zone).toInstant()));
            }
            if (f.to() != null) {
                where.add(cb.lessThan(root.get("observedAt"), f.to().plusDays(1).atStartOfDay(zone).toInstant()));
            }
            if (f.obligation() != null) {
                var obligations = root.join("obligations", JoinType.INNER);
                where.add(cb.equal(obligations, f.obligation()));
                if (query != null) {
                    query.distinct(true);
                }
            }
            if (f.submittedBy() != null) {
                where.add(cb.equal(root.get("submittedBy"), f.submittedBy()));
            }
            if (f.source() != null) {
                where.add(cb.like(cb.lower(root.get("sourceName")), "%" + f.source().toLowerCase() + "%"));
            }
            return cb.and(where.toArray(jakarta.persistence.criteria.Predicate[]::new));
        };
    }

    private BatchResult single(Pending p, String author) {
        try {
            var existing = readOnly.execute(s -> reports.findById(p.id()).map(r -> r.createHash()));
            if (existing != null && existing.isPresent()) {
                return existing.get().equals(p.content().fingerprint()) ? new BatchResult(p.id(), 200, null) : conflict(p.id());
            }
            transactions.executeWithoutResult(s -> store(List.of(p), author));
            return new BatchResult(p.id(), 201, null);
        } catch (DataIntegrityViolationException e) {
            var after = readOnly.execute(s -> reports.findById(p.id()).map(r -> r.createHash()));
            if (after != null && after.isPresent() && after.get().equals(p.content().fingerprint())) {
                return new BatchResult(p.id(), 200, null);
            }
            return conflict(p.id());
        }
    }

    private List<MonitorReport> store(List<Pending> pending, String author) {
        var now = now();
        var created = pending.stream().map(p -> new MonitorReport(p.id(), p.content(), author, now)).toList();
        var saved = reports.saveAll(created);
        reports.flush();
        var result = new ArrayList<MonitorReport>(saved.size());
        var changes = new ArrayList<AuditLog.Change>(saved.size());
        for (var report : saved) {
            // the report row holds the content; the chain holds its fingerprint, so an altered report is detectable
            changes.add(new AuditLog.Change("REPORT_SUBMITTED", "report", report.id().toString(), null,
                    new SubmittedDigest(report.id(), report.area(), report.observedAt(), report.status(),
                            report.submittedBy(), report.receivedAt(), report.createHash())));
            meters.counter("ccm.reports.submitted", "area", report.area().name()).increment();
            result.add(report);
        }
        audit.recordAll(author, changes);
        return result;
    }

    private ReportView replay(MonitorReport stored, ReportContent content) {
        if (!stored.createHash().equals(content.fingerprint())) {
            throw new ConflictException("The id " + stored.id() + " was already used for a different report. Send the"
                    + " same report to repeat it, or a new id for a new report.");
        }
        meters.counter("ccm.reports.replayed").increment();
        return views.view(stored);
    }

    private static BatchResult conflict(UUID id) {
        return new BatchResult(id, 409, ApiProblems.of(HttpStatus.CONFLICT, "Conflict", "The id " + id
                + " was already used for a different report. Send the same report to repeat it, or a new id for a new report."));
    }

    private MonitorReport find(UUID id) {
        return reports.findById(id).orElseThrow(() -> new NotFoundException("There is no report with the id " + id + "."));
    }

    private ReportValidator validator(ReportDraft draft) {
        var agreement = draft.agreement() == null ? "" : draft.agreement().strip();
        var obligationCodes = agreement.isEmpty() ? java.util.Set.<String>of() : codes.obligationCodes(agreement);
        return new ReportValidator(!obligationCodes.isEmpty(), obligationCodes, codes.partyCodes(), clock.instant());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private record Pending(UUID id, ReportContent content) {}

    /** What the audit chain records of a new report: its identity and the fingerprint of its content. */
    record SubmittedDigest(UUID id, ReportArea area, Instant observedAt, ReportStatus status, String submittedBy,
            Instant receivedAt, String contentSha256) {}
}
