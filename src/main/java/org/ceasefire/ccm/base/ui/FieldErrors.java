package org.ceasefire.ccm.base.ui;

import com.vaadin.flow.component.HasValidation;
import java.util.Map;
import org.ceasefire.ccm.base.InvalidInputException;

/** Shows the service's field problems next to the fields they concern; any other problem as a message. */
public final class FieldErrors {

    private FieldErrors() {}

    public static void show(InvalidInputException e, Map<String, ? extends HasValidation> fields) {
        var unplaced = new StringBuilder();
        for (var problem : e.problems()) {
            var field = fields.get(problem.field());
            if (field != null) {
                var message = problem.message();
                field.setErrorMessage(message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1));
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
