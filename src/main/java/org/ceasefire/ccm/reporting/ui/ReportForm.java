package org.ceasefire.ccm.reporting.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;
import org.ceasefire.ccm.agreement.AgreementService;
import org.ceasefire.ccm.agreement.ObligationService;
import org.ceasefire.ccm.base.ConflictException;
import org.ceasefire.ccm.base.ForbiddenException;
import org.ceasefire.ccm.base.InvalidInputException;
import org.ceasefire.ccm.base.TimeFormats;
import org.ceasefire.ccm.base.ui.Notifications;
import org.ceasefire.ccm.base.ui.ViewToolbar;
import org.ceasefire.ccm.reporting.ReportService;
import org.ceasefire.ccm.security.AppRoles;

/**
 * A monitor files a report. The report's id is chosen when the form opens, so a double click or a retry after a lost
 * answer stores it once (the service answers a repeat with what it stored). Saving goes through the same service
 * call as the API; once stored, the form confirms with the id and starts a new report with a new id.
 */
@Route("reports/new")
@Menu(title = "nav.new-report", order = 10, icon = "vaadin:plus-circle")
@RolesAllowed({AppRoles.MONITOR, AppRoles.SUPERVISOR})
class ReportForm extends VerticalLayout implements HasDynamicTitle {

    private final ReportService reports;

    final ReportFormLayout form;
    final Button save = new Button();
    final Button clear = new Button();
    final Div savedPanel = new Div();
    /** The id the next save stores the report under. */
    UUID reportId = UUID.randomUUID();

    ReportForm(ReportService reports, AgreementService agreements, ObligationService obligations, TimeFormats times) {
        this.reports = reports;
        this.form = new ReportFormLayout(agreements, obligations, times);
        addClassName("report-form-view");
        save.setText(getTranslation("report.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER, KeyModifier.CONTROL);
        save.setTooltipText(getTranslation("report.save.shortcut"));
        save.setDisableOnClick(true);
        save.addClickListener(e -> {
            try {
                save();
            } finally {
                save.setEnabled(true);
            }
        });
        clear.setText(getTranslation("report.clear"));
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        clear.addClickListener(e -> form.reset(reports.lastSourceOfCurrentUser()));
        savedPanel.addClassName("saved-panel");
        savedPanel.setVisible(false);
        var buttons = new HorizontalLayout(save, clear);
        buttons.addClassName("form-buttons");
        add(new ViewToolbar(getTranslation("nav.new-report")), savedPanel, form, buttons);
        form.reset(reports.lastSourceOfCurrentUser());
        form.area.focus();
    }

    void save() {
        form.clearErrors();
        if (!form.numbersReadable()) {
            return;
        }
        try {
            var stored = reports.submit(form.draft(reportId)).value();
            showSaved(stored.id());
            Notifications.success(getTranslation("report.saved", stored.id()));
            reportId = UUID.randomUUID();
            form.reset(reports.lastSourceOfCurrentUser());
        } catch (InvalidInputException ex) {
            form.showProblems(ex);
        } catch (ConflictException | ForbiddenException ex) {
            Notifications.warn(ex.getMessage());
        }
    }

    private void showSaved(UUID id) {
        savedPanel.removeAll();
        var text = new Span(getTranslation("report.saved", id));
        text.addClassName("saved-text");
        var open = new Anchor("reports/" + id, getTranslation("report.saved.open"));
        var mine = new Anchor("reports/mine", getTranslation("nav.my-reports"));
        savedPanel.add(text, open, mine);
        savedPanel.setVisible(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.new-report") + " · " + getTranslation("app.name");
    }
}
