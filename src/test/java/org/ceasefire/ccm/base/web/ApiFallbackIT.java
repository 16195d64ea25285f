package org.ceasefire.ccm.base.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.ceasefire.ccm.CcmIntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** A client that calls an address the API does not have is told so, in a problem it can read, never given a web page. */
@CcmIntegrationTest
class ApiFallbackIT {

    @Autowired
    MockMvc mvc;

    @Test
    void an_unknown_api_address_is_a_404_problem_naming_the_address() throws Exception {
        mvc.perform(get("/api/v1/dashbords/overview").with(user("briefer").roles("BRIEFER")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", Matchers.containsString("GET /api/v1/dashbords/overview")));
    }

    @Test
    void an_unknown_api_address_still_needs_a_signed_in_caller() throws Exception {
        mvc.perform(get("/api/v1/nothing-here")).andExpect(status().isUnauthorized());
    }

    @Test
    void a_method_an_endpoint_does_not_take_is_refused_as_a_problem_too() throws Exception {
        mvc.perform(delete("/api/v1/agreements").with(user("admin").roles("ADMIN")))
                .andExpect(status().is4xxClientError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
