package org.ceasefire.ccm.security.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.ceasefire.ccm.security.AppRoles;
import org.ceasefire.ccm.security.NewUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.ceasefire.ccm.security.UserChange;
import org.ceasefire.ccm.security.UserService;
import org.ceasefire.ccm.security.UserSummary;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Accounts, for administrators. Passwords go in, never out. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Accounts and roles (ADMIN)")
@PreAuthorize("hasRole('" + AppRoles.ADMIN + "')")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "List all accounts")
    List<UserSummary> list() {
        return users.list();
    }

    @GetMapping("/{username}")
    @Operation(summary = "One account")
    UserSummary get(@PathVariable String username) {
        return users.get(username);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an account", description = "Passwords need 12 characters or more and must not be common.")
    UserSummary create(@RequestBody NewUser user) {
        return users.create(user);
    }

    @PatchMapping("/{username}")
    @Operation(summary = "Change an account", description = "Absent fields stay as they are.")
    UserSummary change(@PathVariable String username, @RequestBody UserChange change) {
        return users.change(username, change);
    }
}
