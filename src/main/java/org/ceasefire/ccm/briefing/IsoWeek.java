package org.ceasefire.ccm.briefing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.regex.Pattern;
import org.ceasefire.ccm.base.InvalidInputException;

/** An ISO week (Monday to Sunday), written 2020-W51. */
public record IsoWeek(int year, int week) {

    private static final Pattern LABEL = Pattern.compile("(\\d{4})-W(\\d{2})");

    /** Reads a label such as 2020-W51; a week that does not exist (2020-W99, 2021-W53) is refused. */
    public static IsoWeek parse(String label) {
        var m = LABEL.matcher(label.strip());
        if (!m.matches()) {
            throw new InvalidInputException("isoWeek", "'" + label + "' is not an ISO week; write it like 2020-W51");
        }
        var year = Integer.parseInt(m.group(1));
        var week = Integer.parseInt(m.group(2));
        var weeks = (int) LocalDate.of(year, 6, 1).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (year < 1990 || year > 2200 || week < 1 || week > weeks) {
            throw new InvalidInputException("isoWeek", "'" + label + "' does not exist: " + year + " has weeks W01 to W" + weeks);
        }
        return new IsoWeek(year, week);
    }

    public static IsoWeek of(LocalDate day) {
        return new IsoWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public LocalDate monday() {
        return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
    }

    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    /** The cut-off: the end of Sunday, which is the start of the next Monday, in the zone. */
    public Instant cutOff(ZoneId zone) {
        return monday().plusWeeks(1).atStartOfDay(zone).toInstant();
    }

    public Instant start(ZoneId zone) {
        return monday().atStartOfDay(zone).toInstant();
    }

    public IsoWeek previous() {
        return of(monday().minusWeeks(1));
    }

    public IsoWeek next() {
        return of(monday().plusWeeks(1));
    }

    public String label() {
        return String.format(Locale.ROOT, "%d-W%02d", year, week);
    }
}
