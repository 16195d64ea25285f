package org.ceasefire.ccm.briefing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryMarker;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.FontMapper;
import org.openpdf.text.pdf.PdfTemplate;
import org.springframework.stereotype.Component;

/**
 * Draws a briefing's charts with JFreeChart: as vector graphics into a PDF (its text in the embedded font, so it can
 * be searched and copied) and as a PNG for the Word document. A chart reads like its dashboard: the same series and
 * colours, titled, with axis names and units and a legend.
 */
@Component
public class ChartDrawing {

    /** PNG pixels per point: sharp on paper at the size the document prints it. */
    static final double PNG_SCALE = 2.5;
    /** Bars a chart labels with their figures; beyond this the labels overlap and the axis reads better. */
    static final int MAX_LABELS = 21;

    private static final Color TEXT = new Color(0x1F, 0x29, 0x37);
    private static final Color MUTED = new Color(0x4B, 0x55, 0x63);
    private static final Color GRID = new Color(0xE5, 0xE7, 0xEB);

    private final BriefingFonts fonts;
    private final FontMapper mapper;

    ChartDrawing(BriefingFonts fonts) {
        this.fonts = fonts;
        this.mapper = new FontMapper() {
            @Override
            public BaseFont awtToPdf(java.awt.Font font) {
                return font.isBold() ? fonts.bold : fonts.regular;
            }

            @Override
            public java.awt.Font pdfToAwt(BaseFont font, int size) {
                return fonts.awt(font == fonts.bold, size);
            }
        };
    }

    /** The chart drawn into a PDF template of the given size in points. */
    void draw(Briefing.Chart c, Locale locale, PdfTemplate template, float width, float height) {
        var g = template.createGraphics(width, height, mapper);
        try {
            chart(c, locale).draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
    }

    /** The chart as a PNG of the given size in points, at {@link #PNG_SCALE} pixels a point. */
    public byte[] png(Briefing.Chart c, Locale locale, int width, int height) {
        var image = new BufferedImage((int) Math.round(width * PNG_SCALE), (int) Math.round(height * PNG_SCALE), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(PNG_SCALE, PNG_SCALE);
            chart(c, locale).draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    JFreeChart chart(Briefing.Chart c, Locale locale) {
        var dataset = new DefaultCategoryDataset();
        for (var s : c.series()) {
            for (int i = 0; i < c.categories().size(); i++) {
                dataset.addValue(s.values().get(i), s.name(), c.categories().get(i));
            }
        }
        if (c.series().isEmpty()) {
            // the categories still make the axis, so that a banded week shows its days
            c.categories().forEach(category -> dataset.addValue(0, "", category));
        }
        var renderer = c.stacked() ? new StackedBarRenderer() : new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setItemMargin(0.04);
        renderer.setMaximumBarWidth(0.09);
        for (int i = 0; i < c.series().size(); i++) {
            renderer.setSeriesPaint(i, Color.decode(c.series().get(i).colour()));
        }
        if (!c.stacked() && c.series().size() * c.categories().size() <= MAX_LABELS) {
            renderer.setDefaultItemLabelGenerator(new NonZeroLabels(locale));
            renderer.setDefaultItemLabelsVisible(true);
            renderer.setDefaultItemLabelFont(fonts.awt(false, 7f));
            renderer.setDefaultItemLabelPaint(TEXT);
        }

        var categoryAxis = new CategoryAxis(c.categoryAxis());
        categoryAxis.setCategoryMargin(0.18);
        categoryAxis.setLowerMargin(0.02);
        categoryAxis.setUpperMargin(0.02);
        var valueAxis = new NumberAxis(c.valueAxis());
        valueAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(locale));
        valueAxis.setNumberFormatOverride(NumberFormat.getIntegerInstance(locale));
        valueAxis.setAutoRangeIncludesZero(true);
        valueAxis.setUpperMargin(0.12); // room for the labels above the highest bar
        if (c.series().stream().allMatch(s -> s.values().stream().allMatch(v -> v == 0))) {
            valueAxis.setRange(0, 1);
        }
        for (var axis : new org.jfree.chart.axis.Axis[] {categoryAxis, valueAxis}) {
            axis.setLabelFont(fonts.awt(false, 7.5f));
            axis.setLabelPaint(MUTED);
            axis.setTickLabelFont(fonts.awt(false, 7f));
            axis.setTickLabelPaint(TEXT);
            axis.setAxisLinePaint(MUTED);
        }

        var plot = new CategoryPlot(dataset, categoryAxis, valueAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setInsets(new RectangleInsets(4, 2, 2, 8));
        var bandNames = new LinkedHashMap<String, Color>();
        for (var band : c.bands()) {
            var colour = Color.decode(band.colour());
            var tint = new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 56);
            var marker = new CategoryMarker(c.categories().get(band.category()), tint, new BasicStroke(0f));
            marker.setDrawAsLine(false);
            plot.addDomainMarker(marker, Layer.BACKGROUND);
            bandNames.putIfAbsent(band.name(), tint);
        }
        if (!bandNames.isEmpty() || c.series().isEmpty()) {
            var items = new org.jfree.chart.LegendItemCollection();
            if (!c.series().isEmpty()) {
                items.addAll(plot.getLegendItems());
            }
            bandNames.forEach((name, tint) -> items.add(new LegendItem(name, tint)));
            plot.setFixedLegendItems(items);
        }

        var chart = new JFreeChart(c.title(), fonts.awt(true, 10f), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(2, 0, 2, 0));
        var title = chart.getTitle();
        title.setHorizontalAlignment(HorizontalAlignment.LEFT);
        title.setPaint(TEXT);
        var subtitle = new TextTitle(c.subtitle(), fonts.awt(false, 7.5f));
        subtitle.setHorizontalAlignment(HorizontalAlignment.LEFT);
        subtitle.setTextAlignment(HorizontalAlignment.LEFT);
        subtitle.setPaint(MUTED);
        subtitle.setPadding(new RectangleInsets(1, 0, 4, 0));
        chart.addSubtitle(subtitle);
        var legend = new LegendTitle(plot);
        legend.setItemFont(fonts.awt(false, 7.5f));
        legend.setItemPaint(TEXT);
        legend.setFrame(BlockBorder.NONE);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
        chart.addSubtitle(legend);
        return chart;
    }

    /** Labels a bar with its figure, and leaves a bar of nothing unlabelled so that empty days stay quiet. */
    private static final class NonZeroLabels extends StandardCategoryItemLabelGenerator {
        NonZeroLabels(Locale locale) {
            super("{2}", NumberFormat.getIntegerInstance(locale));
        }

        @Override
        public String generateLabel(CategoryDataset dataset, int row, int column) {
            var value = dataset.getValue(row, column);
            return value == null || value.longValue() == 0 ? null : super.generateLabel(dataset, row, column);
        }
    }
}
