package org.ceasefire.ccm.security.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.ceasefire.ccm.security.AppRoles;
import org.jspecify.annotations.Nullable;

/** A person who logs in. The password is kept only as a one-way hash. */
@Entity
@Table(name = "app_user")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "username", nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 120)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false, length = 20)
    private Set<String> roles = new TreeSet<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected UserAccount() {
        this.username = "";
        this.displayName = "";
        this.passwordHash = "";
        this.createdAt = Instant.EPOCH;
    }

    public UserAccount(String username, String displayName, String passwordHash, Set<String> roles, Instant createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = true;
        this.createdAt = createdAt;
        assignRoles(roles);
    }

    public void rename(String displayName) {
        this.displayName = displayName;
    }

    public void assignRoles(Set<String> newRoles) {
        if (newRoles.isEmpty() || !AppRoles.ALL.containsAll(newRoles)) {
            throw new IllegalArgumentException("Roles must be some of " + AppRoles.ALL);
        }
        roles.clear();
        roles.addAll(newRoles);
    }

    public void changePasswordHash(String hash) {
        this.passwordHash = hash;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String username() { return username; }
    public String displayName() { return displayName; }
    public String passwordHash() { return passwordHash; }
    public boolean enabled() { return enabled; }
    public Instant createdAt() { return createdAt; }
    public Set<String> roles() { return Set.copyOf(roles); }
    public long version() { return version; }
}
