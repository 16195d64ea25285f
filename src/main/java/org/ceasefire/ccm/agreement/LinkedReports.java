package org.ceasefire.ccm.agreement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The reports that name an obligation, for its page. Provided by the reporting module, which depends on this one;
 * until it exists there are none.
 */
public interface LinkedReports {

    List<LinkedReport> forObligation(String agreement, String code);

    /** A report as an obligation's page lists it. */
    record LinkedReport(UUID id, Instant observedAt, String area, String summary, String source, String grade,
            String status) {}
}
