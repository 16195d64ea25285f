package org.ceasefire.ccm.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.ceasefire.ccm.base.AssignedIdEntity;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One link of the audit chain. Written once, never updated (the columns are not updatable). */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends AssignedIdEntity<AuditEntry, Long> {


    @Id
    @Column(name = "seq", nullable = false, updatable = false)
    private long seq;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "actor", nullable = false, length = 64, updatable = false)
    private String actor;

    @Column(name = "action", nullable = false, length = 40, updatable = false)
    private String action;

    @Column(name = "object_type", nullable = false, length = 40, updatable = false)
    private String objectType;

    @Column(name = "object_id", nullable = false, length = 100, updatable = false)
    private String objectId;

    @Column(name = "before_state", length = 100000, updatable = false)
    private @Nullable String before;

    @Column(name = "after_state", length = 100000, updatable = false)
    private @Nullable String after;

    @Column(name = "prev_hash", nullable = false, length = 64, updatable = false)
    private String prevHash;

    @Column(name = "hash", nullable = false, length = 64, updatable = false)
    private String hash;

    protected AuditEntry() {
        this.recordedAt = Instant.EPOCH;
        this.actor = "";
        this.action = "";
        this.objectType = "";
        this.objectId = "";
        this.prevHash = "";
        this.hash = "";
    }

    public AuditEntry(long seq, Instant recordedAt, String actor, String action, String objectType, String objectId,
            @Nullable String before, @Nullable String after, String prevHash) {
        this.seq = seq;
        this.recordedAt = recordedAt;
        this.actor = actor;
        this.action = action;
        this.objectType = objectType;
        this.objectId = objectId;
        this.before = before;
        this.after = after;
        this.prevHash = prevHash;
        this.hash = computeHash();
    }

    /** The hash over this entry's content and its predecessor's hash. */
    public String computeHash() {
        return org.ceasefire.ccm.base.Hashes.sha256(String.join("\u001f", prevHash, Long.toString(seq),
                recordedAt.toString(), actor, action, objectType, objectId, String.valueOf(before), String.valueOf(after)));
    }

    @Override
    public Long getId() { return seq; }

    public long seq() { return seq; }
    public Instant recordedAt() { return recordedAt; }
    public String actor() { return actor; }
    public String action() { return action; }
    public String objectType() { return objectType; }
    public String objectId() { return objectId; }
    public @Nullable String before() { return before; }
    public @Nullable String after() { return after; }
    public String prevHash() { return prevHash; }
    public String hash() { return hash; }
}
