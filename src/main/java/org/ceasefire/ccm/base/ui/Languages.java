package org.ceasefire.ccm.base.ui;

import java.util.List;
import java.util.Locale;

/** The four languages of the product, named in their own language. */
public final class Languages {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.of("ru"), Locale.of("hy"), Locale.of("az"));

    private Languages() {}

    static String name(Locale locale) {
        var name = locale.getDisplayLanguage(locale);
        return name.isEmpty() ? locale.getLanguage() : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    public static Locale closest(Locale locale) {
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(locale.getLanguage())).findFirst().orElse(Locale.ENGLISH);
    }
}
