package org.ceasefire.ccm.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The last line for failures in the UI: the person sees a plain message, the log gets the stack trace. Expected
 * failures (invalid input, a concurrent edit) are handled where they happen and never reach this.
 */
@Component
class MainErrorHandler implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(MainErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
            log.error("Unexpected error in the UI", error.getThrowable());
            error.getComponent().flatMap(c -> c.getUI()).or(() -> java.util.Optional.ofNullable(UI.getCurrent()))
                    .ifPresent(ui -> ui.access(() -> {
                        var notification = Notification.show(ui.getTranslation("error.unexpected"), 6000,
                                Notification.Position.MIDDLE);
                        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
                    }));
        }));
    }
}
