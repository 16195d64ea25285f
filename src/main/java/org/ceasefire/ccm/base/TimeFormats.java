package org.ceasefire.ccm.base;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Shows instants as local time in the configured zone, by locale, with the zone always written next to them. */
@Component
public class TimeFormats {

    private final ZoneId zone;

    TimeFormats(CcmProperties properties) {
        this.zone = properties.zone();
    }

    public ZoneId zone() {
        return zone;
    }

    /** The zone as people read it, e.g. {@code UTC+04:00}. */
    public String zoneLabel() {
        if (zone instanceof ZoneOffset offset) {
            return offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId();
        }
        return zone.getId();
    }

    public String dateTime(@Nullable Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        var formatter = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
        return formatter.format(instant.atZone(zone)) + " " + zoneLabel();
    }

    /** Date and time to the second, for logs where entries a moment apart must be told apart. */
    public String dateTimeSeconds(@Nullable Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        var formatter = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.MEDIUM).withLocale(locale);
        return formatter.format(instant.atZone(zone)) + " " + zoneLabel();
    }

    public String date(@Nullable Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(instant.atZone(zone));
    }
}
