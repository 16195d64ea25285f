/** The weekly briefing over HTTP. */
@NullMarked
package org.ceasefire.ccm.briefing.web;

import org.jspecify.annotations.NullMarked;
