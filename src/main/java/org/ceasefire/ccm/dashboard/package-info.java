/** Read-only dashboards computed from verified reports: arrive with its own issue; the module exists now so that its boundaries are verified from the start. */
@ApplicationModule(allowedDependencies = {"base", "base::web", "base::ui", "security", "agreement", "reporting"})
@NullMarked
package org.ceasefire.ccm.dashboard;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
