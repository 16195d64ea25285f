package org.ceasefire.ccm.briefing;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.ceasefire.ccm.base.ui.Languages;
import org.ceasefire.ccm.base.ui.Translations;

/**
 * The briefing's words in one of the product's four languages: its texts ({@code brief.*} in the translation files),
 * the names of statuses and timeliness the views use, and dates, instants and numbers written the language's way.
 */
final class BriefingText {

    private final Translations translations;
    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter day;
    private final DateTimeFormatter shortDay;
    private final DateTimeFormatter instant;
    private final DateTimeFormatter weekDay;

    BriefingText(Translations translations, Locale locale, ZoneId zone) {
        this.translations = translations;
        this.locale = Languages.closest(locale);
        this.zone = zone;
        this.day = DateTimeFormatter.ofPattern("d MMMM yyyy", this.locale);
        this.shortDay = DateTimeFormatter.ofPattern("d MMM yyyy", this.locale);
        this.instant = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", this.locale);
        this.weekDay = DateTimeFormatter.ofPattern("EEE d MMM", this.locale);
    }

    Locale locale() {
        return locale;
    }

    /** The text of {@code brief.<key>} with its arguments. */
    String t(String key, Object... args) {
        return translations.getTranslation("brief." + key, locale, args);
    }

    String status(String status) {
        return translations.getTranslation("status." + status, locale);
    }

    String timeliness(String timeliness) {
        return translations.getTranslation("timeliness." + timeliness, locale);
    }

    /** A corridor state (OPEN, RESTRICTED, CLOSED) as a word. */
    String state(String state) {
        return translations.getTranslation("details.state." + state, locale);
    }

    String area(String area) {
        return translations.getTranslation("area." + area, locale);
    }

    String sourceKind(String kind) {
        return translations.getTranslation("source-kind." + kind, locale);
    }

    String day(LocalDate d) {
        return day.format(d);
    }

    String shortDay(LocalDate d) {
        return shortDay.format(d);
    }

    /** A day of the week with its date, as a chart's category. */
    String weekDay(LocalDate d) {
        return weekDay.format(d);
    }

    /** An instant in the configured zone, to the minute. */
    String when(Instant at) {
        return instant.format(at.atZone(zone));
    }

    String number(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }
}
