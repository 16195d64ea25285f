package org.ceasefire.ccm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.Map;
import java.util.stream.Stream;
import org.ceasefire.ccm.CcmIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Who may call what: every protected endpoint against every role, anonymous, and the demo administrator who holds
 * all four roles. Writes send an invalid body, so that a call that gets through is a 400 and nothing is stored.
 */
@CcmIntegrationTest
class ApiRoleMatrixIT {

    static final String OBLIGATIONS = "/api/v1/agreements/nk-2020-11-10/obligations";

    /** Who calls. ADMIN alone lacks SUPERVISOR; {@code ADMIN_ALL} is the demo administrator with all four roles. */
    enum Principal {
        ANONYMOUS(),
        MONITOR("MONITOR"),
        SUPERVISOR("SUPERVISOR"),
        BRIEFER("BRIEFER"),
        ADMIN("ADMIN"),
        ADMIN_ALL("MONITOR", "SUPERVISOR", "BRIEFER", "ADMIN");

        final String[] roles;

        Principal(String... roles) {
            this.roles = roles;
        }

        @Nullable RequestPostProcessor authentication() {
            return this == ANONYMOUS ? null : user("matrix-" + name().toLowerCase(java.util.Locale.ROOT)).roles(roles);
        }

        @Override
        public String toString() {
            return this == ADMIN_ALL ? "admin-all" : this == ANONYMOUS ? "anonymous" : name();
        }
    }

    record Call(HttpMethod method, String path, @Nullable String body) {
        @Override
        public String toString() {
            return method + " " + path + (body == null ? "" : " " + body);
        }
    }

    static final Call AGREEMENTS = new Call(HttpMethod.GET, "/api/v1/agreements", null);
    static final Call OBLIGATION_LIST = new Call(HttpMethod.GET, OBLIGATIONS, null);
    static final Call OBLIGATION = new Call(HttpMethod.GET, OBLIGATIONS + "/6d", null);
    static final Call DECIDE = new Call(HttpMethod.POST, OBLIGATIONS + "/6d/status", "{}");
    static final Call AMEND = new Call(HttpMethod.POST, OBLIGATIONS + "/6d/deadline-amendments", "{}");
    static final Call USERS = new Call(HttpMethod.GET, "/api/v1/users", null);
    static final Call PARTIES = new Call(HttpMethod.GET, "/api/v1/parties", null);
    static final Call ADD_PARTY = new Call(HttpMethod.POST, "/api/v1/parties", "{}");
    static final Call HEALTH = new Call(HttpMethod.GET, "/actuator/health", null);
    static final Call PROMETHEUS = new Call(HttpMethod.GET, "/actuator/prometheus", null);
    static final Call API_DOCS = new Call(HttpMethod.GET, "/v3/api-docs", null);

    static final int OK = 200;
    static final int BAD = 400;
    static final int UNAUTH = 401;
    static final int FORBIDDEN = 403;

    /** Expected status per principal, in the order ANONYMOUS, MONITOR, SUPERVISOR, BRIEFER, ADMIN, ADMIN_ALL. */
    static final Map<Call, int[]> MATRIX = new java.util.LinkedHashMap<>();

    static {
        MATRIX.put(AGREEMENTS, new int[] {UNAUTH, OK, OK, OK, OK, OK});
        MATRIX.put(OBLIGATION_LIST, new int[] {UNAUTH, OK, OK, OK, OK, OK});
        MATRIX.put(OBLIGATION, new int[] {UNAUTH, OK, OK, OK, OK, OK});
        MATRIX.put(DECIDE, new int[] {UNAUTH, FORBIDDEN, BAD, FORBIDDEN, FORBIDDEN, BAD});
        MATRIX.put(AMEND, new int[] {UNAUTH, FORBIDDEN, BAD, FORBIDDEN, FORBIDDEN, BAD});
        MATRIX.put(USERS, new int[] {UNAUTH, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, OK});
        MATRIX.put(PARTIES, new int[] {UNAUTH, OK, OK, OK, OK, OK});
        MATRIX.put(ADD_PARTY, new int[] {UNAUTH, FORBIDDEN, FORBIDDEN, FORBIDDEN, BAD, BAD});
        MATRIX.put(HEALTH, new int[] {OK, OK, OK, OK, OK, OK});
        MATRIX.put(PROMETHEUS, new int[] {UNAUTH, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, OK});
        MATRIX.put(API_DOCS, new int[] {OK, OK, OK, OK, OK, OK});
    }

    static Stream<Arguments> matrix() {
        var rows = new ArrayList<Arguments>();
        MATRIX.forEach((call, expected) -> {
            assertThat(expected).hasSize(Principal.values().length);
            for (var principal : Principal.values()) {
                rows.add(Arguments.of(call.method(), call.path(), call.body(), principal, expected[principal.ordinal()]));
            }
        });
        return rows.stream();
    }

    @Autowired
    MockMvc mvc;

    @ParameterizedTest(name = "{0} {1} as {3} -> {4}")
    @MethodSource("matrix")
    void each_role_gets_the_status_the_matrix_says(HttpMethod method, String path, @Nullable String body,
            Principal principal, int expected) throws Exception {
        var call = request(method, path);
        if (body != null) {
            call.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        var auth = principal.authentication();
        if (auth != null) {
            call.with(auth);
        }

        var result = mvc.perform(call).andExpect(status().is(expected));

        if (expected == UNAUTH) {
            result.andExpect(header().string("WWW-Authenticate", containsString("Basic")));
        }
        if ((expected == UNAUTH || expected == FORBIDDEN || expected == BAD)
                && (path.startsWith("/api/") || path.startsWith("/actuator/"))) {
            result.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(expected))
                    .andExpect(jsonPath("$.title").isNotEmpty())
                    .andExpect(jsonPath("$.detail").isNotEmpty());
        }
        if (expected == BAD) {
            result.andExpect(jsonPath("$.errors", not(empty())));
        }
        if (expected == OK && path.equals("/actuator/health")) {
            result.andExpect(jsonPath("$.status").value("UP"));
        }
        if (expected == OK && path.equals("/v3/api-docs")) {
            result.andExpect(jsonPath("$.paths['/api/v1/agreements']").exists());
        }
        if (expected == OK && path.equals("/actuator/prometheus")) {
            result.andExpect(content().string(containsString("# TYPE")));
        }
    }

    @Test
    void the_matrix_covers_every_principal_for_every_call() {
        assertThat(matrix()).hasSize(MATRIX.size() * Principal.values().length);
    }

    @Test
    void none_of_the_refused_or_invalid_writes_stored_anything() throws Exception {
        for (var principal : Principal.values()) {
            if (principal == Principal.ANONYMOUS) {
                continue;
            }
            mvc.perform(request(HttpMethod.POST, DECIDE.path()).contentType(MediaType.APPLICATION_JSON).content("{}")
                    .with(principal.authentication()));
            mvc.perform(request(HttpMethod.POST, AMEND.path()).contentType(MediaType.APPLICATION_JSON).content("{}")
                    .with(principal.authentication()));
        }
        mvc.perform(request(HttpMethod.GET, OBLIGATION.path()).with(Principal.MONITOR.authentication()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.statusHistory[*].decidedBy", not(hasItem(startsWith("matrix-")))))
                .andExpect(jsonPath("$.deadlineAmendments[*].recordedBy", not(hasItem(startsWith("matrix-")))));
        mvc.perform(request(HttpMethod.GET, PARTIES.path()).with(Principal.MONITOR.authentication()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", not(hasItem(""))));
    }
}
