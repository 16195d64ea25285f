package org.ceasefire.ccm.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.ceasefire.ccm.dashboard.ChartColours;
import org.junit.jupiter.api.Test;

/** The charts drawn on the server look like the dashboards': their colours, sizes and states. */
class ChartDrawingTest {

    private final ChartDrawing drawing = new ChartDrawing(new BriefingFonts());

    @Test
    void a_chart_is_a_png_of_the_asked_size_with_its_series_in_the_dashboards_colour() throws Exception {
        var chart = new Briefing.Chart("Persons received", "by side", "Category", "Persons", List.of("Prisoners of war", "Civilians"),
                List.of(new Briefing.Series("Received by AM", ChartColours.series(0), List.of(44L, 3L))), false, List.of());

        var image = ImageIO.read(new ByteArrayInputStream(drawing.png(chart, java.util.Locale.ENGLISH, 400, 200)));

        assertThat(image.getWidth()).isEqualTo((int) (400 * ChartDrawing.PNG_SCALE));
        assertThat(image.getHeight()).isEqualTo((int) (200 * ChartDrawing.PNG_SCALE));
        assertThat(pixels(image, Color.decode(ChartColours.series(0)))).as("bars in the first palette colour").isGreaterThan(1_000);
        assertThat(pixels(image, Color.decode(ChartColours.series(1)))).as("no second series").isZero();
    }

    @Test
    void a_banded_day_is_tinted_with_its_state_and_an_unbanded_one_is_not() throws Exception {
        var chart = new Briefing.Chart("Corridor", "state", "Day", "Vehicles", List.of("Mon", "Tue", "Wed"), List.of(), true,
                List.of(new Briefing.Band(0, "Closed", ChartColours.CLOSED)));

        var image = ImageIO.read(new ByteArrayInputStream(drawing.png(chart, java.util.Locale.ENGLISH, 600, 200)));

        var tinted = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            var c = new Color(image.getRGB(x, image.getHeight() / 2));
            // the tint is the state's colour at low alpha over white: reddish, neither white nor grey
            if (c.getRed() > c.getGreen() + 20 && c.getRed() > c.getBlue() + 20) {
                tinted++;
            }
        }
        assertThat(tinted).as("a third of the plot's width is Monday's closed band").isGreaterThan(image.getWidth() / 6)
                .isLessThan(image.getWidth() / 2);
    }

    private static int pixels(BufferedImage image, Color colour) {
        var n = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    n++;
                }
            }
        }
        return n;
    }
}
