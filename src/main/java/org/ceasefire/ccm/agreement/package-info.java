/**
 * The agreement catalogue and its obligations: definitions loaded from {@code config/agreements}, supervisors'
 * status decisions, the deadline amendment ledger, and timeliness derived from the clock.
 */
@ApplicationModule(allowedDependencies = {"base", "base::web", "base::ui", "security", "audit"})
@NullMarked
package org.ceasefire.ccm.agreement;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
