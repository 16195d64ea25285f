package org.ceasefire.ccm.reporting.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import org.ceasefire.ccm.base.TimeFormats;
import org.ceasefire.ccm.base.ui.Paging;
import org.ceasefire.ccm.base.ui.ViewToolbar;
import org.ceasefire.ccm.reporting.ReportService;
import org.ceasefire.ccm.reporting.ReportStatus;
import org.ceasefire.ccm.reporting.ReportView;
import org.ceasefire.ccm.security.AppRoles;

/**
 * A monitor's own reports, newest first, with where each stands in review. A returned report shows the reviewer's
 * reason and can be corrected and resubmitted; verified and rejected reports are final.
 */
@Route("reports/mine")
@Menu(title = "nav.my-reports", order = 11, icon = "vaadin:records")
@RolesAllowed({AppRoles.MONITOR, AppRoles.SUPERVISOR})
class MyReportsView extends VerticalLayout implements HasDynamicTitle {

    private final TimeFormats times;
    final Grid<ReportView> grid = new Grid<>();
    final Button newReport = new Button();

    MyReportsView(ReportService reports, TimeFormats times) {
        this.times = times;
        addClassName("my-reports-view");
        setSizeFull();
        newReport.setText(getTranslation("nav.new-report"));
        newReport.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newReport.addClickListener(e -> UI.getCurrent().navigate(ReportForm.class));

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addClassName("reports-grid");
        grid.addComponentColumn(r -> ReportLabels.times(this, times, getLocale(), r)).setHeader(getTranslation("report.observed"))
                .setWidth("13rem").setFlexGrow(0);
        grid.addColumn(r -> ReportLabels.area(this, r.area())).setHeader(getTranslation("report.area")).setWidth("11rem")
                .setFlexGrow(0);
        grid.addColumn(r -> ReportLabels.abbreviate(r.summary(), 160)).setHeader(getTranslation("report.summary"))
                .setFlexGrow(3);
        grid.addComponentColumn(r -> ReportLabels.sourceCell(this, r)).setHeader(getTranslation("report.source"))
                .setWidth("11rem").setFlexGrow(1);
        grid.addComponentColumn(this::status).setHeader(getTranslation("report.status")).setWidth("13rem").setFlexGrow(0);
        grid.setItems(q -> Paging.fetch(q.getOffset(), q.getLimit(), (page, size) -> reports.mine(page, size).items()),
                q -> (int) reports.mine(0, 1).total());
        grid.setEmptyStateText(getTranslation("my-reports.empty"));
        grid.addItemClickListener(e -> UI.getCurrent().navigate(ReportDetailsView.class,
                new RouteParameters("id", e.getItem().id().toString())));
        grid.setSizeFull();

        add(new ViewToolbar(getTranslation("nav.my-reports"), newReport), grid);
        setFlexGrow(1, grid);
    }

    private Component status(ReportView r) {
        var cell = new Div(ReportLabels.status(this, r.status()));
        cell.addClassName("status-cell");
        if (r.status() == ReportStatus.RETURNED || r.status() == ReportStatus.REJECTED) {
            r.reviews().stream().reduce((a, b) -> b).ifPresent(review -> {
                var reason = new Span(review.reason() == null ? "" : review.reason());
                reason.addClassName("review-reason");
                cell.add(reason);
            });
        }
        if (r.status().editableByAuthor()) {
            var edit = new Button(getTranslation(r.status() == ReportStatus.RETURNED ? "my-reports.correct" : "my-reports.edit"),
                    e -> UI.getCurrent().navigate(ReportEditView.class, new RouteParameters("id", r.id().toString())));
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL,
                    r.status() == ReportStatus.RETURNED ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY);
            edit.addClassName("edit-report");
            // the row's own click opens the report; this button opens the correction instead
            edit.getElement().addEventListener("click", ignored -> { }).stopPropagation();
            cell.add(edit);
        }
        return cell;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.my-reports") + " · " + getTranslation("app.name");
    }
}
