package org.ceasefire.ccm.reporting;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a CSV import did, row by row: each row was stored, found already stored, or refused with the problems a person
 * must fix in it. Rows are named by their line in the file (the header is line 1) and problems by CSV column.
 *
 * @param rows          data rows read from the file (blank lines are not rows)
 * @param stored        rows stored now (status 201)
 * @param alreadyStored rows stored before, by an earlier import or API call (status 200); nothing new was stored
 * @param refused       rows not stored (status 400 or 409)
 * @param results       one entry per data row, in file order
 */
public record CsvImportResult(int rows, int stored, int alreadyStored, int refused, List<RowResult> results) {

    /**
     * One row's outcome.
     *
     * @param row    the row's line number in the file, the header being line 1 (a value spanning lines counts its first)
     * @param id     the report id: the row's own, or the one derived from its content; null when the id cell is invalid
     * @param status the HTTP status the row alone would have got: 201, 200, 409 or 400
     * @param errors what to fix, empty unless refused
     */
    public record RowResult(int row, @Nullable UUID id, int status, List<RowError> errors) {}

    /**
     * One problem with one row.
     *
     * @param field   the CSV column concerned (e.g. {@code source_name}, {@code details.persons}), {@code row} for the
     *                row as a whole
     * @param message what is wrong, phrased so that a person can fix it
     */
    public record RowError(String field, String message) {}

    static CsvImportResult of(List<RowResult> results) {
        int stored = 0;
        int already = 0;
        for (var r : results) {
            if (r.status() == 201) {
                stored++;
            } else if (r.status() == 200) {
                already++;
            }
        }
        return new CsvImportResult(results.size(), stored, already, results.size() - stored - already, List.copyOf(results));
    }

    /** The refused rows only, for showing what to fix. */
    public List<RowResult> refusedRows() {
        return results.stream().filter(r -> r.status() != 201 && r.status() != 200).toList();
    }
}
