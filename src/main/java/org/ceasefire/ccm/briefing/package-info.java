/**
 * The weekly briefing for people who will not open the app: one composer ({@link BriefingService}) whose content
 * is rendered as PDF, DOCX, XLSX and CSV and shown in the briefing view (the weekly archive is still to come).
 */
@ApplicationModule(allowedDependencies = {"base", "base::web", "base::ui", "security", "agreement", "reporting", "dashboard"})
@NullMarked
package org.ceasefire.ccm.briefing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
