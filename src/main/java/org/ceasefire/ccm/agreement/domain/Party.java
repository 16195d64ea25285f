package org.ceasefire.ccm.agreement.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A registered party or actor. Codes are upper case and stable; reports and obligations refer to them. */
@Entity
@Table(name = "party")
public class Party {

    @Id
    @Column(name = "code", length = 16)
    private String code;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "kind", nullable = false, length = 20)
    private String kind;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Party() {
        this.code = "";
        this.name = "";
        this.kind = "";
        this.createdAt = Instant.EPOCH;
    }

    public Party(String code, String name, String kind, Instant createdAt) {
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.createdAt = createdAt;
    }

    public String code() { return code; }
    public String name() { return name; }
    public String kind() { return kind; }
}
