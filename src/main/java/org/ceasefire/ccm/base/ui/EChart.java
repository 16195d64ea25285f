package org.ceasefire.ccm.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import tools.jackson.databind.JsonNode;

/**
 * An Apache ECharts chart (frontend/src/ccm-chart.ts). The option is ECharts' own JSON, applied whole each time it is
 * set; without a {@code color} it uses a colour-blind-safe palette. 100% wide and 360px high unless sized otherwise.
 */
@Tag("ccm-chart")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./src/ccm-chart.ts")
public class EChart extends Component implements HasSize, HasStyle {

    private String option = "";

    public EChart() {}

    public EChart(String option) {
        setOption(option);
    }

    /** Replaces the chart's option with this ECharts option JSON. */
    public void setOption(String json) {
        option = json;
        getElement().setProperty("option", json);
    }

    public void setOption(JsonNode option) {
        setOption(option.toString());
    }

    /** The option last set, as JSON ({@code ""} before any). */
    public String option() {
        return option;
    }

    /** Called when a person clicks a data item (a bar, a point) of a series. */
    public Registration addClickListener(ComponentEventListener<ClickEvent> listener) {
        return addListener(ClickEvent.class, listener);
    }

    /** A click on a data item: which series and item, and the item's value as JSON. */
    @DomEvent("chart-click")
    public static class ClickEvent extends ComponentEvent<EChart> {

        private final String seriesName;
        private final int seriesIndex;
        private final String name;
        private final int dataIndex;
        private final String value;

        public ClickEvent(EChart source, boolean fromClient,
                @EventData("event.detail.seriesName") String seriesName,
                @EventData("event.detail.seriesIndex") int seriesIndex,
                @EventData("event.detail.name") String name,
                @EventData("event.detail.dataIndex") int dataIndex,
                @EventData("event.detail.value") String value) {
            super(source, fromClient);
            this.seriesName = seriesName;
            this.seriesIndex = seriesIndex;
            this.name = name;
            this.dataIndex = dataIndex;
            this.value = value;
        }

        public String seriesName() {
            return seriesName;
        }

        public int seriesIndex() {
            return seriesIndex;
        }

        /** The item's name: its category on a category axis. */
        public String name() {
            return name;
        }

        public int dataIndex() {
            return dataIndex;
        }

        /** The item's value as JSON: a number, or an array such as {@code ["2026-01-05",3]}. */
        public String value() {
            return value;
        }
    }
}
