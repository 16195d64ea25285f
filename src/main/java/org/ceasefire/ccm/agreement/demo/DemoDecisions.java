package org.ceasefire.ccm.agreement.demo;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.ceasefire.ccm.agreement.NewStatusDecision;
import org.ceasefire.ccm.agreement.ObligationService;
import org.ceasefire.ccm.agreement.ObligationStatus;
import org.ceasefire.ccm.security.AppRoles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Sample judgements for the demo, drawn from the public record, recorded through the same service (and rules) as a
 * supervisor's, citing the demo's verified sample reports where there are some. Fixed ids make a restart store nothing twice. Obligations 6a and 6b are left undecided so that a
 * demo can walk through amending and judging them. Off with {@code ccm.demo.data=false}.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "ccm.demo.data", havingValue = "true", matchIfMissing = true)
@Order(20)
class DemoDecisions implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDecisions.class);
    private static final String AGREEMENT = "nk-2020-11-10";

    private record Sample(String id, String code, ObligationStatus status, Integer level, String effectiveAt, String justification,
            List<String> evidence) {

        Sample(String id, String code, ObligationStatus status, Integer level, String effectiveAt, String justification) {
            this(id, code, status, level, effectiveAt, justification, List.of());
        }
    }

    private static final List<Sample> SAMPLES = List.of(
            new Sample("00000000-0000-4000-8000-000000000002", "2", ObligationStatus.FULFILLED, 3, "2020-11-20T12:00:00+04:00",
                    "Azerbaijani forces entered Aghdam district on 20 November 2020, the day set by the statement; the handover was reported by both sides.",
                    List.of("7d1e0000-0000-4000-8000-000000000001")),
            new Sample("00000000-0000-4000-8000-000000000003", "3", ObligationStatus.IN_PROGRESS, 2, "2020-11-10T12:00:00+04:00",
                    "Russian peacekeepers began deploying along the line of contact and the Lachin corridor from 10 November 2020; observation posts were being set up."),
            new Sample("00000000-0000-4000-8000-000000000005", "5", ObligationStatus.FULFILLED, 3, "2021-01-30T12:00:00+04:00",
                    "The joint Russian-Turkish monitoring centre in Aghdam district opened on 30 January 2021."),
            new Sample("00000000-0000-4000-8000-000000000061", "6e", ObligationStatus.BREACHED, 0, "2022-12-12T10:00:00+04:00",
                    "From 12 December 2022 the Lachin corridor was blocked for civilian traffic; safe movement in both directions was not guaranteed.",
                    List.of("7d1e0000-0000-4000-8000-000000000007")),
            new Sample("00000000-0000-4000-8000-000000000081", "8", ObligationStatus.PARTIALLY_FULFILLED, 2, "2020-12-14T12:00:00+04:00",
                    "Exchanges of prisoners and bodies took place from December 2020 under Russian mediation, but detained persons remained held on both sides.",
                    List.of("7d1e0000-0000-4000-8000-000000000003", "7d1e0000-0000-4000-8000-000000000004")),
            new Sample("00000000-0000-4000-8000-000000000011", "1", ObligationStatus.BREACHED, 0, "2023-09-19T13:00:00+04:00",
                    "Large-scale hostilities resumed on 19 September 2023; the ceasefire of point 1 no longer held."),
            new Sample("00000000-0000-4000-8000-000000000041", "4b", ObligationStatus.TERMINATED, null, "2024-06-12T12:00:00+04:00",
                    "The Russian contingent withdrew ahead of its term's end; the withdrawal was reported complete in June 2024."));

    private final ObligationService obligations;

    DemoDecisions(ObligationService obligations) {
        this.obligations = obligations;
    }

    @Override
    public void run(ApplicationArguments args) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("supervisor", null,
                AuthorityUtils.createAuthorityList("ROLE_" + AppRoles.SUPERVISOR)));
        SecurityContextHolder.setContext(context);
        try {
            var created = 0;
            for (var s : SAMPLES) {
                var recorded = obligations.decide(AGREEMENT, s.code(), new NewStatusDecision(UUID.fromString(s.id()), s.status(),
                        s.level(), s.justification(), s.evidence().stream().map(UUID::fromString).toList(),
                        OffsetDateTime.parse(s.effectiveAt()).toInstant()), null);
                created += recorded.created() ? 1 : 0;
            }
            if (created > 0) {
                log.info("Demo profile: recorded {} sample status decisions (switch off with ccm.demo.data=false)", created);
            }
        } finally {
            SecurityContextHolder.clearContext();
            if (previous != null) {
                SecurityContextHolder.getContext().setAuthentication(previous);
            }
        }
    }
}
