package org.ceasefire.ccm.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;
import org.ceasefire.ccm.audit.AuditLog;
import org.ceasefire.ccm.security.domain.UserAccount;
import org.ceasefire.ccm.security.domain.UserAccountRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Without the demo profile there are no known passwords: on the first start with no accounts, one administrator is
 * created and its random one-time password is written once to the log.
 */
@Component
@Profile("!demo")
@Order(10)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final UserAccountRepository users;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final AuditLog audit;

    FirstAdministrator(UserAccountRepository users, PasswordEncoder encoder, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.users = users;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        var bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        var password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        users.save(new UserAccount("admin", "Administrator", encoder.encode(password), Set.copyOf(AppRoles.ALL), clock.instant()));
        audit.record("system", "USER_CREATED", "user", "admin", null, java.util.Map.of("username", "admin", "roles", AppRoles.ALL));
        log.warn("No accounts existed, so an administrator was created. Log in as 'admin' with the one-time password {}"
                + " and change it in Users. This password is not shown again.", password);
    }
}
