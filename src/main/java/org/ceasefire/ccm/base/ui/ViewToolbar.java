package org.ceasefire.ccm.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** A view's title with its actions on the right. */
public class ViewToolbar extends Header {

    public ViewToolbar(String title, Component... actions) {
        addClassName("view-toolbar");
        var heading = new H1(title);
        heading.addClassName("view-title");
        var bar = new HorizontalLayout(heading);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.setFlexGrow(1, heading);
        bar.add(actions);
        bar.setWrap(true);
        add(bar);
    }
}
