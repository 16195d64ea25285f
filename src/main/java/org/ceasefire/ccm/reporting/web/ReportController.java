package org.ceasefire.ccm.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.ceasefire.ccm.base.FieldProblem;
import org.ceasefire.ccm.base.web.ApiParams;
import org.ceasefire.ccm.base.InvalidInputException;
import org.ceasefire.ccm.base.web.ApiResponses;
import org.ceasefire.ccm.base.web.ApiProblems;
import org.ceasefire.ccm.reporting.BatchResult;
import org.ceasefire.ccm.reporting.ReportArea;
import org.ceasefire.ccm.reporting.ReportDraft;
import org.ceasefire.ccm.reporting.ReportFilter;
import org.ceasefire.ccm.reporting.ReportPage;
import org.ceasefire.ccm.reporting.ReportService;
import org.ceasefire.ccm.reporting.ReportStatus;
import org.ceasefire.ccm.reporting.ReportView;
import org.ceasefire.ccm.reporting.ReviewDecision;
import org.ceasefire.ccm.reporting.ReviewService;
import org.ceasefire.ccm.security.AppRoles;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reports over HTTP: the single way in for field clients. The same report sent again is stored once; the role is
 * checked before the body is read.
 */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "Monitors' observations and their review")
class ReportController {

    private static final tools.jackson.core.type.TypeReference<List<ReportDraft>> DRAFTS = new tools.jackson.core.type.TypeReference<>() {};

    private final ReportService reports;
    private final ReviewService reviews;
    private final JsonMapper json;

    ReportController(ReportService reports, ReviewService reviews, JsonMapper json) {
        this.reports = reports;
        this.reviews = reviews;
        this.json = json;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('" + AppRoles.MONITOR + "', '" + AppRoles.SUPERVISOR + "')")
    @Operation(summary = "File a report (MONITOR)", description = "201 when stored; 200 when the same id and report were"
            + " stored before (nothing new is stored); 409 when the id was used for a different report.")
    ResponseEntity<ReportView> submit(@RequestBody ReportDraft draft) {
        return ApiResponses.recorded(reports.submit(draft));
    }

    @PostMapping("/batch")
    @PreAuthorize("hasAnyRole('" + AppRoles.MONITOR + "', '" + AppRoles.SUPERVISOR + "')")
    @Operation(summary = "File up to 500 reports (MONITOR)", description = "Each report is answered on its own with the"
            + " status it alone would have got (201, 200, 409, 4xx) and, when refused, its problem.")
    List<BatchResult> batch(@RequestBody JsonNode body) {
        if (!body.isArray()) {
            throw new InvalidInputException("body", "must be a JSON array of reports");
        }
        if (body.size() > ReportService.MAX_BATCH) {
            throw new InvalidInputException("body", "a batch takes at most " + ReportService.MAX_BATCH + " reports; this one has "
                    + body.size() + ". Split it.");
        }
        var drafts = new ArrayList<ReportDraft>(body.size());
        var unreadable = new ArrayList<Integer>();
        try {
            // the usual case, all items of the right shape, in one pass
            drafts.addAll(json.treeToValue(body, DRAFTS));
            return reports.submitBatch(drafts);
        } catch (JacksonException | IllegalArgumentException e) {
            drafts.clear();
        }
        for (int i = 0; i < body.size(); i++) {
            try {
                drafts.add(json.treeToValue(body.get(i), ReportDraft.class));
            } catch (JacksonException | IllegalArgumentException e) {
                drafts.add(null);
                unreadable.add(i);
            }
        }
        var readable = drafts.stream().filter(java.util.Objects::nonNull).toList();
        var answers = new ArrayList<>(reports.submitBatch(readable));
        var result = new ArrayList<BatchResult>(drafts.size());
        var next = 0;
        for (int i = 0; i < drafts.size(); i++) {
            if (drafts.get(i) == null) {
                var idNode = body.get(i).get("id");
                UUID id = null;
                try {
                    id = idNode == null || !idNode.isString() ? null : UUID.fromString(idNode.asString());
                } catch (IllegalArgumentException e) {
                    // the id itself is what is malformed
                }
                result.add(new BatchResult(id, 400, ApiProblems.invalid("This report is not of the expected shape: a field"
                        + " has the wrong type (text where a number is expected, or the reverse).", List.of())));
            } else {
                result.add(answers.get(next++));
            }
        }
        return result;
    }

    @GetMapping
    @Operation(summary = "List reports", description = "Newest observation first. from/to are local days, both included.")
    ReportPage<ReportView> list(@RequestParam(required = false) @Nullable String area,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String obligation,
            @RequestParam(required = false) @Nullable String submittedBy,
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return reports.search(filter(area, status, from, to, obligation, submittedBy, source), page, size);
    }

    @GetMapping("/queue")
    @PreAuthorize("hasRole('" + AppRoles.SUPERVISOR + "')")
    @Operation(summary = "Reports waiting for review, oldest first (SUPERVISOR)")
    ReportPage<ReportView> queue(@RequestParam(required = false) @Nullable String area,
            @RequestParam(required = false) @Nullable String obligation,
            @RequestParam(required = false) @Nullable String submittedBy,
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return reviews.queue(filter(area, null, null, null, obligation, submittedBy, source), page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One report with its reviews")
    ReportView get(@PathVariable UUID id) {
        return reports.get(id);
    }

    @GetMapping("/{id}/related")
    @Operation(summary = "Other reports in the same area on the same local day, for comparing claims side by side")
    List<ReportView> related(@PathVariable UUID id) {
        return reports.sameAreaAndDay(id);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('" + AppRoles.MONITOR + "', '" + AppRoles.SUPERVISOR + "')")
    @Operation(summary = "Correct and resubmit one's own report (MONITOR, author only)",
            description = "Allowed while it is SUBMITTED or RETURNED; a reviewed report is a 409.")
    ReportView update(@PathVariable UUID id, @RequestBody ReportDraft draft,
            @Parameter(description = "the report version the correction is based on")
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return reports.update(id, draft, ApiResponses.ifMatchVersion(ifMatch));
    }

    @PostMapping("/{id}/review")
    @PreAuthorize("hasRole('" + AppRoles.SUPERVISOR + "')")
    @Operation(summary = "Verify, reject or return a report (SUPERVISOR)",
            description = "A reason is required for REJECT and RETURN; nobody reviews their own report (403);"
                    + " a report already reviewed is a 409.")
    ReportView review(@PathVariable UUID id, @RequestBody ReviewRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        ReviewDecision decision = null;
        if (request.decision() != null) {
            try {
                decision = ReviewDecision.valueOf(request.decision().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("decision", "'" + request.decision() + "' is not one of VERIFY, REJECT, RETURN");
            }
        }
        return reviews.review(id, decision, request.reason(), ApiResponses.ifMatchVersion(ifMatch));
    }

    record ReviewRequest(@Nullable String decision, @Nullable String reason) {}

    private static ReportFilter filter(@Nullable String area, @Nullable String status, @Nullable String from,
            @Nullable String to, @Nullable String obligation, @Nullable String submittedBy, @Nullable String source) {
        var problems = new ArrayList<FieldProblem>();
        var a = parse("area", area, ReportArea.class, problems);
        var s = parse("status", status, ReportStatus.class, problems);
        var f = ApiParams.day("from", from, problems);
        var t = ApiParams.day("to", to, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The filter is not valid.", problems);
        }
        return new ReportFilter(a, s, f, t, blankToNull(obligation), blankToNull(submittedBy), blankToNull(source));
    }

    private static <E extends Enum<E>> @Nullable E parse(String field, @Nullable String value, Class<E> type,
            List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "'" + value + "' is not one of " + List.of(type.getEnumConstants())));
            return null;
        }
    }


    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }


}
