package org.ceasefire.ccm.reporting.demo;

import java.util.List;
import java.util.UUID;
import org.ceasefire.ccm.reporting.ReportDraft;
import org.ceasefire.ccm.reporting.ReportService;
import org.ceasefire.ccm.reporting.ReportStatus;
import org.ceasefire.ccm.reporting.ReviewDecision;
import org.ceasefire.ccm.reporting.ReviewService;
import org.ceasefire.ccm.security.AppRoles;
import org.jspecify.annotations.Nullable;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Sample reports for the demo, in the shape of claims from the public record, filed and reviewed through the same
 * services (and rules) as a monitor's and a supervisor's: some verified, one returned, some waiting in the queue.
 * Fixed ids make a restart store nothing twice. None concerns the Kalbajar or Lachin handovers (6a, 6b), which the
 * demo leaves open for a walk-through. They are filed before the sample status decisions, which cite the verified
 * ones as evidence. Off with {@code ccm.demo.data=false}.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "ccm.demo.data", havingValue = "true", matchIfMissing = true)
@Order(15)
class DemoReports implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoReports.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Sample(String id, String author, String json, @Nullable ReviewDecision review, @Nullable String reviewer,
            @Nullable String reason) {}

    private static final List<Sample> SAMPLES = List.of(
            new Sample("7d1e0000-0000-4000-8000-000000000001", "monitor", """
                    {"agreement":"nk-2020-11-10","obligations":["2"],"area":"WITHDRAWAL","observedAt":"2020-11-20T09:00:00+04:00",
                     "location":{"name":"Aghdam","district":"Aghdam","lat":39.99,"lon":46.93},
                     "summary":"Army units entered Aghdam district; the defence ministry announced the handover complete.",
                     "source":{"name":"Azerbaijani Ministry of Defence","kind":"OFFICIAL","party":"AZ","reliability":"B","credibility":2},
                     "details":{"district":"Aghdam","stage":"COMPLETED"}}""", ReviewDecision.VERIFY, "supervisor", null),
            new Sample("7d1e0000-0000-4000-8000-000000000002", "monitor2", """
                    {"agreement":"nk-2020-11-10","obligations":["3","4a"],"area":"PEACEKEEPING","observedAt":"2020-11-13T18:00:00+04:00",
                     "summary":"Deployment of the contingent reported complete, with observation posts along the line of contact and the Lachin corridor.",
                     "source":{"name":"Russian Ministry of Defence","kind":"OFFICIAL","party":"RU","reliability":"C","credibility":3},
                     "details":{"personnel":1960,"observationPosts":23,"basis":"LEVEL"}}""", ReviewDecision.VERIFY, "supervisor2", null),
            new Sample("7d1e0000-0000-4000-8000-000000000003", "monitor", """
                    {"agreement":"nk-2020-11-10","obligations":["8"],"area":"PRISONER_EXCHANGE","observedAt":"2020-12-14T16:00:00+04:00",
                     "summary":"First exchange of prisoners of war under Russian mediation, by air.",
                     "source":{"name":"Azerbaijani State Commission on Prisoners of War","kind":"OFFICIAL","party":"AZ","reliability":"B","credibility":2},
                     "details":{"releasedBy":"AZ","receivedBy":"AM","prisonersOfWar":44,"mediator":"RU","basis":"EVENT"}}""",
                    ReviewDecision.VERIFY, "supervisor", null),
            new Sample("7d1e0000-0000-4000-8000-000000000004", "monitor2", """
                    {"agreement":"nk-2020-11-10","obligations":["8"],"area":"PRISONER_EXCHANGE","observedAt":"2020-12-14T16:30:00+04:00",
                     "summary":"Servicemen returned to Azerbaijan in the same exchange.",
                     "source":{"name":"Armenian Prime Minister's Office","kind":"OFFICIAL","party":"AM","reliability":"B","credibility":2},
                     "details":{"releasedBy":"AM","receivedBy":"AZ","prisonersOfWar":12,"mediator":"RU","basis":"EVENT"}}""",
                    ReviewDecision.VERIFY, "supervisor2", null),
            new Sample("7d1e0000-0000-4000-8000-000000000005", "monitor", """
                    {"agreement":"nk-2020-11-10","obligations":["7"],"area":"REFUGEE_RETURN","observedAt":"2020-11-27T20:00:00+04:00",
                     "location":{"name":"Stepanakert / Khankendi"},
                     "summary":"Running total of people returned since 14 November under peacekeepers' escort, as announced by the peacekeeping command.",
                     "source":{"name":"Russian Ministry of Defence","kind":"OFFICIAL","party":"RU","reliability":"C","credibility":3},
                     "details":{"direction":"RETURN","persons":4436,"basis":"CUMULATIVE","since":"2020-11-14"}}""",
                    ReviewDecision.VERIFY, "supervisor", null),
            new Sample("7d1e0000-0000-4000-8000-000000000006", "monitor2", """
                    {"agreement":"nk-2020-11-10","obligations":["7"],"area":"REFUGEE_RETURN","observedAt":"2020-11-27T12:00:00+04:00",
                     "summary":"Bus arrivals counted at the corridor checkpoint; a boarding is counted each time, so people travelling twice count twice.",
                     "source":{"name":"UN agency situation update","kind":"UN","party":"UN","reliability":"B","credibility":3},
                     "details":{"direction":"RETURN","persons":3900,"basis":"CUMULATIVE","since":"2020-11-14","notes":"bus boardings, not persons"}}""",
                    null, null, null),
            new Sample("7d1e0000-0000-4000-8000-000000000007", "monitor", """
                    {"agreement":"nk-2020-11-10","obligations":["6e","6c"],"area":"CORRIDOR_TRAFFIC","observedAt":"2022-12-12T10:30:00+04:00",
                     "location":{"name":"Lachin road near Shusha / Shushi","lat":39.76,"lon":46.75},
                     "summary":"Road blocked by people presenting themselves as environmental activists; no civilian traffic in either direction.",
                     "source":{"name":"Own observation","kind":"OWN_OBSERVATION","reliability":"B","credibility":2},
                     "details":{"corridor":"LACHIN","state":"CLOSED","direction":"BOTH","vehicles":0,"basis":"EVENT"}}""",
                    ReviewDecision.VERIFY, "supervisor2", null),
            new Sample("7d1e0000-0000-4000-8000-000000000008", "monitor2", """
                    {"agreement":"nk-2020-11-10","obligations":["1"],"area":"CEASEFIRE","observedAt":"2021-11-16T14:00:00+04:00",
                     "summary":"Clashes reported on the state border; each side accuses the other of starting them.",
                     "source":{"name":"Armenian Ministry of Defence","kind":"OFFICIAL","party":"AM","reliability":"C","credibility":4},
                     "details":{"allegedBy":"AM","allegedAgainst":"AZ","deniedBy":"AZ","assessment":"UNCONFIRMED"}}""",
                    null, null, null),
            new Sample("7d1e0000-0000-4000-8000-000000000009", "monitor", """
                    {"agreement":"nk-2020-11-10","obligations":["9a"],"area":"TRANSPORT_LINKS","observedAt":"2021-01-11T18:00:00+04:00",
                     "summary":"Leaders agree to set up a working group on unblocking transport links.",
                     "source":{"name":"Kremlin press service","kind":"OFFICIAL","party":"RU"},
                     "details":{"notes":"Working group co-chaired by deputy prime ministers"}}""",
                    ReviewDecision.RETURN, "supervisor", "Add the source's address and grade it; say which links the working group covers."));

    private final ReportService reports;
    private final ReviewService reviews;

    DemoReports(ReportService reports, ReviewService reviews) {
        this.reports = reports;
        this.reviews = reviews;
    }

    @Override
    public void run(ApplicationArguments args) {
        var created = 0;
        try {
            for (var s : SAMPLES) {
                var body = (tools.jackson.databind.node.ObjectNode) JSON.readTree(s.json());
                body.put("id", s.id());
                var draft = JSON.treeToValue(body, ReportDraft.class);
                as(s.author(), AppRoles.MONITOR);
                created += reports.submit(draft).created() ? 1 : 0;
                if (s.review() != null && s.reviewer() != null) {
                    as(s.reviewer(), AppRoles.SUPERVISOR);
                    if (reports.get(UUID.fromString(s.id())).status() == ReportStatus.SUBMITTED) {
                        reviews.review(UUID.fromString(s.id()), s.review(), s.reason(), null);
                    }
                }
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        if (created > 0) {
            log.info("Demo profile: filed {} sample reports (switch off with ccm.demo.data=false)", created);
        }
    }

    private static void as(String username, String role) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                AuthorityUtils.createAuthorityList("ROLE_" + role)));
        SecurityContextHolder.setContext(context);
    }
}
