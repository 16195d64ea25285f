package org.ceasefire.ccm.agreement;

/** How an obligation is judged over time. */
public enum ObligationKind {
    /** One-off, with a deadline (a handover). */
    DEADLINE,
    /** Holds continuously and can be breached many times (the ceasefire, safe passage). */
    STANDING,
    /** Runs for a term that renews unless notice is given in time (the peacekeepers' five years). */
    TERM,
    /** Due only once a later agreement says so (new transport routes). */
    CONDITIONAL
}
