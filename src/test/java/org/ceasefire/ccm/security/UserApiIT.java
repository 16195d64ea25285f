package org.ceasefire.ccm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.UUID;
import org.ceasefire.ccm.CcmIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Administrators' account management over the API, and what it means for logging in over HTTP Basic. */
@CcmIntegrationTest
class UserApiIT {

    static final String USERS = "/api/v1/users";
    static final String PASSWORD = "river-bank-lantern-42";

    @Autowired
    MockMvc mvc;

    static RequestPostProcessor admin() {
        return user("api-admin").roles("ADMIN");
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static MockHttpServletRequestBuilder postJson(String path, String body) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    static MockHttpServletRequestBuilder patchJson(String path, String body) {
        return patch(path).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    static String newUser(String username, String password, String... roles) {
        return """
                {"username":"%s","displayName":"Test Person %s","password":"%s","roles":[%s]}"""
                .formatted(username, username, password, String.join(",", java.util.Arrays.stream(roles).map(r -> "\"" + r + "\"").toList()));
    }

    private void create(String username, String password, String... roles) throws Exception {
        mvc.perform(postJson(USERS, newUser(username, password, roles)).with(admin())).andExpect(status().isCreated());
    }

    @Test
    void an_administrator_creates_an_account_and_no_password_or_hash_comes_back() throws Exception {
        var name = uniqueName("anna");
        var body = mvc.perform(postJson(USERS, newUser(name, PASSWORD, "MONITOR", "briefer")).with(admin()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").value(name))
                .andExpect(jsonPath("$.displayName").value("Test Person " + name))
                .andExpect(jsonPath("$.roles", containsInAnyOrder("MONITOR", "BRIEFER")))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.password").doesNotExist())
                .andExpect(jsonPath("$.passwordHash").doesNotExist())
                .andExpect(jsonPath("$.hash").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        assertThat(body.toLowerCase(Locale.ROOT)).doesNotContain("password", "hash", "bcrypt", PASSWORD);

        var one = mvc.perform(get(USERS + "/" + name).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(name))
                .andReturn().getResponse().getContentAsString();
        assertThat(one.toLowerCase(Locale.ROOT)).doesNotContain("password", "hash", "bcrypt");

        var list = mvc.perform(get(USERS).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].username", hasItem(name)))
                .andReturn().getResponse().getContentAsString();
        // other tests add accounts too, so look for the fields and hash formats only
        assertThat(list).doesNotContain("\"password", "\"passwordHash\"", "{bcrypt}", "$2a$");
    }

    @Test
    void a_password_under_12_characters_is_a_400_naming_the_password_and_nothing_is_stored() throws Exception {
        var name = uniqueName("short");
        mvc.perform(postJson(USERS, newUser(name, "elevenchars", "MONITOR")).with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("password")))
                .andExpect(jsonPath("$.errors[?(@.field == 'password')].message", hasItem(containsString("12"))));
        mvc.perform(get(USERS + "/" + name).with(admin())).andExpect(status().isNotFound());
    }

    @Test
    void a_common_password_is_a_400_whatever_its_case() throws Exception {
        for (var common : new String[] {"password1234", "PASSWORD1234", "Ceasefire1234"}) {
            var name = uniqueName("common");
            mvc.perform(postJson(USERS, newUser(name, common, "MONITOR")).with(admin()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[*].field", hasItem("password")))
                    .andExpect(jsonPath("$.errors[?(@.field == 'password')].message", hasItem(containsString("common"))));
            mvc.perform(get(USERS + "/" + name).with(admin())).andExpect(status().isNotFound());
        }
    }

    @Test
    void a_second_account_with_the_same_username_is_a_409() throws Exception {
        var name = uniqueName("twin");
        create(name, PASSWORD, "MONITOR");

        mvc.perform(postJson(USERS, newUser(name, "another-good-password", "BRIEFER")).with(admin()))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString(name)));
        // usernames are compared lower-cased
        mvc.perform(postJson(USERS, newUser(name.toUpperCase(Locale.ROOT), "another-good-password", "BRIEFER")).with(admin()))
                .andExpect(status().isConflict());
        mvc.perform(get(USERS + "/" + name).with(admin()))
                .andExpect(jsonPath("$.roles", containsInAnyOrder("MONITOR")));
    }

    @Test
    void an_unknown_role_is_a_400_naming_the_roles() throws Exception {
        var name = uniqueName("norole");
        mvc.perform(postJson(USERS, newUser(name, PASSWORD, "MONITOR", "SUPERUSER")).with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("roles")))
                .andExpect(jsonPath("$.errors[?(@.field == 'roles')].message", hasItem(containsString("SUPERUSER"))));
        mvc.perform(postJson(USERS, newUser(name, PASSWORD)).with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("roles")));
        mvc.perform(get(USERS + "/" + name).with(admin())).andExpect(status().isNotFound());
    }

    @Test
    void patch_changes_roles_and_enabled_and_leaves_absent_fields_as_they_are() throws Exception {
        var name = uniqueName("patch");
        create(name, PASSWORD, "MONITOR");

        mvc.perform(patchJson(USERS + "/" + name, "{\"roles\":[\"SUPERVISOR\",\"BRIEFER\"]}").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles", containsInAnyOrder("SUPERVISOR", "BRIEFER")))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.displayName").value("Test Person " + name));
        mvc.perform(patchJson(USERS + "/" + name, "{\"enabled\":false}").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false))
                .andExpect(jsonPath("$.roles", containsInAnyOrder("SUPERVISOR", "BRIEFER")));
        mvc.perform(get(USERS + "/" + name).with(admin()))
                .andExpect(jsonPath("$.enabled").value(false))
                .andExpect(jsonPath("$.roles", containsInAnyOrder("SUPERVISOR", "BRIEFER")));

        mvc.perform(patchJson(USERS + "/" + name, "{\"roles\":[\"WIZARD\"]}").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("roles")));
        mvc.perform(patchJson(USERS + "/" + name, "{\"password\":\"short\"}").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("password")));
        mvc.perform(patchJson(USERS + "/no-such-" + name, "{\"enabled\":true}").with(admin()))
                .andExpect(status().isNotFound());
    }

    @Test
    void an_account_created_over_the_api_logs_in_with_http_basic_and_gets_its_roles() throws Exception {
        var name = uniqueName("basic");
        create(name, PASSWORD, "MONITOR");

        mvc.perform(get("/api/v1/agreements").with(httpBasic(name, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItem("nk-2020-11-10")));
        // the username is matched case-insensitively, the password is not
        mvc.perform(get("/api/v1/agreements").with(httpBasic(name.toUpperCase(Locale.ROOT), PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/agreements").with(httpBasic(name, PASSWORD.toUpperCase(Locale.ROOT))))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(USERS).with(httpBasic(name, PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        // roles are read on every call: a promotion to ADMIN takes effect at once
        mvc.perform(patchJson(USERS + "/" + name, "{\"roles\":[\"MONITOR\",\"ADMIN\"]}").with(admin()))
                .andExpect(status().isOk());
        mvc.perform(get(USERS).with(httpBasic(name, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].username", hasItem(name)));

        // a password reset: the old one stops working, the new one works
        mvc.perform(patchJson(USERS + "/" + name, "{\"password\":\"a-brand-new-passphrase\"}").with(admin()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/agreements").with(httpBasic(name, PASSWORD))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/agreements").with(httpBasic(name, "a-brand-new-passphrase"))).andExpect(status().isOk());
    }

    @Test
    void a_disabled_account_can_no_longer_authenticate_over_http_basic() throws Exception {
        var name = uniqueName("leaver");
        create(name, PASSWORD, "MONITOR");
        mvc.perform(get("/api/v1/agreements").with(httpBasic(name, PASSWORD))).andExpect(status().isOk());

        mvc.perform(patchJson(USERS + "/" + name, "{\"enabled\":false}").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));

        mvc.perform(get("/api/v1/agreements").with(httpBasic(name, PASSWORD)))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        mvc.perform(patchJson(USERS + "/" + name, "{\"enabled\":true}").with(admin())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/agreements").with(httpBasic(name, PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void an_unknown_account_gets_a_401_problem() throws Exception {
        var name = uniqueName("ghost");
        mvc.perform(get("/api/v1/agreements").with(httpBasic(name, PASSWORD)))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Authentication required"));
    }

    @Test
    void an_administrator_cannot_disable_their_own_account_or_drop_their_own_admin_role() throws Exception {
        var name = uniqueName("selfadmin");
        create(name, PASSWORD, "ADMIN");
        mvc.perform(patchJson(USERS + "/" + name, "{\"enabled\":false}").with(httpBasic(name, PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("enabled")));
        mvc.perform(patchJson(USERS + "/" + name, "{\"roles\":[\"MONITOR\"]}").with(httpBasic(name, PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("roles")));
        mvc.perform(get(USERS + "/" + name).with(admin()))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.roles", containsInAnyOrder("ADMIN")));
    }

    @Test
    void roles_other_than_admin_get_a_403_problem_on_the_user_list_and_cannot_create_accounts() throws Exception {
        for (var role : new String[] {"MONITOR", "SUPERVISOR", "BRIEFER"}) {
            mvc.perform(get(USERS).with(user(role.toLowerCase(Locale.ROOT)).roles(role)))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status", is(403)));
            var name = uniqueName("sneaky");
            mvc.perform(postJson(USERS, newUser(name, PASSWORD, "ADMIN")).with(user("x").roles(role)))
                    .andExpect(status().isForbidden());
            mvc.perform(get(USERS + "/" + name).with(admin())).andExpect(status().isNotFound());
        }
        mvc.perform(get(USERS).with(user("all-but-admin").roles("MONITOR", "SUPERVISOR", "BRIEFER")))
                .andExpect(status().isForbidden());
    }

    @Test
    void an_anonymous_call_gets_a_401_problem() throws Exception {
        mvc.perform(get(USERS))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(postJson(USERS, newUser(uniqueName("anon"), PASSWORD, "ADMIN")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.errors").doesNotExist());
    }
}
