package org.ceasefire.ccm.base;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/** Strict parsing of instants and days as the API contract defines them. */
public final class Instants {

    /** The last second of a day: a deadline given as a day means the end of that day, inclusive. */
    public static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private Instants() {}

    /**
     * Reads an ISO-8601 instant that carries an offset or {@code Z}. A local date-time without an offset is refused:
     * the same wall-clock time is a different instant in Moscow, Baku and UTC.
     */
    public static Instant parseInstant(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "is required (an ISO-8601 instant with an offset, e.g. 2020-11-25T01:00:00+04:00)");
        }
        try {
            return OffsetDateTime.parse(text.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "'" + abbreviate(text) + "' is not an instant with an offset;"
                    + " write it like 2020-11-25T01:00:00+04:00 or 2020-11-24T21:00:00Z");
        }
    }

    /** Like {@link #parseInstant} but also takes a bare day, meaning the end of that day (23:59:59) in the zone. */
    public static Instant parseInstantOrDay(String field, @Nullable String text, ZoneId zone) {
        if (text != null && text.strip().length() == 10) {
            try {
                return endOfDay(LocalDate.parse(text.strip()), zone);
            } catch (DateTimeException e) {
                throw new InvalidInputException(field, "'" + abbreviate(text) + "' is not a valid day; write it like 2020-11-25");
            }
        }
        return parseInstant(field, text);
    }

    public static Instant endOfDay(LocalDate day, ZoneId zone) {
        return day.atTime(END_OF_DAY).atZone(zone).toInstant();
    }

    /** Instants are kept to the second in comparisons of deadlines, so that 23:59:59.4 is still on the day. */
    public static Instant toSecond(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
