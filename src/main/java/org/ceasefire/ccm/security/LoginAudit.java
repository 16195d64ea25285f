package org.ceasefire.ccm.security;

import java.util.Map;
import org.ceasefire.ccm.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Writes sign-ins to the audit log: every interactive login, and every failed attempt (form or HTTP Basic). Successful
 * HTTP Basic calls are not logins but requests, and are not recorded one by one.
 */
@Component
class LoginAudit {

    private final AuditLog audit;

    LoginAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void onLogin(InteractiveAuthenticationSuccessEvent event) {
        var name = event.getAuthentication().getName();
        audit.recordAlone(name, "LOGIN", "user", name, null);
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        var name = String.valueOf(event.getAuthentication().getName());
        var attempted = name.length() > 64 ? name.substring(0, 64) : name;
        audit.recordAlone(attempted, "LOGIN_FAILED", "user", attempted,
                Map.of("reason", event.getException().getClass().getSimpleName()));
    }
}
