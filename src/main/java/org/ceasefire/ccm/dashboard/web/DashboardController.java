package org.ceasefire.ccm.dashboard.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ceasefire.ccm.base.FieldProblem;
import org.ceasefire.ccm.base.web.ApiParams;
import org.ceasefire.ccm.base.Instants;
import org.ceasefire.ccm.base.InvalidInputException;
import org.ceasefire.ccm.dashboard.CeasefireDashboard;
import org.ceasefire.ccm.dashboard.CorridorDashboard;
import org.ceasefire.ccm.dashboard.DashboardQuery;
import org.ceasefire.ccm.dashboard.DashboardService;
import org.ceasefire.ccm.dashboard.DrillDown;
import org.ceasefire.ccm.dashboard.ExchangesDashboard;
import org.ceasefire.ccm.dashboard.OverviewDashboard;
import org.ceasefire.ccm.dashboard.ReturnsDashboard;
import org.ceasefire.ccm.dashboard.WithdrawalsDashboard;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboards' figures over HTTP: computed by the same service as the views, for every role. */
@RestController
@RequestMapping("/api/v1/dashboards")
@Tag(name = "Dashboards")
class DashboardController {

    /** Details fields a drill-down may match, besides source and obligation. */
    private static final Set<String> MATCHABLE = Set.of("releasedBy", "receivedBy", "basis", "direction", "corridor",
            "state", "allegedBy", "allegedAgainst", "assessment", "district", "stage", "source", "obligation");

    private final DashboardService dashboards;

    DashboardController(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping("/{name}")
    @Operation(summary = "A dashboard's figures", description = "name: overview, withdrawals, prisoner-exchanges,"
            + " refugee-returns, corridor-traffic or ceasefire. Verified reports only unless includeUnverified=true"
            + " (then submitted ones count too, marked). asOf replays the state at that instant: reports observed and"
            + " decisions effective by then. from/to are local days, both included (default: the agreement's whole"
            + " life). page/size page the list of exchanges or incidents.")
    @ApiResponse(responseCode = "200", description = "The dashboard named in the path", content = @Content(schema = @Schema(
            oneOf = {OverviewDashboard.class, WithdrawalsDashboard.class, ExchangesDashboard.class, ReturnsDashboard.class,
                    CorridorDashboard.class, CeasefireDashboard.class})))
    Object dashboard(@PathVariable String name,
            @RequestParam(defaultValue = DashboardQuery.DEFAULT_AGREEMENT) String agreement,
            @Parameter(description = "first local day, e.g. 2020-11-10") @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "last local day, included") @RequestParam(required = false) @Nullable String to,
            @Parameter(description = "an instant with an offset, e.g. 2020-11-25T01:00:00+04:00") @RequestParam(required = false) @Nullable String asOf,
            @RequestParam(required = false) @Nullable String includeUnverified,
            @RequestParam(required = false) @Nullable String page, @RequestParam(required = false) @Nullable String size) {
        return dashboards.byName(name, query(agreement, from, to, asOf, includeUnverified, page, size));
    }

    @GetMapping("/{name}/reports")
    @Operation(summary = "The reports behind a figure", description = "Newest first. Narrow to one local day (date) or"
            + " ISO week (week, e.g. 2020-W50), and match details fields (receivedBy, releasedBy, basis, direction,"
            + " corridor, state, allegedBy, allegedAgainst, assessment, district, stage), the source's name (source)"
            + " or a handover obligation (obligation). Reads at most 20,000 reports of the period to find them:"
            + " complete=false says the search stopped before the period's start; narrow the period to see older ones.")
    DrillDown reports(@PathVariable String name, @RequestParam(defaultValue = DashboardQuery.DEFAULT_AGREEMENT) String agreement,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String asOf,
            @RequestParam(required = false) @Nullable String includeUnverified,
            @RequestParam(required = false) @Nullable String date, @RequestParam(required = false) @Nullable String week,
            @RequestParam(required = false) @Nullable String page, @RequestParam(required = false) @Nullable String size,
            @RequestParam Map<String, String> all) {
        var q = query(agreement, from, to, asOf, includeUnverified, page, size);
        var problems = new ArrayList<FieldProblem>();
        var day = ApiParams.day("date", date, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The drill-down is not valid.", problems);
        }
        var match = new LinkedHashMap<String, String>();
        all.forEach((k, v) -> {
            if (MATCHABLE.contains(k) && v != null && !v.isBlank()) {
                match.put(k, v.strip());
            }
        });
        return dashboards.drillDown(name, q, day, week == null || week.isBlank() ? null : week.strip(), match);
    }

    private static DashboardQuery query(String agreement, @Nullable String from, @Nullable String to, @Nullable String asOf,
            @Nullable String includeUnverified, @Nullable String page, @Nullable String size) {
        var problems = new ArrayList<FieldProblem>();
        var f = ApiParams.day("from", from, problems);
        var t = ApiParams.day("to", to, problems);
        Instant at = null;
        if (asOf != null && !asOf.isBlank()) {
            try {
                at = Instants.parseInstant("asOf", asOf);
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        var unverified = false;
        if (includeUnverified != null && !includeUnverified.isBlank()) {
            switch (includeUnverified.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> unverified = true;
                case "false" -> unverified = false;
                default -> problems.add(new FieldProblem("includeUnverified", "'" + includeUnverified + "' is not true or false"));
            }
        }
        var p = number("page", page, 0, problems);
        var s = number("size", size, DashboardQuery.DEFAULT_SIZE, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The dashboard's parameters are not valid.", problems);
        }
        return new DashboardQuery(agreement.strip(), f, t, at, unverified, p, s);
    }

    private static int number(String field, @Nullable String value, int otherwise, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "'" + value + "' is not a whole number"));
            return otherwise;
        }
    }

}
