/** Shared kernel: clock, zone, time formats, API problems and the UI shell every feature builds on. */
@NullMarked
package org.ceasefire.ccm.base;

import org.jspecify.annotations.NullMarked;
