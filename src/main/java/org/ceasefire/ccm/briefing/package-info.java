/**
 * The weekly briefing for people who will not open the app: one composer ({@link BriefingService}) whose content
 * is rendered as PDF and CSV (DOCX, XLSX, the view and the weekly archive are still to come).
 */
@ApplicationModule(allowedDependencies = {"base", "base::web", "security", "agreement", "reporting", "dashboard"})
@NullMarked
package org.ceasefire.ccm.briefing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
