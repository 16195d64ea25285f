package org.ceasefire.ccm.agreement.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.ceasefire.ccm.base.AssignedIdEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One line of an obligation's deadline ledger. Never edited. */
@Entity
@Table(name = "deadline_amendment")
public class DeadlineAmendment extends AssignedIdEntity<DeadlineAmendment, UUID> {


    @Id
    @Column(name = "id", nullable = false)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "obligation_id", nullable = false, updatable = false)
    private Obligation obligation;

    @Column(name = "position", nullable = false, updatable = false)
    private int position;

    @Column(name = "previous_due_at", nullable = false, updatable = false)
    private Instant previousDueAt;

    @Column(name = "new_due_at", nullable = false, updatable = false)
    private Instant newDueAt;

    @Column(name = "requested_by", nullable = false, length = 16, updatable = false)
    private String requestedBy;

    @ElementCollection
    @CollectionTable(name = "deadline_amendment_agreed_by", joinColumns = @JoinColumn(name = "amendment_id"))
    @OrderColumn(name = "position")
    @Column(name = "party_code", nullable = false, length = 16)
    private List<String> agreedBy = new ArrayList<>();

    @Column(name = "mediated_by", length = 16, updatable = false)
    private @Nullable String mediatedBy;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private Instant decidedAt;

    @Column(name = "source", nullable = false, length = 2000, updatable = false)
    private String source;

    @Column(name = "note", length = 4000, updatable = false)
    private @Nullable String note;

    @Column(name = "recorded_by", nullable = false, length = 64, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "request_hash", nullable = false, length = 64, updatable = false)
    private String requestHash;

    protected DeadlineAmendment() {
        this.id = new UUID(0, 0);
        this.obligation = new Obligation();
        this.previousDueAt = Instant.EPOCH;
        this.newDueAt = Instant.EPOCH;
        this.requestedBy = "";
        this.decidedAt = Instant.EPOCH;
        this.source = "";
        this.recordedBy = "";
        this.recordedAt = Instant.EPOCH;
        this.requestHash = "";
    }

    DeadlineAmendment(UUID id, Obligation obligation, int position, Instant previousDueAt, Instant newDueAt,
            String requestedBy, List<String> agreedBy, @Nullable String mediatedBy, Instant decidedAt, String source,
            @Nullable String note, String recordedBy, Instant recordedAt, String requestHash) {
        if (agreedBy.isEmpty()) {
            throw new IllegalArgumentException("An amendment needs at least one party that agreed to it");
        }
        if (source.isBlank()) {
            throw new IllegalArgumentException("An amendment needs a source");
        }
        this.id = id;
        this.obligation = obligation;
        this.position = position;
        this.previousDueAt = previousDueAt;
        this.newDueAt = newDueAt;
        this.requestedBy = requestedBy;
        this.agreedBy.addAll(agreedBy);
        this.mediatedBy = mediatedBy;
        this.decidedAt = decidedAt;
        this.source = source;
        this.note = note;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
        this.requestHash = requestHash;
    }

    @Override
    public UUID getId() { return id; }

    public UUID id() { return id; }
    public int position() { return position; }
    public Instant previousDueAt() { return previousDueAt; }
    public Instant newDueAt() { return newDueAt; }
    public String requestedBy() { return requestedBy; }
    public List<String> agreedBy() { return List.copyOf(agreedBy); }
    public @Nullable String mediatedBy() { return mediatedBy; }
    public Instant decidedAt() { return decidedAt; }
    public String source() { return source; }
    public @Nullable String note() { return note; }
    public String recordedBy() { return recordedBy; }
    public Instant recordedAt() { return recordedAt; }
    public String requestHash() { return requestHash; }
}
