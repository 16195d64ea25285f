package org.ceasefire.ccm.audit;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.ceasefire.ccm.audit.domain.AuditEntry;
import org.ceasefire.ccm.audit.domain.AuditEntryRepository;
import org.ceasefire.ccm.audit.domain.AuditHeadRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to the audit chain inside the caller's transaction, so an entry exists exactly when its change does.
 * Reading and verifying the chain is for administrators.
 */
@Service
public class AuditLog {

    private static final String ADMIN = "hasRole('ADMIN')";

    private final AuditEntryRepository entries;
    private final AuditHeadRepository head;
    private final Clock clock;
    private final MeterRegistry meters;
    private final JsonMapper json = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    AuditLog(AuditEntryRepository entries, AuditHeadRepository head, Clock clock, MeterRegistry meters) {
        this.entries = entries;
        this.head = head;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Records one change. Must run inside the transaction that makes the change.
     *
     * @param before the state before (null for a creation), serialised as canonical JSON
     * @param after the state after (null for a deletion)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String objectType, String objectId, @Nullable Object before,
            @Nullable Object after) {
        recordAll(actor, List.of(new Change(action, objectType, objectId, before, after)));
    }

    /** Records several changes of one transaction, taking the chain's lock once. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(String actor, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        var last = head.lockHead().orElseThrow(() -> new IllegalStateException("The audit head row is missing"));
        var at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var batch = new java.util.ArrayList<AuditEntry>(changes.size());
        var seq = last.lastSeq();
        var prev = last.lastHash();
        for (var c : changes) {
            var entry = new AuditEntry(++seq, at, actor, c.action(), c.objectType(), c.objectId(), toJson(c.before()),
                    toJson(c.after()), prev);
            batch.add(entry);
            prev = entry.hash();
            meters.counter("ccm.audit.entries", "action", c.action()).increment();
        }
        entries.saveAll(batch);
        last.advance(batch.getLast());
    }

    /** One change to record: what was done to which object, and its state before and after. */
    public record Change(String action, String objectType, String objectId, @Nullable Object before, @Nullable Object after) {}

    /** Records a change in a transaction of its own, for events that have none (a failed login). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAlone(String actor, String action, String objectType, String objectId, @Nullable Object after) {
        record(actor, action, objectType, objectId, null, after);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(ADMIN)
    public List<AuditEntryView> latest(int page, int size) {
        return entries.findAllByOrderBySeqDesc(PageRequest.of(page, size)).map(AuditLog::toView).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(ADMIN)
    public List<AuditEntryView> forObject(String objectType, String objectId) {
        return entries.findByObjectTypeAndObjectIdOrderBySeqDesc(objectType, objectId, PageRequest.of(0, 500))
                .map(AuditLog::toView).toList();
    }

    /**
     * Walks the chain from the first entry: every entry must hash to its stored hash, link to its predecessor's
     * hash, follow it in sequence without gaps, and the last must match the head. Any altered, inserted or deleted
     * entry breaks one of these.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(ADMIN)
    public AuditVerification verify() {
        var now = clock.instant();
        var headRow = head.findById(1).orElseThrow();
        var expectedPrev = "0".repeat(64);
        var expectedSeq = 1L;
        var count = 0L;
        try (var stream = entries.streamAll()) {
            for (var it = stream.iterator(); it.hasNext(); ) {
                var e = it.next();
                if (e.seq() != expectedSeq) {
                    return new AuditVerification(false, count, expectedSeq, "entry " + expectedSeq + " is missing", now);
                }
                if (!e.prevHash().equals(expectedPrev)) {
                    return new AuditVerification(false, count, e.seq(), "entry " + e.seq() + " does not link to its predecessor", now);
                }
                if (!e.computeHash().equals(e.hash())) {
                    return new AuditVerification(false, count, e.seq(), "entry " + e.seq() + " was altered after it was written", now);
                }
                expectedPrev = e.hash();
                expectedSeq++;
                count++;
            }
        }
        if (headRow.lastSeq() != count || !headRow.lastHash().equals(expectedPrev)) {
            return new AuditVerification(false, count, count + 1, "the chain ends at entry " + count + " but the head says "
                    + headRow.lastSeq() + ": entries were deleted from the end", now);
        }
        return new AuditVerification(true, count, null, null, now);
    }

    private @Nullable String toJson(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof String s ? s : json.writeValueAsString(value);
    }

    private static AuditEntryView toView(AuditEntry e) {
        return new AuditEntryView(e.seq(), e.recordedAt(), e.actor(), e.action(), e.objectType(), e.objectId(), e.before(),
                e.after(), e.hash());
    }
}
