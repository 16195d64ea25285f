package org.ceasefire.ccm.agreement.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import org.ceasefire.ccm.agreement.ObligationStatus;
import org.ceasefire.ccm.agreement.Timeliness;

/** Status, timeliness and level as badges whose colour pairs with a word, never colour alone. */
final class Badges {

    private Badges() {}

    static Span status(Component context, ObligationStatus status) {
        return badge(context.getTranslation("status." + status.name()), "badge status status-" + status.name().toLowerCase().replace('_', '-'));
    }

    static Span timeliness(Component context, Timeliness timeliness) {
        return badge(context.getTranslation("timeliness." + timeliness.name()),
                "badge timeliness timeliness-" + timeliness.name().toLowerCase().replace('_', '-'));
    }

    static Span level(Component context, int level) {
        var span = badge(level + "/3", "badge level level-" + level);
        span.setTitle(context.getTranslation("level." + level));
        return span;
    }

    private static Span badge(String text, String classNames) {
        var span = new Span(text);
        span.setClassName(classNames);
        return span;
    }
}
