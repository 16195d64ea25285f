package org.ceasefire.ccm.agreement.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ceasefire.ccm.agreement.AgreementDetails;
import org.ceasefire.ccm.agreement.AgreementService;
import org.ceasefire.ccm.agreement.ObligationService;
import org.ceasefire.ccm.agreement.ObligationStatus;
import org.ceasefire.ccm.agreement.ObligationSummary;
import org.ceasefire.ccm.agreement.Timeliness;
import org.ceasefire.ccm.base.NotFoundException;
import org.ceasefire.ccm.base.TimeFormats;
import org.ceasefire.ccm.base.ui.ViewToolbar;

/**
 * The agreement ledger: the points in order, each with its obligations, status, timeliness and level, with filters
 * by status, timeliness and party.
 */
@Route("agreements/:agreement")
@PermitAll
class AgreementView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AgreementService agreements;
    private final ObligationService obligations;
    private final TimeFormats times;

    final MultiSelectComboBox<ObligationStatus> statusFilter = new MultiSelectComboBox<>();
    final MultiSelectComboBox<Timeliness> timelinessFilter = new MultiSelectComboBox<>();
    final ComboBox<String> partyFilter = new ComboBox<>();
    final Map<Integer, Grid<ObligationSummary>> pointGrids = new LinkedHashMap<>();
    final Map<Integer, Section> pointSections = new LinkedHashMap<>();
    final Paragraph noMatch = new Paragraph();

    private List<ObligationSummary> all = List.of();
    private String title = "";

    AgreementView(AgreementService agreements, ObligationService obligations, TimeFormats times) {
        this.agreements = agreements;
        this.obligations = obligations;
        this.times = times;
        addClassName("agreement-view");
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var code = event.getRouteParameters().get("agreement").orElse("");
        AgreementDetails details;
        try {
            details = agreements.get(code);
        } catch (NotFoundException e) {
            removeAll();
            add(new ViewToolbar(getTranslation("agreement.not-found.title")), new Paragraph(e.getMessage()));
            return;
        }
        all = obligations.list(code);
        title = details.agreement().shortTitle();
        build(details);
        applyFilters();
    }

    private void build(AgreementDetails details) {
        removeAll();
        pointGrids.clear();
        pointSections.clear();
        var a = details.agreement();
        add(new ViewToolbar(a.shortTitle()));

        var header = new Div();
        header.addClassName("agreement-header");
        var fullTitle = new Paragraph(a.title());
        fullTitle.addClassName("agreement-title");
        var effective = new Paragraph(getTranslation("agreement.effective", times.dateTime(a.effectiveAt(), getLocale()),
                a.effectiveText()));
        var aliases = new Paragraph(getTranslation("agreement.aliases", String.join(" · ", a.aliases())));
        aliases.addClassName("agreement-aliases");
        var parties = new Paragraph(getTranslation("agreement.parties", String.join(", ", a.parties())));
        header.add(fullTitle, effective, aliases, parties);
        add(header);

        statusFilter.setLabel(getTranslation("filter.status"));
        statusFilter.setItems(ObligationStatus.values());
        statusFilter.setItemLabelGenerator(s -> getTranslation("status." + s.name()));
        timelinessFilter.setLabel(getTranslation("filter.timeliness"));
        timelinessFilter.setItems(Timeliness.values());
        timelinessFilter.setItemLabelGenerator(t -> getTranslation("timeliness." + t.name()));
        partyFilter.setLabel(getTranslation("filter.party"));
        partyFilter.setItems(all.stream().flatMap(o -> o.responsible().stream()).distinct().sorted().toList());
        partyFilter.setClearButtonVisible(true);
        var clear = new Button(getTranslation("filter.clear"), e -> {
            statusFilter.clear();
            timelinessFilter.clear();
            partyFilter.clear();
        });
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        statusFilter.addValueChangeListener(e -> applyFilters());
        timelinessFilter.addValueChangeListener(e -> applyFilters());
        partyFilter.addValueChangeListener(e -> applyFilters());
        var filters = new HorizontalLayout(statusFilter, timelinessFilter, partyFilter, clear);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        filters.addClassName("filters");
        add(filters);

        for (var point : details.points()) {
            var section = new Section();
            section.addClassName("point");
            var heading = new H2(getTranslation("agreement.point", point.number(), point.title()));
            heading.addClassName("point-title");
            var text = new Paragraph(point.text());
            text.addClassName("point-text");
            var grid = grid(a.code());
            section.add(heading, text, grid);
            pointGrids.put(point.number(), grid);
            pointSections.put(point.number(), section);
            add(section);
        }
        noMatch.setText(getTranslation("filter.no-match"));
        noMatch.setVisible(false);
        add(noMatch);
    }

    private Grid<ObligationSummary> grid(String agreement) {
        var grid = new Grid<ObligationSummary>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(ObligationSummary::code).setHeader(getTranslation("obligation.code")).setWidth("5rem").setFlexGrow(0);
        grid.addColumn(ObligationSummary::title).setHeader(getTranslation("obligation.title")).setFlexGrow(4);
        grid.addColumn(o -> String.join(", ", o.responsible())).setHeader(getTranslation("obligation.responsible")).setFlexGrow(1);
        grid.addColumn(this::due).setHeader(getTranslation("obligation.due")).setFlexGrow(2);
        grid.addComponentColumn(o -> Badges.status(this, o.status())).setHeader(getTranslation("obligation.status")).setFlexGrow(1);
        grid.addComponentColumn(o -> Badges.timeliness(this, o.timeliness())).setHeader(getTranslation("obligation.timeliness")).setFlexGrow(1);
        grid.addComponentColumn(o -> Badges.level(this, o.implementationLevel())).setHeader(getTranslation("obligation.level")).setWidth("6rem").setFlexGrow(0);
        grid.addItemClickListener(e -> AgreementNavigation.toObligation(agreement, e.getItem().code()));
        grid.addClassName("obligations-grid");
        return grid;
    }

    private String due(ObligationSummary o) {
        if (o.dueAt() != null) {
            var due = times.dateTime(o.dueAt(), getLocale());
            return o.originalDueAt() != null && !o.originalDueAt().equals(o.dueAt())
                    ? getTranslation("obligation.due.amended", due) : due;
        }
        if (o.term() != null && o.term().currentPeriodEndsAt() != null) {
            return getTranslation("obligation.term.ends", times.date(o.term().currentPeriodEndsAt(), getLocale()));
        }
        return o.whenText() == null ? "" : o.whenText();
    }

    void applyFilters() {
        var statuses = statusFilter.getValue();
        var timeliness = timelinessFilter.getValue();
        var party = partyFilter.getValue();
        var shown = 0;
        for (var entry : pointGrids.entrySet()) {
            var items = new ArrayList<ObligationSummary>();
            for (var o : all) {
                if (o.point() == entry.getKey() && matches(o, statuses, timeliness, party)) {
                    items.add(o);
                }
            }
            entry.getValue().setItems(items);
            pointSections.get(entry.getKey()).setVisible(!items.isEmpty());
            shown += items.size();
        }
        noMatch.setVisible(shown == 0);
    }

    private static boolean matches(ObligationSummary o, Set<ObligationStatus> statuses, Set<Timeliness> timeliness,
            String party) {
        return (statuses.isEmpty() || statuses.contains(o.status()))
                && (timeliness.isEmpty() || timeliness.contains(o.timeliness()))
                && (party == null || o.responsible().contains(party));
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
