/** Monitors' field reports and their supervisory review: arrives with its own issue; the module exists now so that its boundaries are verified from the start. */
@ApplicationModule(allowedDependencies = {"base", "security", "agreement"})
@NullMarked
package org.ceasefire.ccm.reporting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
