package org.ceasefire.ccm.security.demo;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.ceasefire.ccm.audit.AuditLog;
import org.ceasefire.ccm.security.AppRoles;
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
 * The demo profile's accounts, all with the password {@value #PASSWORD}. Created when missing; an account that
 * exists is left as it is, so a demo that changed a password keeps it.
 */
@Component
@Profile("demo")
@Order(10)
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "ceasefire-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private record Demo(String username, String displayName, Set<String> roles) {}

    private static final List<Demo> ACCOUNTS = List.of(
            new Demo("monitor", "Mariam Monitor", Set.of(AppRoles.MONITOR)),
            new Demo("monitor2", "Murad Monitor", Set.of(AppRoles.MONITOR)),
            new Demo("supervisor", "Sofia Supervisor", Set.of(AppRoles.SUPERVISOR)),
            new Demo("supervisor2", "Samir Supervisor", Set.of(AppRoles.SUPERVISOR)),
            new Demo("briefer", "Boris Briefer", Set.of(AppRoles.BRIEFER)),
            new Demo("admin", "Ada Admin", Set.copyOf(AppRoles.ALL)));

    private final UserAccountRepository users;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final AuditLog audit;

    DemoAccounts(UserAccountRepository users, PasswordEncoder encoder, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.users = users;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        var hash = encoder.encode(PASSWORD);
        var created = 0;
        for (var demo : ACCOUNTS) {
            if (users.findByUsername(demo.username()).isEmpty()) {
                users.save(new UserAccount(demo.username(), demo.displayName(), hash, demo.roles(), clock.instant()));
                audit.record("system", "USER_CREATED", "user", demo.username(), null,
                        java.util.Map.of("username", demo.username(), "roles", demo.roles(), "demo", true));
                created++;
            }
        }
        if (created > 0) {
            log.info("Demo profile: created {} demo accounts (monitor, monitor2, supervisor, supervisor2, briefer, admin)"
                    + " with the password '{}'", created, PASSWORD);
        }
    }
}
