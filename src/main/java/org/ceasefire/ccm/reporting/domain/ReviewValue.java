package org.ceasefire.ccm.reporting.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.ceasefire.ccm.reporting.ReviewDecision;
import org.jspecify.annotations.Nullable;

/** One review of a report: who decided what, when, and why. */
@Embeddable
public record ReviewValue(
        @Enumerated(EnumType.STRING) @Column(name = "decision", nullable = false, length = 10) ReviewDecision decision,
        @Column(name = "reason", length = 4000) @Nullable String reason,
        @Column(name = "reviewer", nullable = false, length = 64) String reviewer,
        @Column(name = "reviewed_at", nullable = false) Instant reviewedAt) {}
