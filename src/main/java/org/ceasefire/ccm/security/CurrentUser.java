package org.ceasefire.ccm.security;

import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is acting now, for services that record an actor. Works for UI sessions and API calls alike. */
@Component
public class CurrentUser {

    public Optional<String> username() {
        return authentication().map(Authentication::getName);
    }

    /** The acting user's name; fails if nobody is authenticated, which method security already prevents. */
    public String require() {
        return username().orElseThrow(() -> new IllegalStateException("No authenticated user"));
    }

    public boolean hasRole(String role) {
        return authentication().stream()
                .flatMap(a -> a.getAuthorities().stream())
                .anyMatch(g -> ("ROLE_" + role).equals(g.getAuthority()));
    }

    private static Optional<Authentication> authentication() {
        return Optional.ofNullable(SecurityContextHolder.getContext().getAuthentication())
                .filter(a -> a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken));
    }
}
