package org.ceasefire.ccm.reporting;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What a report list is narrowed to; nulls mean "any". Days are local days, both ends included. */
public record ReportFilter(@Nullable ReportArea area, @Nullable ReportStatus status, @Nullable LocalDate from,
        @Nullable LocalDate to, @Nullable String obligation, @Nullable String submittedBy, @Nullable String source) {

    public static ReportFilter any() {
        return new ReportFilter(null, null, null, null, null, null, null);
    }
}
