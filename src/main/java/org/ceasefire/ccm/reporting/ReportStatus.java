package org.ceasefire.ccm.reporting;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where a report stands in review. Each move is allowed only as this table says. */
public enum ReportStatus {
    SUBMITTED, RETURNED, VERIFIED, REJECTED;

    private static final Map<ReportStatus, Set<ReportStatus>> NEXT = Map.of(
            SUBMITTED, EnumSet.of(VERIFIED, REJECTED, RETURNED, SUBMITTED),
            RETURNED, EnumSet.of(SUBMITTED),
            VERIFIED, EnumSet.noneOf(ReportStatus.class),
            REJECTED, EnumSet.noneOf(ReportStatus.class));

    public boolean canBecome(ReportStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Whether the author may still change the report (before review, or after it was returned). */
    public boolean editableByAuthor() {
        return this == SUBMITTED || this == RETURNED;
    }
}
