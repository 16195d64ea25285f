package org.ceasefire.ccm.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ceasefire.ccm.agreement.AgreementService;
import org.springframework.stereotype.Component;

/**
 * The obligation and party codes reports are checked against, kept for a few seconds so that a burst of reports does
 * not ask the database the same two questions hundreds of times a second. A party added on another node is seen
 * within that time.
 */
@Component
class CatalogueCodes {

    private static final Duration TTL = Duration.ofSeconds(10);

    private final AgreementService agreements;
    private final Clock clock;
    private final ConcurrentHashMap<String, Cached> obligations = new ConcurrentHashMap<>();
    private volatile Cached parties = new Cached(Set.of(), Instant.MIN);

    CatalogueCodes(AgreementService agreements, Clock clock) {
        this.agreements = agreements;
        this.clock = clock;
    }

    Set<String> obligationCodes(String agreement) {
        var now = clock.instant();
        var cached = obligations.get(agreement);
        if (cached == null || cached.expired(now)) {
            cached = new Cached(agreements.obligationCodes(agreement), now.plus(TTL));
            if (cached.codes().isEmpty()) {
                // not an agreement: not kept, so that junk codes sent by clients cannot fill the cache
                obligations.remove(agreement);
                return Set.of();
            }
            obligations.put(agreement, cached);
        }
        return cached.codes();
    }

    Set<String> partyCodes() {
        var now = clock.instant();
        var cached = parties;
        if (cached.expired(now)) {
            cached = new Cached(agreements.partyCodes(), now.plus(TTL));
            parties = cached;
        }
        return cached.codes();
    }

    private record Cached(Set<String> codes, Instant until) {
        boolean expired(Instant now) {
            return !now.isBefore(until);
        }
    }
}
