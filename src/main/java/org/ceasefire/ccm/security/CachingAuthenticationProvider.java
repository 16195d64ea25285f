package org.ceasefire.ccm.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks user name and password against the database, and remembers a successful check for a minute.
 *
 * <p>Why: API clients send HTTP Basic credentials with every request, and a bcrypt check costs tens of milliseconds of
 * CPU by design. Without this, a field client's burst of reports would spend its time hashing the same password.
 * The memory holds only an HMAC of the password under a key that lives in this process, never the password. A
 * change to the account (password, roles, disabled) forgets it at once on this node; other nodes forget it within a
 * minute (docs/adr/0009).
 */
@Component
class CachingAuthenticationProvider implements AuthenticationProvider {

    static final Duration TTL = Duration.ofSeconds(60);
    private static final int MAX_ENTRIES = 10_000;

    private final DaoAuthenticationProvider delegate;
    private final Clock clock;
    private final SecretKeySpec key;
    private final ConcurrentHashMap<String, Remembered> remembered = new ConcurrentHashMap<>();

    CachingAuthenticationProvider(AccountDetailsService accounts, PasswordEncoder encoder, Clock clock) {
        this.delegate = new DaoAuthenticationProvider(accounts);
        this.delegate.setPasswordEncoder(encoder);
        this.clock = clock;
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        var username = authentication.getName();
        var credentials = authentication.getCredentials();
        if (username == null || !(credentials instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        var cacheKey = username + "\u0000" + hmac(password);
        var now = clock.instant();
        var hit = remembered.get(cacheKey);
        if (hit != null && now.isBefore(hit.until())) {
            return hit.result();
        }
        var result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            if (remembered.size() >= MAX_ENTRIES) {
                remembered.clear();
            }
            var safe = UsernamePasswordAuthenticationToken.authenticated(result.getPrincipal(), null, result.getAuthorities());
            safe.setDetails(result.getDetails());
            remembered.put(cacheKey, new Remembered(safe, now.plus(TTL)));
            return safe;
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** An account changed: its remembered checks no longer hold. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onAccountChanged(AccountChanged event) {
        var prefix = event.username() + "\u0000";
        remembered.keySet().removeIf(k -> k.startsWith(prefix));
    }

    private String hmac(String password) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private record Remembered(Authentication result, Instant until) {}
}
