/**
 * The append-only audit log: every change and every login, chained by hashes so that an altered or deleted entry is
 * found by verification.
 */
@ApplicationModule(allowedDependencies = {"base", "base::web", "base::ui"})
@NullMarked
package org.ceasefire.ccm.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
