package org.ceasefire.ccm.agreement.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import org.ceasefire.ccm.agreement.AgreementService;

/** The start page opens the first agreement in the catalogue. */
@Route("")
@Menu(title = "nav.agreement", order = 0, icon = "vaadin:file-text-o")
@PermitAll
class HomeView extends Div implements BeforeEnterObserver {

    private final AgreementService agreements;

    HomeView(AgreementService agreements) {
        this.agreements = agreements;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var list = agreements.list();
        if (list.isEmpty()) {
            add(new Paragraph(getTranslation("agreement.none")));
            return;
        }
        event.forwardTo(AgreementView.class, new RouteParameters("agreement", list.getFirst().code()));
    }
}
