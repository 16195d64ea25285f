/** The briefing view: pick a week, read the briefing, download it in each format. */
@NullMarked
package org.ceasefire.ccm.briefing.ui;

import org.jspecify.annotations.NullMarked;
