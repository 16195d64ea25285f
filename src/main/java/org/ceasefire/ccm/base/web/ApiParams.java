package org.ceasefire.ccm.base.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import org.ceasefire.ccm.base.FieldProblem;
import org.jspecify.annotations.Nullable;

/** Query parameters read the same way on every endpoint, each problem named by its parameter. */
public final class ApiParams {

    private ApiParams() {}

    /** A local day such as 2020-11-25, or null if absent; a day that cannot be read adds a problem. */
    public static @Nullable LocalDate day(String field, @Nullable String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            var day = LocalDate.parse(value.strip());
            if (day.getYear() < 1900 || day.getYear() > 2200) {
                problems.add(new FieldProblem(field, "'" + value + "' is outside the years 1900 to 2200"));
                return null;
            }
            return day;
        } catch (DateTimeException e) {
            problems.add(new FieldProblem(field, "'" + value + "' is not a day like 2020-11-25"));
            return null;
        }
    }
}
