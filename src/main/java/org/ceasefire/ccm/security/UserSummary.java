package org.ceasefire.ccm.security;

import java.time.Instant;
import java.util.Set;

/** An account as administrators see it. The password hash never leaves the security module. */
public record UserSummary(String username, String displayName, Set<String> roles, boolean enabled, Instant createdAt, long version) {}
