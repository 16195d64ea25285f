package org.ceasefire.ccm.agreement;

import java.util.Optional;
import java.util.Set;

/**
 * A supervisor's judgement of an obligation. A decision is a judgement, not a workflow step: any status may follow
 * any other, and a correction is a new decision. Some statuses fix the implementation level (not started is 0,
 * fulfilled is 3); in progress and partially fulfilled lie between.
 */
public enum ObligationStatus {
    NOT_STARTED(0, Set.of(0)),
    IN_PROGRESS(1, Set.of(1, 2)),
    PARTIALLY_FULFILLED(2, Set.of(1, 2)),
    FULFILLED(3, Set.of(3)),
    BREACHED(null, Set.of(0, 1, 2, 3)),
    DISPUTED(null, Set.of(0, 1, 2, 3)),
    SUPERSEDED(null, Set.of(0, 1, 2, 3)),
    TERMINATED(null, Set.of(0, 1, 2, 3)),
    /** Overtaken by events: nothing left to judge. */
    MOOT(null, Set.of(0, 1, 2, 3));

    private final Integer defaultLevel;
    private final Set<Integer> allowedLevels;

    ObligationStatus(Integer defaultLevel, Set<Integer> allowedLevels) {
        this.defaultLevel = defaultLevel;
        this.allowedLevels = allowedLevels;
    }

    /** The level a decision takes when none is given; empty where the current level carries over. */
    public Optional<Integer> impliedLevel() {
        return Optional.ofNullable(defaultLevel);
    }

    /** Whether a level agrees with this status (fulfilled is never below full, not started never above 0). */
    public boolean allowsLevel(int level) {
        return allowedLevels.contains(level);
    }

    /** Statuses after which a deadline or term no longer runs. */
    public boolean endsObligation() {
        return this == SUPERSEDED || this == TERMINATED || this == MOOT;
    }
}
