package org.ceasefire.ccm.reporting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ceasefire.ccm.base.FieldProblem;
import org.ceasefire.ccm.security.AppRoles;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Imports reports from a CSV file in the layout of {@code docs/csv-import.md}, the kind a field-survey tool exports.
 * Each row is stored or refused on its own, exactly as if it had been sent to the API alone: the same rules, the same
 * idempotency on the report id. A row without an id gets one derived from its content, so importing the same file
 * again stores nothing twice. Problems are named by line and CSV column, so that a person can fix the file and import
 * it again: the rows stored the first time are then answered as already stored.
 */
@Service
@PreAuthorize("hasAnyRole('" + AppRoles.MONITOR + "', '" + AppRoles.SUPERVISOR + "')")
public class CsvImportService {

    /** Largest file accepted, in bytes (10 MB). */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    /** Most data rows accepted in one file. */
    public static final int MAX_ROWS = 10_000;
    /** Rows are filed in batches of this many, each stored in its own transaction. */
    static final int CHUNK = ReportService.MAX_BATCH;

    private final ReportService reports;

    CsvImportService(ReportService reports) {
        this.reports = reports;
    }

    /**
     * Imports a file: UTF-8 text, with or without a byte-order mark, comma- or semicolon-separated, header row first.
     *
     * @throws org.ceasefire.ccm.base.InvalidInputException when the file as a whole cannot be imported (too big, too
     *         many rows, not UTF-8, malformed CSV, unknown or missing columns); nothing is stored then
     */
    public CsvImportResult importCsv(byte[] content) {
        return importCsv(content, reports::submitBatch);
    }

    /** The import with the filing of a chunk passed in, so that the mapping can be tested without a database. */
    static CsvImportResult importCsv(byte[] content, Function<List<ReportDraft>, List<BatchResult>> submitBatch) {
        var parsed = CsvReportParser.parse(content);
        var rows = parsed.rows();
        var results = new CsvImportResult.RowResult[rows.size()];
        var readable = new ArrayList<Integer>();
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            if (row.draft() == null) {
                results[i] = new CsvImportResult.RowResult(row.line(), row.id(), 400, row.problems().stream()
                        .map(p -> new CsvImportResult.RowError(p.field(), p.message())).toList());
            } else {
                readable.add(i);
            }
        }
        for (int from = 0; from < readable.size(); from += CHUNK) {
            var chunk = readable.subList(from, Math.min(from + CHUNK, readable.size()));
            var drafts = chunk.stream().map(i -> java.util.Objects.requireNonNull(rows.get(i).draft())).toList();
            var answers = submitBatch.apply(drafts);
            for (int k = 0; k < chunk.size(); k++) {
                var row = rows.get(chunk.get(k));
                results[chunk.get(k)] = result(row, answers.get(k));
            }
        }
        return CsvImportResult.of(Arrays.asList(results));
    }

    /** A template to start from: the header row and two example rows (delete them before importing your own). */
    public static String template() {
        return CsvReportParser.template();
    }

    private static CsvImportResult.RowResult result(CsvReportParser.ParsedRow row, BatchResult answer) {
        var id = answer.id() != null ? answer.id() : row.id();
        if (answer.status() == 201 || answer.status() == 200) {
            return new CsvImportResult.RowResult(row.line(), id, answer.status(), List.of());
        }
        return new CsvImportResult.RowResult(row.line(), id, answer.status(), errors(row, answer));
    }

    private static List<CsvImportResult.RowError> errors(CsvReportParser.ParsedRow row, BatchResult answer) {
        var problem = answer.problem();
        var detail = problem == null || problem.getDetail() == null ? "The report was refused." : problem.getDetail();
        if (answer.status() == 409) {
            return List.of(new CsvImportResult.RowError("id", detail));
        }
        var errors = new ArrayList<CsvImportResult.RowError>();
        for (var p : fieldProblems(problem)) {
            errors.add(new CsvImportResult.RowError(CsvReportParser.column(p.field(), row.draft()), p.message()));
        }
        if (errors.isEmpty()) {
            errors.add(new CsvImportResult.RowError("row", detail));
        }
        return errors;
    }

    /** The field problems a refused report's problem document carries (see {@code ApiProblems.invalid}). */
    private static List<FieldProblem> fieldProblems(@Nullable ProblemDetail problem) {
        if (problem == null || problem.getProperties() == null || !(problem.getProperties().get("errors") instanceof List<?> list)) {
            return List.of();
        }
        var result = new ArrayList<FieldProblem>();
        for (var item : list) {
            if (item instanceof Map<?, ?> map && map.get("field") != null && map.get("message") != null) {
                result.add(new FieldProblem(String.valueOf(map.get("field")), String.valueOf(map.get("message"))));
            }
        }
        return result;
    }
}
