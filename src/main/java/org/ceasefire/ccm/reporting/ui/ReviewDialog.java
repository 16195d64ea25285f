package org.ceasefire.ccm.reporting.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Map;
import java.util.Locale;
import org.ceasefire.ccm.base.ConflictException;
import org.ceasefire.ccm.base.ForbiddenException;
import org.ceasefire.ccm.base.InvalidInputException;
import org.ceasefire.ccm.base.ui.FieldErrors;
import org.ceasefire.ccm.base.ui.Notifications;
import org.ceasefire.ccm.reporting.ReportView;
import org.ceasefire.ccm.reporting.ReviewDecision;
import org.ceasefire.ccm.reporting.ReviewService;

/** Rejects a report or returns it to its author; either needs a reason the author can act on. */
class ReviewDialog extends Dialog {

    final TextArea reason = new TextArea();
    final Button confirm = new Button();

    ReviewDialog(ReviewService reviews, ReportView report, ReviewDecision decision, Runnable onDone) {
        var key = decision.name().toLowerCase(Locale.ROOT);
        setHeaderTitle(getTranslation("review.dialog." + key));
        addClassName("review-dialog");
        reason.setLabel(getTranslation("review.reason"));
        reason.setHelperText(getTranslation("review.reason.help." + key));
        reason.setMaxLength(ReviewService.MAX_REASON);
        reason.setRequiredIndicatorVisible(true);
        reason.setWidthFull();
        reason.setMinHeight("8em");
        add(reason);
        confirm.setText(getTranslation("review." + decision.name()));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (decision == ReviewDecision.REJECT) {
            confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        confirm.setDisableOnClick(true);
        confirm.addClickListener(e -> {
            try {
                reason.setInvalid(false);
                reviews.review(report.id(), decision, reason.getValue(), report.version());
                close();
                Notifications.success(getTranslation("review.done." + key));
                onDone.run();
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, Map.of("reason", reason));
            } catch (ForbiddenException | ConflictException ex) {
                close();
                Notifications.warn(ex.getMessage());
                onDone.run();
            } finally {
                confirm.setEnabled(true);
            }
        });
        var cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, confirm);
        setWidth("min(36rem, 96vw)");
    }
}
