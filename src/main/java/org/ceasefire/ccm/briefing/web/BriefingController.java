package org.ceasefire.ccm.briefing.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import org.ceasefire.ccm.base.InvalidInputException;
import org.ceasefire.ccm.base.ui.Languages;
import org.ceasefire.ccm.briefing.BriefingArchive;
import org.ceasefire.ccm.briefing.BriefingCsv;
import org.ceasefire.ccm.briefing.BriefingDocx;
import org.ceasefire.ccm.briefing.BriefingPdf;
import org.ceasefire.ccm.briefing.BriefingService;
import org.ceasefire.ccm.briefing.BriefingXlsx;
import org.ceasefire.ccm.briefing.IsoWeek;
import org.ceasefire.ccm.dashboard.DashboardQuery;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The weekly briefing of an ISO week, for briefers: a PDF to send, the same as DOCX, its data as XLSX and CSV. */
@RestController
@RequestMapping("/api/v1/briefings")
@Tag(name = "Briefings")
class BriefingController {

    private final BriefingService briefings;
    private final BriefingPdf pdf;
    private final BriefingCsv csv;
    private final BriefingDocx docx;
    private final BriefingXlsx xlsx;
    private final BriefingArchive archive;
    private final MeterRegistry meters;

    BriefingController(BriefingService briefings, BriefingPdf pdf, BriefingCsv csv, BriefingDocx docx, BriefingXlsx xlsx,
            BriefingArchive archive, MeterRegistry meters) {
        this.archive = archive;
        this.briefings = briefings;
        this.pdf = pdf;
        this.csv = csv;
        this.docx = docx;
        this.xlsx = xlsx;
        this.meters = meters;
        for (var format : new String[] {"pdf", "docx", "xlsx", "csv"}) {
            timer(format);
        }
    }

    @GetMapping("/{isoWeek}")
    @Operation(summary = "The weekly briefing", description = "isoWeek like 2020-W51: Monday to Sunday, cut off at the end"
            + " of Sunday in the configured zone. format=pdf (default) gives the briefing; format=csv the week's reports,"
            + " every status, streamed; format=docx the same briefing, editable; format=xlsx its data annex (the week's"
            + " verified reports, the figures and the status changes, a sheet each). lang=en (default), ru, hy or az: the"
            + " language of the briefing's text; the CSV and the workbook's column names stay in English.")
    void briefing(@PathVariable String isoWeek, @RequestParam(defaultValue = "pdf") String format,
            @RequestParam(defaultValue = DashboardQuery.DEFAULT_AGREEMENT) String agreement,
            @RequestParam(defaultValue = "en") String lang, HttpServletResponse response) throws IOException {
        var week = IsoWeek.parse(isoWeek);
        var language = language(lang);
        var f = format.strip().toLowerCase(Locale.ROOT);
        var sample = Timer.start(meters);
        switch (f) {
            case "pdf" -> send(response, pdf.render(briefings.compose(agreement.strip(), week, language)), MediaType.APPLICATION_PDF_VALUE,
                    attachment(week, "pdf"));
            case "csv" -> {
                // the role is checked before the first byte is written, so a refusal is still a clean 403
                briefings.checkAccess();
                response.setContentType("text/csv;charset=UTF-8");
                response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(week, "csv"));
                csv.write(agreement.strip(), week, response.getOutputStream());
            }
            case "docx" -> send(response, docx.render(briefings.compose(agreement.strip(), week, language)),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", attachment(week, "docx"));
            case "xlsx" -> send(response, xlsx.render(briefings.compose(agreement.strip(), week, language), week),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", attachment(week, "xlsx"));
            default -> throw new InvalidInputException("format", "'" + format + "' is not one of pdf, docx, xlsx, csv");
        }
        sample.stop(timer(f));
    }

    /** One of the product's four languages, or a 400 naming the parameter. */
    private static Locale language(String lang) {
        var tag = lang.strip().toLowerCase(Locale.ROOT);
        return Languages.SUPPORTED.stream().filter(l -> l.getLanguage().equals(tag)).findFirst()
                .orElseThrow(() -> new InvalidInputException("lang", "'" + lang + "' is not one of "
                        + String.join(", ", Languages.SUPPORTED.stream().map(Locale::getLanguage).toList())));
    }

    @GetMapping("/archive")
    @Operation(summary = "Archived weekly briefings", description = "Produced every Monday at 06:00 local time for the week"
            + " before, newest first, with the SHA-256 of each file (pdf, docx, xlsx, csv).")
    java.util.List<BriefingArchive.Archived> archive(@RequestParam(defaultValue = DashboardQuery.DEFAULT_AGREEMENT) String agreement) {
        return archive.list(agreement.strip());
    }

    @GetMapping("/archive/{isoWeek}")
    @Operation(summary = "An archived weekly briefing, byte for byte as it was produced")
    void archived(@PathVariable String isoWeek, @RequestParam(defaultValue = "pdf") String format,
            @RequestParam(defaultValue = DashboardQuery.DEFAULT_AGREEMENT) String agreement, HttpServletResponse response)
            throws IOException {
        var week = IsoWeek.parse(isoWeek);
        var f = format.strip().toLowerCase(Locale.ROOT);
        var bytes = archive.file(agreement.strip(), week, f).orElseThrow(() -> new org.ceasefire.ccm.base.NotFoundException(
                "The briefing of " + week.label() + " has not been archived; archives are made on the Monday after each week."));
        var type = switch (f) {
            case "pdf" -> MediaType.APPLICATION_PDF_VALUE;
            case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            default -> "text/csv;charset=UTF-8";
        };
        send(response, bytes, type, attachment(week, f));
    }

    private static void send(HttpServletResponse response, byte[] bytes, String type, String disposition) throws IOException {
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private Timer timer(String format) {
        return Timer.builder("ccm.briefing").description("Time to compose and render a briefing").tag("format", format)
                .publishPercentileHistogram().maximumExpectedValue(Duration.ofSeconds(30)).register(meters);
    }

    private static String attachment(IsoWeek week, String extension) {
        return ContentDisposition.attachment().filename("briefing-" + week.label() + "." + extension).build().toString();
    }
}
