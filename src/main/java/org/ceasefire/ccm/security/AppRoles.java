package org.ceasefire.ccm.security;

import java.util.List;

/** The four roles. An account may hold several; {@code admin} in the demo holds all four. */
public final class AppRoles {

    public static final String MONITOR = "MONITOR";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String BRIEFER = "BRIEFER";
    public static final String ADMIN = "ADMIN";

    public static final List<String> ALL = List.of(MONITOR, SUPERVISOR, BRIEFER, ADMIN);

    private AppRoles() {}
}
