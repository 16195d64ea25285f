package org.ceasefire.ccm.security;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What an administrator gives to create an account. */
public record NewUser(@Nullable String username, @Nullable String displayName, @Nullable String password, @Nullable Set<String> roles) {

    public static final int MAX_USERNAME = 64;
    public static final int MAX_DISPLAY_NAME = 120;
}
