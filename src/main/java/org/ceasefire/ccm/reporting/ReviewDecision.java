package org.ceasefire.ccm.reporting;

/** A supervisor's decision on a submitted report. REJECT and RETURN need a reason. */
public enum ReviewDecision {
    VERIFY(ReportStatus.VERIFIED), REJECT(ReportStatus.REJECTED), RETURN(ReportStatus.RETURNED);

    private final ReportStatus result;

    ReviewDecision(ReportStatus result) {
        this.result = result;
    }

    public ReportStatus result() {
        return result;
    }
}
