package org.ceasefire.ccm.reporting.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import org.ceasefire.ccm.agreement.AgreementService;
import org.ceasefire.ccm.agreement.ObligationService;
import org.ceasefire.ccm.base.TimeFormats;
import org.ceasefire.ccm.base.ui.Paging;
import org.ceasefire.ccm.base.ui.ViewToolbar;
import org.ceasefire.ccm.reporting.ReportArea;
import org.ceasefire.ccm.reporting.ReportFilter;
import org.ceasefire.ccm.reporting.ReportView;
import org.ceasefire.ccm.reporting.ReviewService;
import org.ceasefire.ccm.security.AppRoles;
import org.jspecify.annotations.Nullable;

/** Reports waiting for review, oldest first, narrowed by area, obligation, source and monitor. */
@Route("reviews")
@Menu(title = "nav.review-queue", order = 20, icon = "vaadin:check-square-o")
@RolesAllowed(AppRoles.SUPERVISOR)
class ReviewQueueView extends VerticalLayout implements HasDynamicTitle {

    final Select<ReportArea> areaFilter = new Select<>();
    final ComboBox<String> obligationFilter = new ComboBox<>();
    final TextField sourceFilter = new TextField();
    final TextField monitorFilter = new TextField();
    final Grid<ReportView> grid = new Grid<>();

    ReviewQueueView(ReviewService reviews, AgreementService agreements, ObligationService obligations, TimeFormats times) {
        addClassName("review-queue-view");
        setSizeFull();

        areaFilter.setLabel(getTranslation("report.area"));
        areaFilter.setItems(ReportArea.values());
        areaFilter.setEmptySelectionAllowed(true);
        areaFilter.setEmptySelectionCaption(getTranslation("filter.any"));
        areaFilter.setItemLabelGenerator(a -> a == null ? getTranslation("filter.any") : ReportLabels.area(this, a));
        var titles = new LinkedHashMap<String, String>();
        // the service lists only obligations still in the catalogue
        agreements.list().stream().findFirst()
                .ifPresent(a -> obligations.list(a.code()).forEach(o -> titles.put(o.code(), o.title())));
        obligationFilter.setLabel(getTranslation("report.obligation"));
        obligationFilter.setItems(titles.keySet());
        obligationFilter.setItemLabelGenerator(code -> code + " · " + ReportLabels.abbreviate(titles.getOrDefault(code, ""), 60));
        obligationFilter.setClearButtonVisible(true);
        sourceFilter.setLabel(getTranslation("report.source"));
        sourceFilter.setClearButtonVisible(true);
        sourceFilter.setValueChangeMode(ValueChangeMode.LAZY);
        monitorFilter.setLabel(getTranslation("review-queue.monitor"));
        monitorFilter.setClearButtonVisible(true);
        monitorFilter.setValueChangeMode(ValueChangeMode.LAZY);
        var clear = new Button(getTranslation("filter.clear"), e -> {
            areaFilter.clear();
            obligationFilter.clear();
            sourceFilter.clear();
            monitorFilter.clear();
        });
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var filters = new HorizontalLayout(areaFilter, obligationFilter, sourceFilter, monitorFilter, clear);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        filters.addClassName("filters");
        areaFilter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        obligationFilter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        sourceFilter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        monitorFilter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addClassName("reports-grid");
        grid.addComponentColumn(r -> ReportLabels.times(this, times, getLocale(), r)).setHeader(getTranslation("report.observed"))
                .setWidth("13rem").setFlexGrow(0);
        grid.addComponentColumn(r -> {
            var cell = new Div(new Span(ReportLabels.area(this, r.area())));
            cell.addClassName("area-cell");
            if (!r.obligations().isEmpty()) {
                var codes = new Span(String.join(", ", r.obligations()));
                codes.addClassName("obligation-codes");
                cell.add(codes);
            }
            return cell;
        }).setHeader(getTranslation("report.area")).setWidth("11rem").setFlexGrow(0);
        grid.addColumn(r -> ReportLabels.abbreviate(r.summary(), 160)).setHeader(getTranslation("report.summary")).setFlexGrow(3);
        grid.addComponentColumn(r -> ReportLabels.sourceCell(this, r)).setHeader(getTranslation("report.source"))
                .setWidth("11rem").setFlexGrow(1);
        grid.addColumn(ReportView::submittedBy).setHeader(getTranslation("review-queue.monitor")).setWidth("8rem")
                .setFlexGrow(0);
        grid.setItems(q -> Paging.fetch(q.getOffset(), q.getLimit(), (page, size) -> reviews.queue(filter(), page, size).items()),
                q -> (int) reviews.queue(filter(), 0, 1).total());
        grid.setEmptyStateText(getTranslation("review-queue.empty"));
        grid.addItemClickListener(e -> UI.getCurrent().navigate(ReportDetailsView.class,
                new RouteParameters("id", e.getItem().id().toString())));
        grid.setSizeFull();

        add(new ViewToolbar(getTranslation("nav.review-queue")), filters, grid);
        setFlexGrow(1, grid);
    }

    ReportFilter filter() {
        return new ReportFilter(areaFilter.getValue(), null, null, null, obligationFilter.getValue(),
                blankToNull(monitorFilter.getValue()), blankToNull(sourceFilter.getValue()));
    }

    private static @Nullable String blankToNull(String text) {
        return text.isBlank() ? null : text.strip();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.review-queue") + " · " + getTranslation("app.name");
    }
}
