package org.ceasefire.ccm.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.ceasefire.ccm.CcmIntegrationTest;
import org.ceasefire.ccm.security.domain.UserAccount;
import org.ceasefire.ccm.security.domain.UserAccountRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** The login form: real accounts from the database, and no sign-in by a forged form. */
@CcmIntegrationTest
class LoginIT {

    static final String PASSWORD = "a-long-enough-secret";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccountRepository users;

    @Autowired
    PasswordEncoder encoder;

    String username;

    @BeforeEach
    void anAccount() {
        username = "login-" + UUID.randomUUID().toString().substring(0, 8);
        users.save(new UserAccount(username, "Login Test", encoder.encode(PASSWORD), Set.of(AppRoles.MONITOR), Instant.now()));
    }

    @Test
    void the_right_password_with_the_form_token_signs_in() throws Exception {
        mvc.perform(post("/login").param("username", username).param("password", PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername(username).withRoles(AppRoles.MONITOR));
    }

    @Test
    void a_wrong_password_is_sent_back_to_the_login_page_with_an_error() throws Exception {
        mvc.perform(post("/login").param("username", username).param("password", "not-the-password").with(csrf()))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(unauthenticated());
    }

    @Test
    void a_login_form_posted_without_its_token_does_not_sign_in() throws Exception {
        mvc.perform(post("/login").param("username", username).param("password", PASSWORD))
                .andExpect(unauthenticated());
        mvc.perform(post("/login").param("username", username).param("password", PASSWORD).with(csrf().useInvalidToken()))
                .andExpect(unauthenticated());
    }
}
