package org.ceasefire.ccm.reporting.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;
import org.ceasefire.ccm.agreement.AgreementService;
import org.ceasefire.ccm.agreement.ObligationService;
import org.ceasefire.ccm.base.ConflictException;
import org.ceasefire.ccm.base.ForbiddenException;
import org.ceasefire.ccm.base.InvalidInputException;
import org.ceasefire.ccm.base.NotFoundException;
import org.ceasefire.ccm.base.TimeFormats;
import org.ceasefire.ccm.base.ui.Notifications;
import org.ceasefire.ccm.base.ui.ViewToolbar;
import org.ceasefire.ccm.reporting.ReportService;
import org.ceasefire.ccm.reporting.ReportStatus;
import org.ceasefire.ccm.reporting.ReportView;
import org.ceasefire.ccm.reporting.ReviewDecision;
import org.ceasefire.ccm.security.AppRoles;
import org.jspecify.annotations.Nullable;

/**
 * The author corrects a report still waiting for review, or one a supervisor returned; saving puts it back into the
 * queue. The version the author saw travels with the save, so a review that happened meanwhile is not overwritten.
 */
@Route("reports/:id([0-9a-fA-F-]{36})/edit")
@RolesAllowed({AppRoles.MONITOR, AppRoles.SUPERVISOR})
class ReportEditView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ReportService reports;
    private final AgreementService agreements;
    private final ObligationService obligations;
    private final TimeFormats times;
    private final AuthenticationContext authentication;

    @Nullable ReportFormLayout form;
    final Button save = new Button();
    final Div returnedReason = new Div();
    private @Nullable ReportView report;

    ReportEditView(ReportService reports, AgreementService agreements, ObligationService obligations, TimeFormats times,
            AuthenticationContext authentication) {
        this.reports = reports;
        this.agreements = agreements;
        this.obligations = obligations;
        this.times = times;
        this.authentication = authentication;
        addClassName("report-edit-view");
        save.setText(getTranslation("report.resubmit"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(e -> {
            try {
                save();
            } finally {
                save.setEnabled(true);
            }
        });
        returnedReason.addClassName("returned-reason");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        var id = event.getRouteParameters().get("id").orElse("");
        try {
            report = reports.get(UUID.fromString(id));
        } catch (NotFoundException | IllegalArgumentException e) {
            add(new ViewToolbar(getTranslation("report.not-found")), new Paragraph(getTranslation("report.not-found.text", id)));
            return;
        }
        var r = report;
        var back = new Anchor("reports/" + r.id(), getTranslation("report.back-to-report"));
        back.addClassName("back-link");
        var mine = authentication.getPrincipalName().map(r.submittedBy()::equals).orElse(false);
        if (!mine || !r.status().editableByAuthor()) {
            add(back, new ViewToolbar(getTranslation("report.edit.title")),
                    new Paragraph(getTranslation(mine ? "report.edit.not-editable" : "report.edit.not-yours",
                            getTranslation("report-status." + r.status().name()))));
            return;
        }
        add(back, new ViewToolbar(getTranslation("report.edit.title")));
        if (r.status() == ReportStatus.RETURNED) {
            returnedReason.removeAll();
            r.reviews().stream().filter(v -> v.decision() == ReviewDecision.RETURN).reduce((a, b) -> b).ifPresent(v -> {
                var head = new Span(getTranslation("report.returned.by", v.reviewer(), times.dateTime(v.reviewedAt(), getLocale())));
                head.addClassName("returned-head");
                var reason = new Paragraph(v.reason() == null ? "" : v.reason());
                reason.addClassName("returned-text");
                returnedReason.add(head, reason);
            });
            add(returnedReason);
        }
        form = new ReportFormLayout(agreements, obligations, times);
        form.read(r);
        var cancel = new Button(getTranslation("action.cancel"), e -> toReport(r.id()));
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var buttons = new HorizontalLayout(save, cancel);
        buttons.addClassName("form-buttons");
        add(form, buttons);
    }

    void save() {
        var r = report;
        var f = form;
        if (r == null || f == null) {
            return;
        }
        f.clearErrors();
        if (!f.numbersReadable()) {
            return;
        }
        try {
            reports.update(r.id(), f.draft(r.id()), r.version());
            Notifications.success(getTranslation("report.resubmitted", r.id()));
            toReport(r.id());
        } catch (InvalidInputException ex) {
            f.showProblems(ex);
        } catch (ConflictException | ForbiddenException ex) {
            Notifications.warn(ex.getMessage());
        }
    }

    private static void toReport(UUID id) {
        UI.getCurrent().navigate(ReportDetailsView.class, new RouteParameters("id", id.toString()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("report.edit.title") + " · " + getTranslation("app.name");
    }
}
