package org.ceasefire.ccm.dashboard.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceasefire.ccm.dashboard.ChartColours;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds ECharts options as plain maps and lists, written as JSON. The common parts (title, tooltip, legend, grid)
 * are the same on every dashboard so that they read alike.
 */
final class ChartJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final List<String> PALETTE = ChartColours.PALETTE;
    static final String OPEN = ChartColours.OPEN;
    static final String CLOSED = ChartColours.CLOSED;

    private ChartJson() {}

    static Map<String, Object> obj(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static List<Object> arr(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    /** The frame every chart shares: a title, a tooltip, a legend below the title, room for axis names. */
    static Map<String, Object> frame(String title, String subtitle) {
        return obj("title", obj("text", title, "subtext", subtitle, "left", "left", "textStyle", obj("fontSize", 15)),
                "tooltip", obj("trigger", "axis", "confine", true),
                "legend", obj("type", "scroll", "top", 44, "left", "left"),
                "grid", obj("top", 96, "left", 64, "right", 32, "bottom", 64, "containLabel", true),
                "color", PALETTE);
    }

    static Map<String, Object> timeAxis(String name) {
        return obj("type", "time", "name", name, "nameLocation", "middle", "nameGap", 30);
    }

    /** A time axis that spans the period shown, so that one day of data does not fill the chart. */
    static Map<String, Object> timeAxis(String name, org.ceasefire.ccm.dashboard.Period period) {
        var axis = timeAxis(name);
        axis.put("min", period.from().toString());
        axis.put("max", period.to().plusDays(1).toString());
        return axis;
    }

    static Map<String, Object> valueAxis(String name) {
        return obj("type", "value", "name", name, "nameLocation", "middle", "nameGap", 48, "minInterval", 1);
    }

    static Map<String, Object> categoryAxis(String name, List<?> categories) {
        return obj("type", "category", "name", name, "nameLocation", "middle", "nameGap", 30, "data", categories);
    }

    static List<Object> zoom() {
        return arr(obj("type", "inside"), obj("type", "slider", "height", 18, "bottom", 8));
    }

    static String json(Object option) {
        return JSON.writeValueAsString(option);
    }
}
