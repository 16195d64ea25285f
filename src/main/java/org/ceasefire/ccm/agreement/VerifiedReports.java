package org.ceasefire.ccm.agreement;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Tells which report ids are verified reports, so that status decisions cite only verified evidence. The reporting
 * module provides the implementation; until it exists no report is known, so any cited id is refused.
 */
public interface VerifiedReports {

    /** The subset of {@code ids} that are reports with status VERIFIED. */
    Set<UUID> verifiedAmong(Collection<UUID> ids);
}
