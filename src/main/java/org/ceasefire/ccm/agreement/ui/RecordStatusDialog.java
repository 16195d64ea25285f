package org.ceasefire.ccm.agreement.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ceasefire.ccm.agreement.LinkedReports.LinkedReport;
import org.ceasefire.ccm.agreement.NewStatusDecision;
import org.ceasefire.ccm.agreement.ObligationDetails;
import org.ceasefire.ccm.agreement.ObligationService;
import org.ceasefire.ccm.agreement.ObligationStatus;
import org.ceasefire.ccm.base.ConflictException;
import org.ceasefire.ccm.base.InvalidInputException;
import org.ceasefire.ccm.base.TimeFormats;
import org.ceasefire.ccm.base.ui.FieldErrors;
import org.ceasefire.ccm.base.ui.Notifications;

/**
 * Records a supervisor's judgement. The decision's id is fixed when the dialog opens, so a double click or a retry
 * after a lost answer stores it once. Evidence is picked from the verified reports that name the obligation.
 */
class RecordStatusDialog extends Dialog {

    final Select<ObligationStatus> status = new Select<>();
    final Select<Integer> level = new Select<>();
    final DateTimePicker effectiveAt = new DateTimePicker();
    final TextArea justification = new TextArea();
    final MultiSelectComboBox<LinkedReport> evidence = new MultiSelectComboBox<>();
    final Button save = new Button();

    private final UUID id = UUID.randomUUID();

    RecordStatusDialog(ObligationService obligations, TimeFormats times, ObligationDetails details,
            List<LinkedReport> verifiedReports, Runnable onSaved) {
        var s = details.summary();
        setHeaderTitle(getTranslation("decision.dialog.title", s.code(), s.title()));
        addClassName("record-status-dialog");
        status.setLabel(getTranslation("decision.status"));
        status.setItems(ObligationStatus.values());
        status.setItemLabelGenerator(v -> getTranslation("status." + v.name()));
        status.setPlaceholder(getTranslation("decision.status.placeholder", getTranslation("status." + s.status().name())));
        status.setRequiredIndicatorVisible(true);
        level.setLabel(getTranslation("decision.level"));
        level.setItems(0, 1, 2, 3);
        level.setItemLabelGenerator(v -> v + " · " + getTranslation("level." + v));
        level.setValue(s.implementationLevel());
        status.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                e.getValue().impliedLevel().ifPresent(level::setValue);
            }
        });
        effectiveAt.setLabel(getTranslation("decision.effective-at", times.zoneLabel()));
        effectiveAt.setHelperText(getTranslation("decision.effective-at.help"));
        effectiveAt.setStep(Duration.ofMinutes(15));
        effectiveAt.setValue(LocalDateTime.now(times.zone()).withSecond(0).withNano(0));
        effectiveAt.setRequiredIndicatorVisible(true);
        justification.setLabel(getTranslation("decision.justification"));
        justification.setHelperText(getTranslation("decision.justification.help"));
        justification.setMaxLength(NewStatusDecision.MAX_JUSTIFICATION);
        justification.setRequiredIndicatorVisible(true);
        justification.setMinHeight("8em");
        evidence.setLabel(getTranslation("decision.evidence"));
        evidence.setItems(verifiedReports);
        evidence.setItemLabelGenerator(r -> times.date(r.observedAt(), getLocale()) + " · " + r.source() + " · "
                + abbreviate(r.summary(), 60));
        evidence.setHelperText(getTranslation(verifiedReports.isEmpty() ? "decision.evidence.none" : "decision.evidence.help"));
        evidence.setEnabled(!verifiedReports.isEmpty());
        evidence.setClearButtonVisible(true);
        var fields = Map.<String, HasValidation>of("status", status, "implementationLevel", level,
                "effectiveAt", effectiveAt, "justification", justification, "evidence", evidence);

        var form = new FormLayout(status, level, effectiveAt, justification, evidence);
        form.setColspan(justification, 2);
        form.setColspan(evidence, 2);
        form.setColspan(effectiveAt, 2);
        add(form);

        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            var ids = verifiedReports.stream().filter(evidence.getValue()::contains).map(LinkedReport::id).toList();
            if (effectiveAt.getValue() == null) {
                effectiveAt.setErrorMessage(getTranslation("decision.effective-at.required"));
                effectiveAt.setInvalid(true);
                return;
            }
            try {
                obligations.decide(s.agreement(), s.code(), new NewStatusDecision(id, status.getValue(), level.getValue(),
                        justification.getValue(), ids,
                        effectiveAt.getValue().atZone(times.zone()).toInstant()), s.version());
                close();
                onSaved.run();
                Notifications.success(getTranslation("decision.saved", s.code()));
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, fields);
            } catch (ConflictException ex) {
                Notifications.warn(ex.getMessage());
            }
        });
        var cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, save);
        setWidth("min(44rem, 96vw)");
    }

    private static String abbreviate(String text, int max) {
        var flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1).stripTrailing() + "…";
    }
}
