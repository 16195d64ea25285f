package org.ceasefire.ccm.agreement.ui;

import com.vaadin.flow.component.HasValidation;
import java.util.Map;
import org.ceasefire.ccm.base.InvalidInputException;
import org.ceasefire.ccm.base.ui.Notifications;

/** Shows the service's field problems next to the fields they concern; any other problem as a message. */
final class FieldErrors {

    private FieldErrors() {}

    static void show(InvalidInputException e, Map<String, ? extends HasValidation> fields) {
        var unplaced = new StringBuilder();
        for (var problem : e.problems()) {
            var field = fields.get(problem.field());
            if (field != null) {
                field.setErrorMessage(problem.message());
                field.setInvalid(true);
            } else {
                unplaced.append(problem.field()).append(' ').append(problem.message()).append(". ");
            }
        }
        if (!unplaced.isEmpty()) {
            Notifications.warn(unplaced.toString().strip());
        }
    }
}
