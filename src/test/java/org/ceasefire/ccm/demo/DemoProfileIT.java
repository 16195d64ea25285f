package org.ceasefire.ccm.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.ceasefire.ccm.security.domain.UserAccountRepository;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** What the README's run command promises: demo accounts that log in, and sample data unless switched off. */
class DemoProfileIT {

    @Nested
    @SpringBootTest
    @AutoConfigureMockMvc
    @ActiveProfiles({"test", "demo"})
    class WithSampleData {

        @Autowired
        MockMvc mvc;

        @Test
        void every_demo_account_logs_in_with_the_demo_password() throws Exception {
            for (var user : List.of("monitor", "monitor2", "supervisor", "supervisor2", "briefer", "admin")) {
                mvc.perform(get("/api/v1/agreements").with(httpBasic(user, "ceasefire-demo"))).andExpect(status().isOk());
            }
            mvc.perform(get("/api/v1/users").with(httpBasic("admin", "ceasefire-demo"))).andExpect(status().isOk());
            mvc.perform(get("/api/v1/users").with(httpBasic("monitor", "ceasefire-demo"))).andExpect(status().isForbidden());
        }

        @Test
        void sample_reports_are_filed_and_the_sample_decisions_cite_the_verified_ones() throws Exception {
            mvc.perform(get("/api/v1/reports?size=50").with(httpBasic("briefer", "ceasefire-demo")))
                    .andExpect(jsonPath("$.total").value(9));
            mvc.perform(get("/api/v1/reports?status=SUBMITTED").with(httpBasic("briefer", "ceasefire-demo")))
                    .andExpect(jsonPath("$.total").value(2));
            mvc.perform(get("/api/v1/agreements/nk-2020-11-10/obligations/2").with(httpBasic("briefer", "ceasefire-demo")))
                    .andExpect(jsonPath("$.timeliness").value("MET_ON_TIME"))
                    .andExpect(jsonPath("$.statusHistory[0].evidence[0]").value("7d1e0000-0000-4000-8000-000000000001"));
            // the walk-through of the README is left open
            mvc.perform(get("/api/v1/agreements/nk-2020-11-10/obligations/6a").with(httpBasic("briefer", "ceasefire-demo")))
                    .andExpect(jsonPath("$.statusHistory").isEmpty())
                    .andExpect(jsonPath("$.timeliness").value("OVERDUE"));
        }
    }

    @Nested
    @SpringBootTest(properties = "ccm.demo.data=false")
    @AutoConfigureMockMvc
    @ActiveProfiles({"test", "demo"})
    class WithoutSampleData {

        @Autowired
        MockMvc mvc;

        @Autowired
        UserAccountRepository users;

        @Test
        void the_accounts_stay_but_no_report_or_decision_is_made_up() throws Exception {
            assertThat(users.findByUsername("supervisor")).isPresent();
            mvc.perform(get("/api/v1/reports").with(httpBasic("briefer", "ceasefire-demo")))
                    .andExpect(jsonPath("$.total").value(0));
            mvc.perform(get("/api/v1/agreements/nk-2020-11-10/obligations/2").with(httpBasic("briefer", "ceasefire-demo")))
                    .andExpect(jsonPath("$.statusHistory").isEmpty());
        }
    }
}
