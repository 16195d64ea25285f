package org.ceasefire.ccm.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The end of the chain: the last sequence number and hash. Writers lock this one row, which gives the chain a single
 * order across threads and nodes; it also lets verification notice entries deleted from the end.
 */
@Entity
@Table(name = "audit_head")
public class AuditHead {

    @Id
    @Column(name = "id")
    private int id;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    protected AuditHead() {
        this.lastHash = "";
    }

    public void advance(AuditEntry entry) {
        this.lastSeq = entry.seq();
        this.lastHash = entry.hash();
    }

    public long lastSeq() { return lastSeq; }
    public String lastHash() { return lastHash; }
}
