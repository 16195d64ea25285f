package org.ceasefire.ccm.security;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A partial update of an account: absent fields stay as they are. */
public record UserChange(@Nullable String displayName, @Nullable Set<String> roles, @Nullable Boolean enabled, @Nullable String password) {}
