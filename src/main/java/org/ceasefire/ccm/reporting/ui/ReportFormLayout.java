package org.ceasefire.ccm.reporting.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.ValueContext;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ceasefire.ccm.agreement.AgreementService;
import org.ceasefire.ccm.agreement.AgreementSummary;
import org.ceasefire.ccm.agreement.ObligationService;
import org.ceasefire.ccm.agreement.ObligationSummary;
import org.ceasefire.ccm.agreement.PartySummary;
import org.ceasefire.ccm.base.FieldProblem;
import org.ceasefire.ccm.base.InvalidInputException;
import org.ceasefire.ccm.base.TimeFormats;
import org.ceasefire.ccm.base.ui.FieldErrors;
import org.ceasefire.ccm.reporting.ReportArea;
import org.ceasefire.ccm.reporting.ReportDraft;
import org.ceasefire.ccm.reporting.ReportView;
import org.ceasefire.ccm.reporting.SourceKind;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fields of a report, shared by the new-report form and the correction view. The area comes first: choosing it
 * shows that area's details and puts its usual obligations at the top of the list. What the fields hold becomes a
 * {@link ReportDraft}, the same shape the API takes, so the service checks both the same way; its problems come back
 * next to the fields they name.
 */
class ReportFormLayout extends Composite<Div> {

    /** The kinds of detail field, matching what the API's details take. */
    enum Kind { TEXT, COUNT, QUANTITY, PARTY, DATE, CHOICE, NOTES }

    /** One detail field of an area. */
    record Spec(String name, Kind kind, List<String> values, boolean required) {
        static Spec of(String name, Kind kind) {
            return new Spec(name, kind, List.of(), false);
        }

        static Spec required(String name, Kind kind) {
            return new Spec(name, kind, List.of(), true);
        }

        static Spec choice(String name, boolean required, String... values) {
            return new Spec(name, Kind.CHOICE, List.of(values), required);
        }
    }

    private static final String[] BASIS = {"EVENT", "CUMULATIVE", "LEVEL"};

    /** The details of each area, in the order a person fills them in (API.md, "area and its details"). */
    static final Map<ReportArea, List<Spec>> SPECS = new EnumMap<>(Map.of(
            ReportArea.WITHDRAWAL, List.of(Spec.required("district", Kind.TEXT),
                    Spec.choice("stage", true, "STARTED", "COMPLETED")),
            ReportArea.PEACEKEEPING, List.of(Spec.of("personnel", Kind.COUNT), Spec.of("armouredVehicles", Kind.COUNT),
                    Spec.of("vehicles", Kind.COUNT), Spec.of("observationPosts", Kind.COUNT),
                    Spec.choice("basis", false, BASIS)),
            ReportArea.CEASEFIRE, List.of(Spec.required("allegedBy", Kind.PARTY), Spec.of("allegedAgainst", Kind.PARTY),
                    Spec.of("deniedBy", Kind.PARTY), Spec.of("assessedBy", Kind.PARTY),
                    Spec.choice("assessment", false, "CONFIRMED", "UNCONFIRMED", "REFUTED"),
                    Spec.of("killed", Kind.COUNT), Spec.of("wounded", Kind.COUNT)),
            ReportArea.PRISONER_EXCHANGE, List.of(Spec.required("releasedBy", Kind.PARTY),
                    Spec.required("receivedBy", Kind.PARTY), Spec.of("prisonersOfWar", Kind.COUNT),
                    Spec.of("civilians", Kind.COUNT), Spec.of("bodies", Kind.COUNT), Spec.of("mediator", Kind.PARTY)),
            ReportArea.REFUGEE_RETURN, List.of(Spec.choice("direction", true, "RETURN", "DEPARTURE"),
                    Spec.required("persons", Kind.COUNT), Spec.choice("basis", true, BASIS), Spec.of("since", Kind.DATE),
                    Spec.of("area", Kind.TEXT)),
            ReportArea.CORRIDOR_TRAFFIC, List.of(Spec.choice("corridor", true, "LACHIN", "NAKHCHIVAN"),
                    Spec.choice("state", true, "OPEN", "RESTRICTED", "CLOSED"),
                    Spec.choice("direction", false, "TO_KARABAKH", "TO_ARMENIA", "BOTH"),
                    Spec.of("vehicles", Kind.COUNT), Spec.of("persons", Kind.COUNT), Spec.of("cargoTonnes", Kind.QUANTITY),
                    Spec.choice("basis", false, BASIS)),
            ReportArea.TRANSPORT_LINKS, List.of(Spec.of("notes", Kind.NOTES)),
            ReportArea.OTHER, List.of(Spec.of("notes", Kind.NOTES))));

    private static final List<String> RELIABILITY = List.of("A", "B", "C", "D", "E", "F");
    private static final List<Integer> CREDIBILITY = List.of(1, 2, 3, 4, 5, 6);

    final Select<ReportArea> area = new Select<>();
    final Select<String> agreement = new Select<>();
    final MultiSelectComboBox<String> obligations = new MultiSelectComboBox<>();
    final DateTimePicker observedAt = new DateTimePicker();
    final TextField locationName = new TextField();
    final TextField locationDistrict = new TextField();
    final NumberField lat = new NumberField();
    final NumberField lon = new NumberField();
    final TextArea summary = new TextArea();
    final TextField sourceName = new TextField();
    final Select<SourceKind> sourceKind = new Select<>();
    final ComboBox<String> sourceParty = new ComboBox<>();
    final Select<String> reliability = new Select<>();
    final Select<Integer> credibility = new Select<>();
    final TextField sourceUrl = new TextField();
    final Paragraph chooseArea = new Paragraph();
    /** Each area's detail fields, by the name they have in the API's details. */
    final Map<ReportArea, Map<String, Component>> detailFields = new EnumMap<>(ReportArea.class);
    final Map<ReportArea, FormLayout> areaSections = new EnumMap<>(ReportArea.class);

    private final ObligationService obligationService;
    private final TimeFormats times;
    private final Map<String, String> partyNames = new LinkedHashMap<>();
    private final Map<String, List<ObligationSummary>> obligationsByAgreement = new LinkedHashMap<>();
    private final AgreementService agreements;
    /**
     * The details of the report being corrected: what the form has no field for (free-form details or notes from an
     * API client, a basis the service filled in) is kept as it was, unless the area changes.
     */
    private @Nullable ObjectNode originalDetails;
    private @Nullable ReportArea originalArea;
    private @Nullable String observedUntil;

    ReportFormLayout(AgreementService agreements, ObligationService obligationService, TimeFormats times) {
        this.agreements = agreements;
        this.obligationService = obligationService;
        this.times = times;
        getContent().addClassName("report-form");
        agreements.parties().stream().sorted(Comparator.comparing(PartySummary::code))
                .forEach(p -> partyNames.put(p.code(), p.name()));

        area.setLabel(getTranslation("report.area"));
        area.setItems(ReportArea.values());
        area.setItemLabelGenerator(a -> a == null ? "" : ReportLabels.area(this, a));
        area.setPlaceholder(getTranslation("report.area.placeholder"));
        area.setRequiredIndicatorVisible(true);
        area.addClassName("area-select");
        area.addValueChangeListener(e -> areaChosen(e.getValue()));

        var agreementList = agreements.list();
        agreement.setLabel(getTranslation("report.agreement"));
        agreement.setItems(agreementList.stream().map(AgreementSummary::code).toList());
        var titles = new LinkedHashMap<String, String>();
        agreementList.forEach(a -> titles.put(a.code(), a.shortTitle()));
        agreement.setItemLabelGenerator(code -> titles.getOrDefault(code, code));
        agreement.setRequiredIndicatorVisible(true);
        agreement.addValueChangeListener(e -> offerObligations());

        obligations.setLabel(getTranslation("report.obligations"));
        obligations.setHelperText(getTranslation("report.obligations.help"));
        obligations.setItemLabelGenerator(code -> code);
        obligations.setRenderer(new ComponentRenderer<>(code -> {
            var usual = area.getValue() != null && area.getValue().usualObligations().contains(code);
            var line = new Span(code + " · " + obligationTitle(code));
            if (usual) {
                line.addClassName("usual-obligation");
            }
            return line;
        }));
        obligations.setSelectedItemsOnTop(true);
        obligations.setClearButtonVisible(true);

        observedAt.setLabel(getTranslation("report.observed-at", times.zoneLabel()));
        observedAt.setStep(Duration.ofMinutes(15));
        observedAt.setRequiredIndicatorVisible(true);
        observedAt.setHelperText(getTranslation("report.observed-at.help"));

        locationName.setLabel(getTranslation("report.location.name"));
        locationName.setMaxLength(200);
        locationDistrict.setLabel(getTranslation("report.location.district"));
        locationDistrict.setMaxLength(200);
        lat.setLabel(getTranslation("report.location.lat"));
        lat.setMin(-90);
        lat.setMax(90);
        lon.setLabel(getTranslation("report.location.lon"));
        lon.setMin(-180);
        lon.setMax(180);

        summary.setLabel(getTranslation("report.summary"));
        summary.setMaxLength(ReportDraft.MAX_SUMMARY);
        summary.setRequiredIndicatorVisible(true);
        summary.setMinHeight("6em");
        summary.setValueChangeMode(ValueChangeMode.LAZY);
        summary.addValueChangeListener(e -> countSummary());
        countSummary();

        sourceName.setLabel(getTranslation("report.source.name"));
        sourceName.setMaxLength(200);
        sourceName.setRequiredIndicatorVisible(true);
        sourceKind.setLabel(getTranslation("report.source.kind"));
        sourceKind.setItems(SourceKind.values());
        sourceKind.setItemLabelGenerator(k -> k == null ? "" : getTranslation("source-kind." + k.name()));
        sourceKind.setRequiredIndicatorVisible(true);
        sourceParty.setLabel(getTranslation("report.source.party"));
        sourceParty.setHelperText(getTranslation("report.source.party.help"));
        configureParty(sourceParty);
        reliability.setLabel(getTranslation("report.source.reliability"));
        reliability.setItems(RELIABILITY);
        reliability.setEmptySelectionAllowed(true);
        reliability.setEmptySelectionCaption(getTranslation("grade.unknown"));
        reliability.setItemLabelGenerator(r -> r == null ? getTranslation("grade.unknown")
                : r + " · " + getTranslation("reliability." + r));
        credibility.setLabel(getTranslation("report.source.credibility"));
        credibility.setItems(CREDIBILITY);
        credibility.setEmptySelectionAllowed(true);
        credibility.setEmptySelectionCaption(getTranslation("grade.unknown"));
        credibility.setItemLabelGenerator(c -> c == null ? getTranslation("grade.unknown")
                : c + " · " + getTranslation("credibility." + c));
        sourceUrl.setLabel(getTranslation("report.source.url"));
        sourceUrl.setPlaceholder("https://");
        sourceUrl.setMaxLength(2000);

        chooseArea.setText(getTranslation("report.area.choose"));
        chooseArea.addClassName("choose-area");

        var what = form(2, area, agreement);
        var details = new Div(chooseArea);
        details.addClassName("area-details");
        for (var a : ReportArea.values()) {
            var section = detailSection(a);
            section.setVisible(false);
            areaSections.put(a, section);
            details.add(section);
        }
        var linked = form(1, obligations);
        var when = form(4, observedAt, locationName, locationDistrict, lat, lon);
        when.setColspan(observedAt, 2);
        when.setColspan(locationName, 2);
        var said = form(1, summary);
        var source = form(3, sourceName, sourceKind, sourceParty, reliability, credibility, sourceUrl);

        getContent().add(
                section("report.section.what", what, details, linked),
                section("report.section.when-where", when),
                section("report.section.summary", said),
                section("report.section.source", source));

        if (!agreementList.isEmpty()) {
            agreement.setValue(agreementList.getFirst().code());
        }
        agreement.setVisible(agreementList.size() > 1 || agreementList.isEmpty());
    }

    /** Empties the form for a new report: observed now, the given source offered again. */
    void reset(Optional<ReportView.Source> lastSource) {
        clearErrors();
        area.clear();
        detailFields.values().forEach(fields -> fields.values().forEach(c -> ((HasValue<?, ?>) c).clear()));
        obligations.clear();
        observedAt.setValue(LocalDateTime.now(times.zone()).truncatedTo(ChronoUnit.MINUTES));
        locationName.clear();
        locationDistrict.clear();
        lat.clear();
        lon.clear();
        summary.clear();
        originalDetails = null;
        originalArea = null;
        observedUntil = null;
        sourceName.clear();
        sourceKind.clear();
        sourceParty.clear();
        reliability.clear();
        credibility.clear();
        sourceUrl.clear();
        lastSource.ifPresent(this::showSource);
    }

    /** Shows a stored report for correction. */
    void read(ReportView r) {
        clearErrors();
        agreement.setValue(r.agreement());
        area.setValue(r.area());
        var offered = offeredObligations();
        obligations.setValue(r.obligations().stream().filter(offered::contains)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
        observedAt.setValue(LocalDateTime.ofInstant(r.observedAt(), times.zone()));
        observedUntil = r.observedUntil() == null ? null
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(r.observedUntil().atZone(times.zone()).toOffsetDateTime());
        var location = r.location();
        locationName.setValue(location == null || location.name() == null ? "" : location.name());
        locationDistrict.setValue(location == null || location.district() == null ? "" : location.district());
        lat.setValue(location == null ? null : location.lat());
        lon.setValue(location == null ? null : location.lon());
        summary.setValue(r.summary());
        showSource(r.source());
        var details = r.details();
        originalArea = r.area();
        originalDetails = details.isObject() ? ((ObjectNode) details).deepCopy() : null;
        detailFields.get(r.area()).forEach((name, component) -> write(component, details.get(name)));
    }

    /** What the fields hold, as the API's report. */
    ReportDraft draft(UUID id) {
        var chosen = area.getValue();
        ObjectNode details = null;
        if (chosen != null) {
            details = chosen == originalArea && originalDetails != null ? originalDetails.deepCopy()
                    : JsonNodeFactory.instance.objectNode();
            for (var entry : detailFields.get(chosen).entrySet()) {
                var value = read(entry.getValue());
                if (value == null) {
                    details.remove(entry.getKey());
                } else {
                    details.set(entry.getKey(), value);
                }
            }
        }
        var when = observedAt.getValue() == null ? null
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(observedAt.getValue().atZone(times.zone()).toOffsetDateTime());
        var hasLocation = !locationName.isEmpty() || !locationDistrict.isEmpty() || lat.getValue() != null || lon.getValue() != null;
        var location = hasLocation ? new ReportDraft.Location(blankToNull(locationName.getValue()),
                blankToNull(locationDistrict.getValue()), lat.getValue(), lon.getValue()) : null;
        var order = offeredObligations();
        var linked = obligations.getValue().stream().sorted(Comparator.comparingInt(c -> {
            var i = order.indexOf(c);
            return i < 0 ? Integer.MAX_VALUE : i;
        })).toList();
        return new ReportDraft(id, agreement.getValue(), linked, chosen == null ? null : chosen.name(), when, observedUntil,
                location, summary.getValue(),
                new ReportDraft.Source(blankToNull(sourceName.getValue()),
                        sourceKind.getValue() == null ? null : sourceKind.getValue().name(), sourceParty.getValue(),
                        reliability.getValue(), credibility.getValue(), blankToNull(sourceUrl.getValue())),
                details);
    }

    /**
     * Checks what only the browser knows: a number field holding text that is not a number would otherwise arrive
     * as "unknown". Marks such fields and says whether all are fine.
     */
    boolean numbersReadable() {
        var ok = true;
        var numbers = new ArrayList<Component>(List.of(lat, lon));
        if (area.getValue() != null) {
            numbers.addAll(detailFields.get(area.getValue()).values());
        }
        for (var component : numbers) {
            // an empty required field is the service's to name ("is required"), in its words
            var bad = switch (component) {
                case IntegerField f -> (f.getValue() != null || !f.isRequiredIndicatorVisible())
                        && f.getDefaultValidator().apply(f.getValue(), new ValueContext(f)).isError();
                case NumberField f -> (f.getValue() != null || !f.isRequiredIndicatorVisible())
                        && f.getDefaultValidator().apply(f.getValue(), new ValueContext(f)).isError();
                default -> false;
            };
            if (bad) {
                var field = (HasValidation) component;
                field.setErrorMessage(getTranslation(component == lat || component == lon ? "report.location.invalid"
                        : "report.count.invalid"));
                field.setInvalid(true);
                ok = false;
            }
        }
        return ok;
    }

    void clearErrors() {
        fields().values().forEach(f -> f.setInvalid(false));
        detailFields.values().forEach(m -> m.values().forEach(c -> ((HasValidation) c).setInvalid(false)));
    }

    /** Puts the service's problems next to their fields; what has no field goes into a message. */
    void showProblems(InvalidInputException e) {
        // the service names the area by its code ("is required for REFUGEE_RETURN reports"); say it in words here
        var chosen = area.getValue();
        var problems = e.problems().stream().map(p -> chosen != null && p.message().equals("is required for " + chosen.name() + " reports")
                ? new FieldProblem(p.field(), getTranslation("report.required.for-area", ReportLabels.area(this, chosen)))
                : p).toList();
        FieldErrors.show(new InvalidInputException(e.getMessage(), problems), fields());
    }

    /** The service's field names mapped to the components showing them, for the chosen area. */
    Map<String, HasValidation> fields() {
        var map = new LinkedHashMap<String, HasValidation>();
        map.put("agreement", agreement);
        map.put("area", area);
        map.put("obligations", obligations);
        map.put("observedAt", observedAt);
        map.put("observedUntil", observedAt);
        map.put("location", lat);
        map.put("location.name", locationName);
        map.put("location.district", locationDistrict);
        map.put("location.lat", lat);
        map.put("location.lon", lon);
        map.put("summary", summary);
        map.put("source", sourceName);
        map.put("source.name", sourceName);
        map.put("source.kind", sourceKind);
        map.put("source.party", sourceParty);
        map.put("source.reliability", reliability);
        map.put("source.credibility", credibility);
        map.put("source.url", sourceUrl);
        var chosen = area.getValue();
        if (chosen != null) {
            var fields = detailFields.get(chosen);
            fields.forEach((name, component) -> map.put("details." + name, (HasValidation) component));
            // "give at least one figure" and "details too large" concern the area's figures or its notes as a whole
            SPECS.get(chosen).stream()
                    .filter(s -> s.kind() == Kind.COUNT || s.kind() == Kind.QUANTITY || s.kind() == Kind.NOTES)
                    .findFirst().ifPresent(s -> map.put("details", (HasValidation) fields.get(s.name())));
        }
        return map;
    }

    private void areaChosen(@Nullable ReportArea chosen) {
        areaSections.forEach((a, section) -> section.setVisible(a == chosen));
        chooseArea.setVisible(chosen == null);
        offerObligations();
    }

    /** The obligations offered: the area's usual ones first, then the rest of the agreement in its order. */
    private void offerObligations() {
        var offered = offeredObligations();
        var selected = new LinkedHashSet<>(obligations.getValue());
        selected.retainAll(offered);
        obligations.setItems((code, filter) -> {
            var f = filter.toLowerCase(getLocale());
            return code.toLowerCase(Locale.ROOT).startsWith(f) || obligationTitle(code).toLowerCase(getLocale()).contains(f);
        }, offered);
        obligations.setValue(selected);
    }

    private List<String> offeredObligations() {
        var code = agreement.getValue();
        if (code == null) {
            return List.of();
        }
        var all = obligationsOf(code).stream().map(ObligationSummary::code).toList();
        var offered = new ArrayList<String>();
        if (area.getValue() != null) {
            area.getValue().usualObligations().stream().filter(all::contains).forEach(offered::add);
        }
        all.stream().filter(c -> !offered.contains(c)).forEach(offered::add);
        return offered;
    }

    private List<ObligationSummary> obligationsOf(String agreementCode) {
        return obligationsByAgreement.computeIfAbsent(agreementCode, code -> {
            var inCatalogue = agreements.obligationCodes(code);
            return obligationService.list(code).stream().filter(o -> inCatalogue.contains(o.code())).toList();
        });
    }

    private String obligationTitle(String code) {
        var a = agreement.getValue();
        return a == null ? "" : obligationsOf(a).stream().filter(o -> o.code().equals(code)).findFirst()
                .map(ObligationSummary::title).orElse("");
    }

    private void showSource(ReportView.Source s) {
        sourceName.setValue(s.name());
        sourceKind.setValue(s.kind());
        sourceParty.setValue(s.party());
        reliability.setValue(s.reliability());
        credibility.setValue(s.credibility());
        sourceUrl.setValue(s.url() == null ? "" : s.url());
    }

    private void countSummary() {
        summary.setHelperText(getTranslation("report.summary.count", summary.getValue().length(), ReportDraft.MAX_SUMMARY));
    }

    private FormLayout detailSection(ReportArea a) {
        var fields = new LinkedHashMap<String, Component>();
        var form = new FormLayout();
        form.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("30em", 2), new ResponsiveStep("52em", 4));
        form.addClassName("details-" + a.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        for (var spec : SPECS.get(a)) {
            var component = field(spec);
            fields.put(spec.name(), component);
            form.add(component);
            if (spec.kind() == Kind.NOTES) {
                form.setColspan(component, 4);
            }
        }
        detailFields.put(a, fields);
        return form;
    }

    private Component field(Spec spec) {
        var label = getTranslation("details." + spec.name());
        Component component = switch (spec.kind()) {
            case TEXT -> {
                var f = new TextField(label);
                f.setMaxLength(200);
                yield f;
            }
            case COUNT -> {
                var f = new IntegerField(label);
                f.setMin(0);
                f.setPlaceholder(getTranslation("report.count.unknown"));
                yield f;
            }
            case QUANTITY -> {
                var f = new NumberField(label);
                f.setMin(0);
                f.setPlaceholder(getTranslation("report.count.unknown"));
                yield f;
            }
            case PARTY -> {
                var f = new ComboBox<String>(label);
                configureParty(f);
                yield f;
            }
            case DATE -> {
                var f = new DatePicker(label);
                f.setHelperText(getTranslation("details." + spec.name() + ".help"));
                yield f;
            }
            case CHOICE -> {
                var f = new Select<String>();
                f.setLabel(label);
                f.setItems(spec.values());
                f.setEmptySelectionAllowed(!spec.required());
                f.setItemLabelGenerator(v -> v == null ? "" : getTranslation("details." + spec.name() + "." + v));
                yield f;
            }
            case NOTES -> {
                var f = new TextArea(label);
                f.setMaxLength(2000);
                f.setMinHeight("6em");
                f.setHelperText(getTranslation("details.notes.help"));
                yield f;
            }
        };
        if (spec.required()) {
            ((HasValue<?, ?>) component).setRequiredIndicatorVisible(true);
        }
        component.getElement().setAttribute("data-detail", spec.name());
        return component;
    }

    private void configureParty(ComboBox<String> box) {
        box.setItems(partyNames.keySet());
        box.setItemLabelGenerator(code -> partyNames.containsKey(code) ? code + " · " + partyNames.get(code) : code);
        box.setClearButtonVisible(true);
    }

    private static @Nullable JsonNode read(Component component) {
        var nodes = JsonNodeFactory.instance;
        return switch (component) {
            case IntegerField f -> f.getValue() == null ? null : nodes.numberNode(f.getValue());
            case NumberField f -> f.getValue() == null ? null : nodes.numberNode(BigDecimal.valueOf(f.getValue()));
            case DatePicker f -> f.getValue() == null ? null : nodes.stringNode(f.getValue().toString());
            case AbstractField<?, ?> f when f.getValue() instanceof String s -> s.isBlank() ? null : nodes.stringNode(s.strip());
            default -> null;
        };
    }

    @SuppressWarnings("unchecked")
    private static void write(Component component, @Nullable JsonNode value) {
        var present = value != null && !value.isNull();
        switch (component) {
            case IntegerField f -> f.setValue(present && value.isNumber() ? value.asInt() : null);
            case NumberField f -> f.setValue(present && value.isNumber() ? value.asDouble() : null);
            case DatePicker f -> f.setValue(present && value.isString() ? LocalDate.parse(value.asString()) : null);
            case TextField f -> f.setValue(present ? value.asString() : "");
            case TextArea f -> f.setValue(present ? value.asString() : "");
            case Select<?> f -> ((Select<String>) f).setValue(present ? value.asString() : null);
            case ComboBox<?> f -> ((ComboBox<String>) f).setValue(present ? value.asString() : null);
            default -> { }
        }
    }

    private static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }

    private static FormLayout form(int columns, Component... components) {
        var form = new FormLayout(components);
        if (columns >= 4) {
            form.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("30em", 2), new ResponsiveStep("52em", 4));
        } else if (columns == 3) {
            form.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("30em", 2), new ResponsiveStep("52em", 3));
        } else if (columns == 2) {
            form.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("30em", 2));
        } else {
            form.setResponsiveSteps(new ResponsiveStep("0", 1));
        }
        return form;
    }

    private Section section(String titleKey, Component... content) {
        var heading = new H2(getTranslation(titleKey));
        heading.addClassName("form-section-title");
        var section = new Section(heading);
        section.add(content);
        section.addClassName("form-section");
        return section;
    }
}
