package org.ceasefire.ccm.security.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashSet;
import java.util.Map;
import org.ceasefire.ccm.base.ConflictException;
import org.ceasefire.ccm.base.InvalidInputException;
import org.ceasefire.ccm.base.TimeFormats;
import org.ceasefire.ccm.base.ui.FieldErrors;
import org.ceasefire.ccm.base.ui.Notifications;
import org.ceasefire.ccm.base.ui.ViewToolbar;
import org.ceasefire.ccm.security.AppRoles;
import org.ceasefire.ccm.security.NewUser;
import org.ceasefire.ccm.security.UserChange;
import org.ceasefire.ccm.security.UserService;
import org.ceasefire.ccm.security.UserSummary;
import org.jspecify.annotations.Nullable;

/** Administrators manage accounts: create, change roles, disable, reset a password. */
@Route("admin/users")
@Menu(title = "nav.users", order = 90, icon = "vaadin:users")
@RolesAllowed(AppRoles.ADMIN)
class UserListView extends VerticalLayout implements HasDynamicTitle {

    private final UserService users;
    private final TimeFormats times;
    final Grid<UserSummary> grid = new Grid<>();
    final Button create = new Button();

    UserListView(UserService users, TimeFormats times) {
        this.users = users;
        this.times = times;
        addClassName("user-list-view");
        create.setText(getTranslation("users.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> edit(null));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(UserSummary::username).setHeader(getTranslation("users.username")).setSortable(true);
        grid.addColumn(UserSummary::displayName).setHeader(getTranslation("users.display-name")).setSortable(true);
        grid.addColumn(u -> String.join(", ", u.roles())).setHeader(getTranslation("users.roles"));
        grid.addColumn(u -> getTranslation(u.enabled() ? "users.enabled" : "users.disabled")).setHeader(getTranslation("users.state"));
        grid.addColumn(u -> times.date(u.createdAt(), getLocale())).setHeader(getTranslation("users.created"));
        grid.addItemClickListener(e -> edit(e.getItem()));
        grid.setAllRowsVisible(true);
        add(new ViewToolbar(getTranslation("nav.users"), create), grid);
        refresh();
    }

    void refresh() {
        grid.setItems(users.list());
    }

    void edit(@Nullable UserSummary user) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(user == null ? getTranslation("users.create") : getTranslation("users.edit", user.username()));
        var username = new TextField(getTranslation("users.username"));
        username.setMaxLength(NewUser.MAX_USERNAME);
        var displayName = new TextField(getTranslation("users.display-name"));
        displayName.setMaxLength(NewUser.MAX_DISPLAY_NAME);
        var password = new PasswordField(getTranslation(user == null ? "users.password" : "users.password.reset"));
        password.setHelperText(getTranslation("users.password.help"));
        var roles = new CheckboxGroup<String>(getTranslation("users.roles"));
        roles.setItems(AppRoles.ALL);
        var enabled = new Checkbox(getTranslation("users.enabled"));
        if (user != null) {
            username.setValue(user.username());
            username.setReadOnly(true);
            displayName.setValue(user.displayName());
            roles.setValue(user.roles());
            enabled.setValue(user.enabled());
        } else {
            enabled.setValue(true);
            enabled.setVisible(false);
        }
        var fields = Map.<String, HasValidation>of("username", username, "displayName", displayName, "password", password,
                "roles", roles);
        var save = new Button(getTranslation("action.save"), e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            try {
                if (user == null) {
                    users.create(new NewUser(username.getValue(), displayName.getValue(), password.getValue(),
                            new HashSet<>(roles.getValue())));
                } else {
                    users.change(user.username(), new UserChange(displayName.getValue(), new HashSet<>(roles.getValue()),
                            enabled.getValue(), password.getValue().isEmpty() ? null : password.getValue()), user.version());
                }
                dialog.close();
                refresh();
                Notifications.success(getTranslation("users.saved"));
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, fields);
            } catch (ConflictException ex) {
                Notifications.warn(ex.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(username, displayName, password, roles, enabled));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.users") + " · " + getTranslation("app.name");
    }
}
