/** The administrators' view of the audit log and its chain verification. */
@NullMarked
package org.ceasefire.ccm.audit.ui;

import org.jspecify.annotations.NullMarked;
