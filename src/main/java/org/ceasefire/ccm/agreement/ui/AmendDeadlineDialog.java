package org.ceasefire.ccm.agreement.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ceasefire.ccm.agreement.NewDeadlineAmendment;
import org.ceasefire.ccm.agreement.ObligationDetails;
import org.ceasefire.ccm.agreement.ObligationService;
import org.ceasefire.ccm.base.ConflictException;
import org.ceasefire.ccm.base.Instants;
import org.ceasefire.ccm.base.InvalidInputException;
import org.ceasefire.ccm.base.TimeFormats;
import org.ceasefire.ccm.base.ui.FieldErrors;
import org.ceasefire.ccm.base.ui.Notifications;

/** Records an agreed change of deadline: the new day (meaning its end, local time), who asked, who agreed, the source. */
class AmendDeadlineDialog extends Dialog {

    final DatePicker newDue = new DatePicker();
    final ComboBox<String> requestedBy = new ComboBox<>();
    final MultiSelectComboBox<String> agreedBy = new MultiSelectComboBox<>();
    final ComboBox<String> mediatedBy = new ComboBox<>();
    final DateTimePicker decidedAt = new DateTimePicker();
    final TextArea source = new TextArea();
    final TextArea note = new TextArea();
    final Button save = new Button();

    private final UUID id = UUID.randomUUID();

    AmendDeadlineDialog(ObligationService obligations, TimeFormats times, ObligationDetails details, List<String> parties,
            Runnable onSaved) {
        var s = details.summary();
        setHeaderTitle(getTranslation("amendment.dialog.title", s.code(), s.title()));
        addClassName("amend-deadline-dialog");
        newDue.setLabel(getTranslation("amendment.new-day"));
        newDue.setHelperText(getTranslation("amendment.new-day.help", times.dateTime(s.dueAt(), getLocale()), times.zoneLabel()));
        newDue.setRequiredIndicatorVisible(true);
        requestedBy.setLabel(getTranslation("amendment.requested-by"));
        requestedBy.setItems(parties);
        requestedBy.setRequiredIndicatorVisible(true);
        agreedBy.setLabel(getTranslation("amendment.agreed-by"));
        agreedBy.setItems(parties);
        agreedBy.setRequiredIndicatorVisible(true);
        mediatedBy.setLabel(getTranslation("amendment.mediated-by"));
        mediatedBy.setItems(parties);
        mediatedBy.setClearButtonVisible(true);
        decidedAt.setLabel(getTranslation("amendment.decided-at.label", times.zoneLabel()));
        decidedAt.setStep(Duration.ofMinutes(15));
        decidedAt.setValue(LocalDateTime.now(times.zone()).withSecond(0).withNano(0));
        decidedAt.setRequiredIndicatorVisible(true);
        source.setLabel(getTranslation("amendment.source"));
        source.setHelperText(getTranslation("amendment.source.help"));
        source.setMaxLength(NewDeadlineAmendment.MAX_SOURCE);
        source.setRequiredIndicatorVisible(true);
        note.setLabel(getTranslation("amendment.note"));
        note.setMaxLength(NewDeadlineAmendment.MAX_NOTE);
        var fields = Map.<String, HasValidation>of("newDueAt", newDue, "requestedBy", requestedBy, "agreedBy", agreedBy,
                "mediatedBy", mediatedBy, "decidedAt", decidedAt, "source", source, "note", note);
        var form = new FormLayout(newDue, decidedAt, requestedBy, agreedBy, mediatedBy, source, note);
        form.setColspan(source, 2);
        form.setColspan(note, 2);
        add(form);

        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            LocalDate day = newDue.getValue();
            try {
                obligations.amend(s.agreement(), s.code(), new NewDeadlineAmendment(id,
                        day == null ? null : Instants.endOfDay(day, times.zone()),
                        requestedBy.getValue() == null ? "" : requestedBy.getValue(), List.copyOf(agreedBy.getValue()),
                        mediatedBy.getValue(), decidedAt.getValue() == null ? null : decidedAt.getValue().atZone(times.zone()).toInstant(),
                        source.getValue(),
                        note.getValue()), s.version());
                close();
                onSaved.run();
                Notifications.success(getTranslation("amendment.saved", s.code()));
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
}
