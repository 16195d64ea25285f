package org.ceasefire.ccm.base;

/** The outcome of an idempotent write: the stored value, and whether this call stored it or found it stored. */
public record Recorded<T>(T value, boolean created) {}
