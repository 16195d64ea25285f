package org.ceasefire.ccm.security;

/** Published when an account's password, roles or enabled state change. */
public record AccountChanged(String username) {}
