package org.ceasefire.ccm.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a person sees for an address that does not exist or that their account may not open. The two look the same
 * on purpose: the page does not reveal which addresses exist to someone without the role for them.
 */
@AnonymousAllowed
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    public NotFoundView() {
        addClassName("not-found-view");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        add(new H1(getTranslation("error.not-found.title")),
                new Paragraph(getTranslation("error.not-found.text", event.getLocation().getPath())),
                new Anchor("", getTranslation("error.not-found.home")));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
