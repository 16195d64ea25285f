package org.ceasefire.ccm.security;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.ceasefire.ccm.audit.AuditLog;
import org.ceasefire.ccm.base.ConflictException;
import org.ceasefire.ccm.base.FieldProblem;
import org.ceasefire.ccm.base.InvalidInputException;
import org.ceasefire.ccm.base.NotFoundException;
import org.ceasefire.ccm.security.domain.UserAccount;
import org.ceasefire.ccm.security.domain.UserAccountRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administrators' management of accounts: create, change roles, disable, reset a password. */
@Service
@PreAuthorize("hasRole('" + AppRoles.ADMIN + "')")
public class UserService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private final UserAccountRepository users;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final MeterRegistry meters;
    private final AuditLog audit;
    private final org.springframework.context.ApplicationEventPublisher events;

    UserService(UserAccountRepository users, PasswordEncoder encoder, PasswordPolicy policy, CurrentUser currentUser,
            Clock clock, MeterRegistry meters, AuditLog audit, org.springframework.context.ApplicationEventPublisher events) {
        this.audit = audit;
        this.events = events;
        this.users = users;
        this.encoder = encoder;
        this.policy = policy;
        this.currentUser = currentUser;
        this.clock = clock;
        this.meters = meters;
    }

    @Transactional(readOnly = true)
    public List<UserSummary> list() {
        return users.findAllByOrderByUsernameAsc().stream().map(UserService::toSummary).toList();
    }

    @Transactional(readOnly = true)
    public UserSummary get(String username) {
        return toSummary(find(username));
    }

    @Transactional
    public UserSummary create(NewUser user) {
        var problems = new ArrayList<FieldProblem>();
        var username = user.username() == null ? "" : user.username().strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            problems.add(new FieldProblem("username", "must be 2-64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        var displayName = checkDisplayName(user.displayName(), problems);
        policy.problem(user.password()).ifPresent(p -> problems.add(new FieldProblem("password", p)));
        var roles = checkRoles(user.roles(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The account was not created: " + describe(problems), problems);
        }
        if (users.findByUsername(username).isPresent()) {
            throw new ConflictException("An account named '" + username + "' already exists.");
        }
        var account = users.saveAndFlush(new UserAccount(username, displayName, encoder.encode(user.password()), roles, clock.instant()));
        meters.counter("ccm.users.changes", "action", "create").increment();
        var created = toSummary(account);
        audit.record(currentUser.require(), "USER_CREATED", "user", username, null, created);
        return created;
    }

    @Transactional
    public UserSummary change(String username, UserChange change) {
        return change(username, change, null);
    }

    /**
     * Applies a change to an account. With {@code expectedVersion}, a change based on an outdated view of the account
     * is refused instead of silently overwriting someone else's edit.
     */
    @Transactional
    public UserSummary change(String username, UserChange change, @Nullable Long expectedVersion) {
        var account = find(username);
        var before = toSummary(account);
        if (expectedVersion != null && expectedVersion != account.version()) {
            throw new ConflictException("Someone else changed the account '" + username + "' meanwhile. Reload it and try again.");
        }
        var problems = new ArrayList<FieldProblem>();
        String displayName = change.displayName() == null ? null : checkDisplayName(change.displayName(), problems);
        Set<String> roles = change.roles() == null ? null : checkRoles(change.roles(), problems);
        if (change.password() != null) {
            policy.problem(change.password()).ifPresent(p -> problems.add(new FieldProblem("password", p)));
        }
        var self = currentUser.username().map(username::equals).orElse(false);
        if (self && Boolean.FALSE.equals(change.enabled())) {
            problems.add(new FieldProblem("enabled", "you cannot disable your own account"));
        }
        if (self && roles != null && !roles.contains(AppRoles.ADMIN)) {
            problems.add(new FieldProblem("roles", "you cannot remove the ADMIN role from your own account"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The account was not changed: " + describe(problems), problems);
        }
        if (displayName != null) {
            account.rename(displayName);
        }
        if (roles != null) {
            account.assignRoles(roles);
        }
        if (change.enabled() != null) {
            account.setEnabled(change.enabled());
        }
        if (change.password() != null) {
            account.changePasswordHash(encoder.encode(change.password()));
        }
        meters.counter("ccm.users.changes", "action", "change").increment();
        var after = toSummary(users.saveAndFlush(account));
        audit.record(currentUser.require(), change.password() != null ? "USER_CHANGED_PASSWORD_RESET" : "USER_CHANGED",
                "user", username, before, after);
        events.publishEvent(new AccountChanged(username));
        return after;
    }

    private UserAccount find(String username) {
        return users.findByUsername(username)
                .orElseThrow(() -> new NotFoundException("There is no account named '" + username + "'."));
    }

    private static String checkDisplayName(@Nullable String displayName, List<FieldProblem> problems) {
        var name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > NewUser.MAX_DISPLAY_NAME) {
            problems.add(new FieldProblem("displayName", "is required, at most " + NewUser.MAX_DISPLAY_NAME + " characters"));
        }
        return name;
    }

    private static Set<String> checkRoles(@Nullable Set<String> roles, List<FieldProblem> problems) {
        var result = new TreeSet<String>();
        if (roles == null || roles.isEmpty()) {
            problems.add(new FieldProblem("roles", "give at least one of " + AppRoles.ALL));
            return result;
        }
        for (var role : roles) {
            var normalised = role == null ? "" : role.strip().toUpperCase(Locale.ROOT);
            if (!AppRoles.ALL.contains(normalised)) {
                problems.add(new FieldProblem("roles", "'" + role + "' is not a role; use " + AppRoles.ALL));
            }
            result.add(normalised);
        }
        return result;
    }

    private static String describe(List<FieldProblem> problems) {
        return String.join("; ", problems.stream().map(p -> p.field() + " " + p.message()).toList()) + ".";
    }

    static UserSummary toSummary(UserAccount a) {
        return new UserSummary(a.username(), a.displayName(), a.roles(), a.enabled(), a.createdAt(), a.version());
    }
}
