package org.ceasefire.ccm.dashboard.rollup;

import org.ceasefire.ccm.reporting.ReportStatus;
import org.jspecify.annotations.Nullable;

/** Which reports a rollup row counts: verified ones, or submitted ones still awaiting review. */
public enum Layer {
    VERIFIED("V", ReportStatus.VERIFIED),
    UNVERIFIED("U", ReportStatus.SUBMITTED);

    private final String code;
    private final ReportStatus status;

    Layer(String code, ReportStatus status) {
        this.code = code;
        this.status = status;
    }

    /** The layer a report in this status counts in, or null if it counts in none (returned or rejected). */
    public static @Nullable Layer of(ReportStatus status) {
        return switch (status) {
            case VERIFIED -> VERIFIED;
            case SUBMITTED -> UNVERIFIED;
            case RETURNED, REJECTED -> null;
        };
    }

    static Layer ofCode(String code) {
        return "V".equals(code) ? VERIFIED : UNVERIFIED;
    }

    String code() {
        return code;
    }

    public ReportStatus status() {
        return status;
    }
}
