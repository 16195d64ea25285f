/**
 * Monitors' field reports and their supervisory review: the evidence every status, dashboard and briefing rests on.
 * Reports are stored once however often they are sent, and are reviewed by someone other than their author.
 */
@ApplicationModule(allowedDependencies = {"base", "base::web", "base::ui", "security", "agreement", "audit"})
@NullMarked
package org.ceasefire.ccm.reporting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
