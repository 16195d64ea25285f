package org.ceasefire.ccm.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import java.util.Arrays;
import java.util.stream.Stream;
import org.ceasefire.ccm.CcmIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Which role may open which view: every route against every role, and against nobody signed in. */
@CcmIntegrationTest
class ViewAccessIT extends SpringBrowserlessTest {

    static Stream<Arguments> matrix() {
        var agreement = "agreements/nk-2020-11-10";
        var obligation = "agreements/nk-2020-11-10/obligations/6a";
        // a report id nobody filed: the page opens and says so, for every role
        var report = "reports/00000000-0000-4000-8000-00000000abcd";
        return Stream.of(
                Arguments.of(agreement, "", "LoginView"),
                Arguments.of(agreement, "MONITOR", "AgreementView"),
                Arguments.of(agreement, "SUPERVISOR", "AgreementView"),
                Arguments.of(agreement, "BRIEFER", "AgreementView"),
                Arguments.of(agreement, "ADMIN", "AgreementView"),
                Arguments.of(obligation, "", "LoginView"),
                Arguments.of(obligation, "MONITOR", "ObligationView"),
                Arguments.of(obligation, "BRIEFER", "ObligationView"),
                Arguments.of(obligation, "SUPERVISOR", "ObligationView"),
                Arguments.of("", "BRIEFER", "AgreementView"),
                Arguments.of("briefings", "", "LoginView"),
                Arguments.of("briefings", "MONITOR", "NotFoundView"),
                Arguments.of("briefings", "SUPERVISOR", "NotFoundView"),
                Arguments.of("briefings", "ADMIN", "NotFoundView"),
                Arguments.of("briefings", "BRIEFER", "BriefingView"),
                Arguments.of("dashboards", "", "LoginView"),
                Arguments.of("dashboards", "MONITOR", "OverviewView"),
                Arguments.of("dashboards", "SUPERVISOR", "OverviewView"),
                Arguments.of("dashboards", "BRIEFER", "OverviewView"),
                Arguments.of("dashboards", "ADMIN", "OverviewView"),
                Arguments.of("dashboards/withdrawals", "", "LoginView"),
                Arguments.of("dashboards/withdrawals", "MONITOR", "WithdrawalsView"),
                Arguments.of("dashboards/withdrawals", "SUPERVISOR", "WithdrawalsView"),
                Arguments.of("dashboards/withdrawals", "BRIEFER", "WithdrawalsView"),
                Arguments.of("dashboards/withdrawals", "ADMIN", "WithdrawalsView"),
                Arguments.of("dashboards/prisoner-exchanges", "", "LoginView"),
                Arguments.of("dashboards/prisoner-exchanges", "MONITOR", "ExchangesView"),
                Arguments.of("dashboards/prisoner-exchanges", "SUPERVISOR", "ExchangesView"),
                Arguments.of("dashboards/prisoner-exchanges", "BRIEFER", "ExchangesView"),
                Arguments.of("dashboards/prisoner-exchanges", "ADMIN", "ExchangesView"),
                Arguments.of("dashboards/refugee-returns", "", "LoginView"),
                Arguments.of("dashboards/refugee-returns", "MONITOR", "ReturnsView"),
                Arguments.of("dashboards/refugee-returns", "SUPERVISOR", "ReturnsView"),
                Arguments.of("dashboards/refugee-returns", "BRIEFER", "ReturnsView"),
                Arguments.of("dashboards/refugee-returns", "ADMIN", "ReturnsView"),
                Arguments.of("dashboards/corridor-traffic", "", "LoginView"),
                Arguments.of("dashboards/corridor-traffic", "MONITOR", "CorridorView"),
                Arguments.of("dashboards/corridor-traffic", "SUPERVISOR", "CorridorView"),
                Arguments.of("dashboards/corridor-traffic", "BRIEFER", "CorridorView"),
                Arguments.of("dashboards/corridor-traffic", "ADMIN", "CorridorView"),
                Arguments.of("dashboards/ceasefire", "", "LoginView"),
                Arguments.of("dashboards/ceasefire", "MONITOR", "CeasefireView"),
                Arguments.of("dashboards/ceasefire", "SUPERVISOR", "CeasefireView"),
                Arguments.of("dashboards/ceasefire", "BRIEFER", "CeasefireView"),
                Arguments.of("dashboards/ceasefire", "ADMIN", "CeasefireView"),
                Arguments.of("admin/users", "", "LoginView"),
                Arguments.of("admin/users", "MONITOR", "NotFoundView"),
                Arguments.of("admin/users", "SUPERVISOR", "NotFoundView"),
                Arguments.of("admin/users", "BRIEFER", "NotFoundView"),
                Arguments.of("admin/users", "ADMIN", "UserListView"),
                Arguments.of("admin/users", "MONITOR,SUPERVISOR,BRIEFER", "NotFoundView"),
                Arguments.of("reports/new", "", "LoginView"),
                Arguments.of("reports/new", "MONITOR", "ReportForm"),
                Arguments.of("reports/new", "SUPERVISOR", "ReportForm"),
                Arguments.of("reports/new", "BRIEFER", "NotFoundView"),
                Arguments.of("reports/new", "ADMIN", "NotFoundView"),
                Arguments.of("reports/mine", "", "LoginView"),
                Arguments.of("reports/mine", "MONITOR", "MyReportsView"),
                Arguments.of("reports/mine", "SUPERVISOR", "MyReportsView"),
                Arguments.of("reports/mine", "BRIEFER", "NotFoundView"),
                Arguments.of("reports/mine", "ADMIN", "NotFoundView"),
                Arguments.of("reviews", "", "LoginView"),
                Arguments.of("reviews", "MONITOR", "NotFoundView"),
                Arguments.of("reviews", "SUPERVISOR", "ReviewQueueView"),
                Arguments.of("reviews", "BRIEFER", "NotFoundView"),
                Arguments.of("reviews", "ADMIN", "NotFoundView"),
                Arguments.of("reviews", "MONITOR,SUPERVISOR", "ReviewQueueView"),
                Arguments.of(report, "", "LoginView"),
                Arguments.of(report, "MONITOR", "ReportDetailsView"),
                Arguments.of(report, "SUPERVISOR", "ReportDetailsView"),
                Arguments.of(report, "BRIEFER", "ReportDetailsView"),
                Arguments.of(report, "ADMIN", "ReportDetailsView"),
                Arguments.of(report + "/edit", "", "LoginView"),
                Arguments.of(report + "/edit", "MONITOR", "ReportEditView"),
                Arguments.of(report + "/edit", "SUPERVISOR", "ReportEditView"),
                Arguments.of(report + "/edit", "BRIEFER", "NotFoundView"),
                Arguments.of("admin/audit", "", "LoginView"),
                Arguments.of("admin/audit", "MONITOR", "NotFoundView"),
                Arguments.of("admin/audit", "SUPERVISOR", "NotFoundView"),
                Arguments.of("admin/audit", "BRIEFER", "NotFoundView"),
                Arguments.of("admin/audit", "ADMIN", "AuditView"),
                Arguments.of("admin/audit", "MONITOR,SUPERVISOR,BRIEFER", "NotFoundView"));
    }

    @ParameterizedTest(name = "{0} as [{1}] opens {2}")
    @MethodSource("matrix")
    void each_role_opens_only_the_views_it_may(String route, String roles, String expectedView) {
        if (!roles.isEmpty()) {
            var authorities = AuthorityUtils.createAuthorityList(Arrays.stream(roles.split(",")).map(r -> "ROLE_" + r).toArray(String[]::new));
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("someone", null, authorities));
            SecurityContextHolder.setContext(context);
        }
        try {
            navigate(route, Component.class);
        } catch (RuntimeException | AssertionError e) {
            // navigation that ends elsewhere than asked is what this test looks at
        }
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo(expectedView);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }
}
