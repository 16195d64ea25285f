package org.ceasefire.ccm.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The password rules: 12 characters or more, and not on the common-password list whatever the case. */
class PasswordPolicyTest {

    final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void eleven_characters_are_refused_as_too_short() {
        assertThat("kq8-vLp2xRz").hasSize(11);
        assertThat(policy.problem("kq8-vLp2xRz")).hasValueSatisfying(p -> assertThat(p).contains("12"));
    }

    @Test
    void twelve_uncommon_characters_are_fine() {
        assertThat("kq8-vLp2xRz7").hasSize(12);
        assertThat(policy.problem("kq8-vLp2xRz7")).isEmpty();
        assertThat(policy.problem("a much longer passphrase of several words")).isEmpty();
    }

    @Test
    void a_common_password_is_refused_whatever_its_case() {
        assertThat(policy.problem("password1234")).hasValueSatisfying(p -> assertThat(p).contains("common"));
        assertThat(policy.problem("PASSWORD1234")).hasValueSatisfying(p -> assertThat(p).contains("common"));
        assertThat(policy.problem("PassWord1234")).isPresent();
        assertThat(policy.problem("CeaseFire1234")).isPresent();
        assertThat(policy.problem("qwertyuiop123")).isPresent();
    }

    @Test
    void comment_lines_of_the_list_are_not_passwords() {
        assertThat(policy.problem("# Passwords refused as too common (compared case-insensitively). Extend freely."))
                .isEmpty();
    }

    @Test
    void null_and_empty_are_refused_as_missing() {
        assertThat(policy.problem(null)).hasValue("is required");
        assertThat(policy.problem("")).hasValue("is required");
    }

    @Test
    void the_minimum_length_is_twelve() {
        assertThat(PasswordPolicy.MIN_LENGTH).isEqualTo(12);
    }
}
