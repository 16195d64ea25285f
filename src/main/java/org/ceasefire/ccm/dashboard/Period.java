package org.ceasefire.ccm.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a dashboard's figures cover, as resolved: local days {@code from..to} inclusive in {@code zone}, the state as
 * of {@code asOf} (null: now, with everything recorded), and whether submitted reports were counted.
 */
public record Period(String agreement, LocalDate from, LocalDate to, @Nullable Instant asOf, boolean includeUnverified,
        String zone) {}
