package org.ceasefire.ccm.agreement;

/** Derived from the clock, the deadlines and the status; never stored. */
public enum Timeliness {
    NOT_DUE,
    DUE_SOON,
    OVERDUE,
    MET_ON_TIME,
    /** Met after the original deadline but by an agreed, amended one. */
    MET_UNDER_EXTENSION,
    MET_LATE,
    NOT_APPLICABLE
}
