package org.ceasefire.ccm.agreement.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
import org.ceasefire.ccm.agreement.ObligationStatus;

/** A recorded judgement of an obligation. Never edited: a correction is a new decision. */
@Entity
@Table(name = "status_decision")
public class StatusDecision extends AssignedIdEntity<StatusDecision, UUID> {


    @Id
    @Column(name = "id", nullable = false)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "obligation_id", nullable = false, updatable = false)
    private Obligation obligation;

    @Column(name = "position", nullable = false, updatable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 24, updatable = false)
    private ObligationStatus status;

    @Column(name = "implementation_level", nullable = false, updatable = false)
    private int implementationLevel;

    @Column(name = "justification", nullable = false, length = 8000, updatable = false)
    private String justification;

    @ElementCollection
    @CollectionTable(name = "status_decision_evidence", joinColumns = @JoinColumn(name = "decision_id"))
    @OrderColumn(name = "position")
    @Column(name = "report_id", nullable = false)
    private List<UUID> evidence = new ArrayList<>();

    @Column(name = "decided_by", nullable = false, length = 64, updatable = false)
    private String decidedBy;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private Instant decidedAt;

    @Column(name = "effective_at", nullable = false, updatable = false)
    private Instant effectiveAt;

    @Column(name = "request_hash", nullable = false, length = 64, updatable = false)
    private String requestHash;

    protected StatusDecision() {
        this.id = new UUID(0, 0);
        this.obligation = new Obligation();
        this.status = ObligationStatus.NOT_STARTED;
        this.justification = "";
        this.decidedBy = "";
        this.decidedAt = Instant.EPOCH;
        this.effectiveAt = Instant.EPOCH;
        this.requestHash = "";
    }

    StatusDecision(UUID id, Obligation obligation, int position, ObligationStatus status, int implementationLevel,
            String justification, List<UUID> evidence, String decidedBy, Instant decidedAt, Instant effectiveAt,
            String requestHash) {
        if (justification.isBlank()) {
            throw new IllegalArgumentException("A status decision needs a written justification");
        }
        if (implementationLevel < 0 || implementationLevel > 3) {
            throw new IllegalArgumentException("The implementation level is 0 to 3");
        }
        this.id = id;
        this.obligation = obligation;
        this.position = position;
        this.status = status;
        this.implementationLevel = implementationLevel;
        this.justification = justification;
        this.evidence.addAll(evidence);
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.effectiveAt = effectiveAt;
        this.requestHash = requestHash;
    }

    @Override
    public UUID getId() { return id; }

    public UUID id() { return id; }
    public int position() { return position; }
    public ObligationStatus status() { return status; }
    public int implementationLevel() { return implementationLevel; }
    public String justification() { return justification; }
    public List<UUID> evidence() { return List.copyOf(evidence); }
    public String decidedBy() { return decidedBy; }
    public Instant decidedAt() { return decidedAt; }
    public Instant effectiveAt() { return effectiveAt; }
    public String requestHash() { return requestHash; }
}
