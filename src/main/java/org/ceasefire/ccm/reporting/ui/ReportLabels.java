package org.ceasefire.ccm.reporting.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import org.ceasefire.ccm.base.TimeFormats;
import org.ceasefire.ccm.reporting.ReportArea;
import org.ceasefire.ccm.reporting.ReportStatus;
import org.ceasefire.ccm.reporting.ReportView;
import org.ceasefire.ccm.reporting.ReviewDecision;

/** How reports' statuses, areas and sources read on screen: words first, colour only alongside them. */
final class ReportLabels {

    private ReportLabels() {}

    static Span status(Component context, ReportStatus status) {
        return badge(context.getTranslation("report-status." + status.name()),
                "badge report-status report-status-" + status.name().toLowerCase(Locale.ROOT));
    }

    /** A review in a report's history reads as the status it led to. */
    static Span decision(Component context, ReviewDecision decision) {
        return status(context, decision.result());
    }

    static String area(Component context, ReportArea area) {
        return context.getTranslation("area." + area.name());
    }

    /** The Admiralty grade as a badge, its meaning in words on hover. */
    static Span grade(Component context, ReportView.Source source) {
        var span = badge(source.grade(), "badge grade");
        span.setTitle(gradeMeaning(context, source));
        return span;
    }

    static String gradeMeaning(Component context, ReportView.Source source) {
        var reliability = source.reliability() == null ? context.getTranslation("grade.unknown")
                : context.getTranslation("reliability." + source.reliability());
        var credibility = source.credibility() == null ? context.getTranslation("grade.unknown")
                : context.getTranslation("credibility." + source.credibility());
        return context.getTranslation("grade.meaning", reliability, credibility);
    }

    static String source(ReportView.Source source) {
        return source.name() + " · " + source.grade();
    }

    /** When it was observed, and below it, smaller, when it was received. */
    static Div times(Component context, TimeFormats times, Locale locale, ReportView r) {
        var observed = new Span(times.dateTime(r.observedAt(), locale));
        var received = new Span(context.getTranslation("report.received.short", times.dateTime(r.receivedAt(), locale)));
        received.addClassName("received-time");
        var cell = new Div(observed, received);
        cell.addClassName("times-cell");
        return cell;
    }

    /** The source's name with its grade, and a "recorded late" mark where it applies. */
    static Div sourceCell(Component context, ReportView r) {
        var cell = new Div(new Span(r.source().name()), grade(context, r.source()));
        cell.addClassName("source-cell");
        if (r.recordedLate()) {
            cell.add(late(context));
        }
        return cell;
    }

    static Span late(Component context) {
        var span = badge(context.getTranslation("report.recorded-late"), "badge recorded-late");
        span.setTitle(context.getTranslation("report.recorded-late.help"));
        return span;
    }

    static String abbreviate(String text, int max) {
        var flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1).stripTrailing() + "…";
    }

    static Span badge(String text, String classNames) {
        var span = new Span(text);
        span.setClassName(classNames);
        return span;
    }
}
