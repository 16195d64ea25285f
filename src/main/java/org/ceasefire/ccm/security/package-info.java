/** Accounts, roles, login for the UI and HTTP Basic for the API, and the administrators' user management. */
@ApplicationModule(allowedDependencies = {"base", "base::web", "base::ui", "audit"})
@NullMarked
package org.ceasefire.ccm.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
