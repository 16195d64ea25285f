package org.ceasefire.ccm.base.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every user-facing string, in English, Russian, Armenian and Azerbaijani, from
 * {@code vaadin-i18n/translations*.properties}. English comes first, so it is what a browser asking for none of the
 * four gets. A missing key shows as {@code !key!} and is logged, rather than failing a view.
 */
@Component
public class Translations implements I18NProvider {

    private static final Logger log = LoggerFactory.getLogger(Translations.class);
    private static final String BUNDLE = "vaadin-i18n.translations";

    @Override
    public List<Locale> getProvidedLocales() {
        return Languages.SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        try {
            var bundle = ResourceBundle.getBundle(BUNDLE, Languages.closest(locale), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            var value = bundle.getString(key);
            return params.length == 0 ? value : new MessageFormat(value, locale).format(params);
        } catch (MissingResourceException e) {
            log.warn("No translation for '{}' in {}", key, locale);
            return "!" + key + "!";
        }
    }
}
