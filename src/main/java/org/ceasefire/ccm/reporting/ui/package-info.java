/** The monitors' report form and list, the supervisors' review queue, and the report page every role reads. */
@NullMarked
package org.ceasefire.ccm.reporting.ui;

import org.jspecify.annotations.NullMarked;
