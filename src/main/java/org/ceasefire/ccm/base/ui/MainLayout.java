package org.ceasefire.ccm.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import org.ceasefire.ccm.base.TimeFormats;

/**
 * The frame around every view. The navigation lists only the views the signed-in user may open: entries come from
 * each view's {@code @Menu} and are filtered by the same access rules that guard the views.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    final SideNav navigation = new SideNav();
    final Select<Locale> language = new Select<>();

    MainLayout(AuthenticationContext authentication, TimeFormats times) {
        setPrimarySection(Section.DRAWER);
        var brand = new Div(new Span(getTranslation("app.name")));
        brand.addClassName("app-brand");
        MenuConfiguration.getMenuEntries().forEach(entry -> navigation.addItem(item(entry)));
        navigation.addClassName("app-nav");
        addToDrawer(brand, navigation);

        language.setItems(Languages.SUPPORTED);
        language.setItemLabelGenerator(Languages::name);
        language.setValue(Languages.closest(getLocale()));
        language.setAriaLabel(getTranslation("layout.language"));
        language.addClassName("language-select");
        language.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                VaadinSession.getCurrent().setLocale(e.getValue());
                UI.getCurrent().getPage().reload();
            }
        });
        var user = new Span(authentication.getPrincipalName().orElse(""));
        user.addClassName("current-user");
        var logout = new Button(getTranslation("layout.logout"), e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var zone = new Span(getTranslation("layout.times-in", times.zoneLabel()));
        zone.addClassName("zone-note");
        var header = new HorizontalLayout(new DrawerToggle(), zone, language, user, logout);
        header.addClassName("app-header");
        header.setWidthFull();
        header.setAlignItems(HorizontalLayout.Alignment.CENTER);
        header.expand(zone);
        addToNavbar(header);
    }

    private SideNavItem item(MenuEntry entry) {
        var item = new SideNavItem(getTranslation(entry.title()), entry.path());
        if (entry.icon() != null && !entry.icon().isBlank()) {
            item.setPrefixComponent(new Icon(entry.icon()));
        }
        return item;
    }
}
