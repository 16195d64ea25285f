package org.ceasefire.ccm.briefing;

import java.awt.FontFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.openpdf.text.pdf.BaseFont;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * DejaVu Sans, regular and bold, as the PDF embeds it and as Java 2D draws the charts with it: one face for text and
 * charts, with the Armenian, Azerbaijani and Cyrillic letters that names in reports use.
 */
@Component
class BriefingFonts {

    private static final String REGULAR = "fonts/DejaVuSans.ttf";
    private static final String BOLD = "fonts/DejaVuSans-Bold.ttf";

    final BaseFont regular;
    final BaseFont bold;
    final java.awt.Font awtRegular;
    final java.awt.Font awtBold;

    BriefingFonts() {
        var regularBytes = bytes(REGULAR);
        var boldBytes = bytes(BOLD);
        try {
            regular = BaseFont.createFont(REGULAR, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, regularBytes, null);
            bold = BaseFont.createFont(BOLD, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, boldBytes, null);
            awtRegular = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, new java.io.ByteArrayInputStream(regularBytes));
            awtBold = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, new java.io.ByteArrayInputStream(boldBytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("The briefing's font cannot be read", e);
        }
    }

    /** The Java 2D face at a size in points. */
    java.awt.Font awt(boolean isBold, float size) {
        return (isBold ? awtBold : awtRegular).deriveFont(size);
    }

    private static byte[] bytes(String path) {
        try (var in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
