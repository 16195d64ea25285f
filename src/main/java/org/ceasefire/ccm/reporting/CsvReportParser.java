package org.ceasefire.ccm.reporting;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ceasefire.ccm.base.FieldProblem;
import org.ceasefire.ccm.base.InvalidInputException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads reports from CSV in the flat layout of {@code docs/csv-import.md}: one report per row, the columns named in
 * a header row, details in {@code details.*} columns, as a field-survey tool (KoboToolbox, ODK) exports them. Turns
 * text into drafts and per-row problems; it checks only what the CSV form itself decides (is this a number, a UUID),
 * and leaves the report's rules to {@link ReportService}. Problems with the file as a whole (not UTF-8, unbalanced
 * quotes, unknown columns, too big) refuse it whole.
 */
final class CsvReportParser {

    static final String DEFAULT_AGREEMENT = "nk-2020-11-10";
    static final String DETAILS_PREFIX = "details.";

    /**
     * Namespace of the ids derived from row content: part of what is hashed, so that the derived ids cannot collide
     * with ids derived the same way for anything else. Changing it changes every derived id: never do.
     */
    private static final String ID_NAMESPACE = "ccm:csv-report-row:v1";

    /** The top-level columns, in the template's order, with the draft field each fills. */
    static final Map<String, String> COLUMNS;

    static {
        var columns = new LinkedHashMap<String, String>();
        columns.put("id", "id");
        columns.put("agreement", "agreement");
        columns.put("obligations", "obligations");
        columns.put("area", "area");
        columns.put("observed_at", "observedAt");
        columns.put("observed_until", "observedUntil");
        columns.put("location_name", "location.name");
        columns.put("district", "location.district");
        columns.put("lat", "location.lat");
        columns.put("lon", "location.lon");
        columns.put("summary", "summary");
        columns.put("source_name", "source.name");
        columns.put("source_kind", "source.kind");
        columns.put("source_party", "source.party");
        columns.put("source_reliability", "source.reliability");
        columns.put("source_credibility", "source.credibility");
        columns.put("source_url", "source.url");
        COLUMNS = java.util.Collections.unmodifiableMap(columns);
    }

    /** Columns without which every row would be refused: a file missing one is refused whole instead. */
    static final List<String> REQUIRED_COLUMNS = List.of("area", "observed_at", "summary", "source_name", "source_kind");

    /** Draft field (as the service names it in its problems) to CSV column. */
    private static final Map<String, String> FIELD_TO_COLUMN = COLUMNS.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    /** Details fields whose numeric-looking values are sent as JSON numbers: whole counts. */
    static final Set<String> COUNT_DETAILS = Set.of("personnel", "armouredVehicles", "vehicles", "observationPosts",
            "killed", "wounded", "prisonersOfWar", "civilians", "bodies", "persons");
    /** Details fields that take a decimal quantity. */
    static final Set<String> QUANTITY_DETAILS = Set.of("cargoTonnes");

    /**
     * The details fields API.md defines, so that {@code details.RELEASEDBY} or {@code details.released_by} is read as
     * {@code releasedBy}. Other names are kept as written (free details of TRANSPORT_LINKS and OTHER reports).
     */
    private static final Map<String, String> KNOWN_DETAILS = Stream.of("district", "stage", "personnel",
                    "armouredVehicles", "vehicles", "observationPosts", "basis", "allegedBy", "allegedAgainst", "deniedBy",
                    "assessedBy", "assessment", "killed", "wounded", "releasedBy", "receivedBy", "prisonersOfWar",
                    "civilians", "bodies", "mediator", "direction", "persons", "since", "area", "corridor", "state",
                    "cargoTonnes", "notes")
            .collect(Collectors.toUnmodifiableMap(CsvReportParser::loose, Function.identity()));

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,18}");
    /** A decimal with a point, or with a comma as written in semicolon-separated files from European spreadsheets. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,15}([.,]\\d{1,15})?");
    private static final Pattern CODE_SEPARATORS = Pattern.compile("[\\s,;]+");
    private static final Pattern CSV_ERROR_LINE = Pattern.compile("(?:startline|line:?)\\s*([\\d,.]+)");

    private CsvReportParser() {}

    /** One data row of the file: its draft when it could be read, else the problems found reading it. */
    record ParsedRow(int line, @Nullable UUID id, @Nullable ReportDraft draft, List<FieldProblem> problems) {}

    /** The rows of a file that could be read as a whole. */
    record ParsedCsv(char delimiter, List<ParsedRow> rows) {}

    /** Reads a file's bytes: UTF-8, with or without a byte-order mark. */
    static ParsedCsv parse(byte[] content) {
        if (content.length > CsvImportService.MAX_BYTES) {
            throw fileProblem("is " + megabytes(content.length) + " MB; a file takes at most "
                    + megabytes(CsvImportService.MAX_BYTES) + " MB. Split it into smaller files (the header row in each)");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw fileProblem("is not UTF-8 text. Save or export it as \"CSV UTF-8\" and try again");
        }
        return parse(text);
    }

    /** Reads a file's text. */
    static ParsedCsv parse(String text) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        var headerLine = firstLine(text);
        if (headerLine.isBlank()) {
            throw fileProblem("is empty. The first line must be the header row naming the columns, e.g. "
                    + String.join(",", REQUIRED_COLUMNS));
        }
        var delimiter = delimiter(headerLine);
        var lines = new LineIndex(text);
        var format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .setTrim(false)
                .get();
        try (var parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                throw fileProblem("has no header row");
            }
            var header = header(records.next());
            var rows = new ArrayList<ParsedRow>();
            while (records.hasNext()) {
                var record = records.next();
                if (isBlank(record)) {
                    continue;
                }
                if (rows.size() == CsvImportService.MAX_ROWS) {
                    throw fileProblem("has more than " + CsvImportService.MAX_ROWS + " rows; a file takes at most "
                            + CsvImportService.MAX_ROWS + ". Split it into smaller files (the header row in each)");
                }
                rows.add(row(header, record, lines.lineOf(record.getCharacterPosition())));
            }
            return new ParsedCsv(delimiter, rows);
        } catch (UncheckedIOException | IOException | IllegalStateException e) {
            throw malformed(e);
        }
    }

    /**
     * The CSV column a service problem concerns, so that a person finds the cell to fix: {@code source.name} is
     * {@code source_name}, {@code observedAt} is {@code observed_at}; {@code details.persons} stays.
     */
    static String column(String field, @Nullable ReportDraft draft) {
        var column = FIELD_TO_COLUMN.get(field);
        if (column != null) {
            return column;
        }
        return switch (field) {
            // "give both lat and lon, or neither": point at the one that is missing
            case "location" -> draft != null && draft.location() != null && draft.location().lat() != null ? "lon" : "lat";
            case "source" -> "source_name";
            default -> field;
        };
    }

    /** A header row and two example rows, one WITHDRAWAL and one PRISONER_EXCHANGE report, for people to copy. */
    static String template() {
        var header = new ArrayList<>(COLUMNS.keySet());
        header.addAll(List.of("details.district", "details.stage", "details.releasedBy", "details.receivedBy",
                "details.prisonersOfWar", "details.civilians", "details.mediator", "details.basis"));
        var withdrawal = List.of("", DEFAULT_AGREEMENT, "6a", "WITHDRAWAL", "2020-11-25T01:00:00+04:00", "",
                "Kalbajar", "Kalbajar", "40.10", "46.04", "Army units entered the district, as the statement provides.",
                "Ministry of Defence", "OFFICIAL", "AZ", "B", "2", "https://example.org/item",
                "Kalbajar", "COMPLETED", "", "", "", "", "", "");
        var exchange = List.of("", DEFAULT_AGREEMENT, "8", "PRISONER_EXCHANGE", "2020-12-14T18:00:00+04:00", "",
                "Border crossing, Qazax/Tavush", "", "", "", "Prisoners were exchanged \"all for all\" at the border, with Russian mediation.",
                "News agency", "MEDIA", "", "C", "3", "",
                "", "", "AZ", "AM", "44", "", "RU", "EVENT");
        var out = new StringBuilder();
        try (var printer = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get().print(out)) {
            printer.printRecord(header);
            printer.printRecord(withdrawal);
            printer.printRecord(exchange);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static ParsedRow row(List<@Nullable Column> header, CSVRecord record, int line) {
        var problems = new ArrayList<FieldProblem>();
        var cells = new TreeMap<String, String>();
        for (int i = 0; i < record.size(); i++) {
            var value = record.get(i).strip();
            var column = i < header.size() ? header.get(i) : null;
            if (column == null) {
                if (!value.isEmpty()) {
                    problems.add(new FieldProblem("column " + (i + 1), i < header.size()
                            ? "holds '" + abbreviate(value) + "' but the column has no name in the header row"
                            : "holds '" + abbreviate(value) + "' but the header row has only " + header.size()
                                    + " columns; a delimiter inside a value needs the value in double quotes"));
                }
                continue;
            }
            if (!value.isEmpty()) {
                cells.put(column.name(), value);
            }
        }
        var named = lastNamed(header) + 1;
        if (record.size() < named) {
            problems.add(new FieldProblem("row", "has " + record.size() + " values but the header row has "
                    + named + " columns; check for a missing delimiter"));
        }
        if (!problems.isEmpty()) {
            return new ParsedRow(line, null, null, problems);
        }
        cells.putIfAbsent("agreement", DEFAULT_AGREEMENT);
        UUID id = null;
        var idText = cells.get("id");
        if (idText == null) {
            id = derivedId(cells);
        } else if (UUID_TEXT.matcher(idText).matches()) {
            id = UUID.fromString(idText);
        } else {
            problems.add(new FieldProblem("id", "'" + abbreviate(idText) + "' is not a UUID like"
                    + " 9f1c2d1e-5b0a-4c1e-9a57-2f4f3f1b0c11; leave the cell empty and the import derives one from the row"));
        }
        var lat = decimal("lat", cells.get("lat"), "a latitude like 40.10", problems);
        var lon = decimal("lon", cells.get("lon"), "a longitude like 46.04", problems);
        Integer credibility = null;
        var credibilityText = cells.get("source_credibility");
        if (credibilityText != null) {
            if (credibilityText.matches("\\d{1,9}")) {
                credibility = Integer.parseInt(credibilityText);
            } else {
                problems.add(new FieldProblem("source_credibility", "'" + abbreviate(credibilityText)
                        + "' is not a whole number; give 1 (confirmed) to 6 (cannot be judged)"));
            }
        }
        var details = JsonNodeFactory.instance.objectNode();
        for (var cell : cells.entrySet()) {
            if (cell.getKey().startsWith(DETAILS_PREFIX)) {
                detail(details, cell.getKey().substring(DETAILS_PREFIX.length()), cell.getValue());
            }
        }
        if (!problems.isEmpty()) {
            return new ParsedRow(line, id, null, problems);
        }
        var obligations = cells.get("obligations") == null ? List.<String>of()
                : Arrays.stream(CODE_SEPARATORS.split(cells.get("obligations"))).filter(s -> !s.isEmpty()).toList();
        var draft = new ReportDraft(id, cells.get("agreement"), obligations, cells.get("area"), cells.get("observed_at"),
                cells.get("observed_until"),
                new ReportDraft.Location(cells.get("location_name"), cells.get("district"), lat, lon),
                cells.get("summary"),
                new ReportDraft.Source(cells.get("source_name"), cells.get("source_kind"), cells.get("source_party"),
                        cells.get("source_reliability"), credibility, cells.get("source_url")),
                details.isEmpty() ? null : details);
        return new ParsedRow(line, id, draft, List.of());
    }

    /** Counts and quantities that look like numbers become JSON numbers; anything else stays text for the rules to judge. */
    private static void detail(ObjectNode details, String name, String value) {
        if (COUNT_DETAILS.contains(name) || QUANTITY_DETAILS.contains(name)) {
            if (WHOLE.matcher(value).matches()) {
                details.put(name, Long.parseLong(value));
                return;
            }
            if (DECIMAL.matcher(value).matches()) {
                details.put(name, Double.parseDouble(value.replace(',', '.')));
                return;
            }
        }
        details.put(name, value);
    }

    private static @Nullable Double decimal(String column, @Nullable String text, String example,
            List<FieldProblem> problems) {
        if (text == null) {
            return null;
        }
        if (!DECIMAL.matcher(text).matches()) {
            problems.add(new FieldProblem(column, "'" + abbreviate(text) + "' is not a number; give " + example));
            return null;
        }
        return Double.parseDouble(text.replace(',', '.'));
    }

    /**
     * A stable id for a row without one: a name-based UUID (version 3) of the row's non-empty cells, by column name,
     * trimmed, with the agreement's default filled in. The same row imported again gets the same id, whatever the
     * column order, delimiter or line number, and so is stored once.
     */
    static UUID derivedId(Map<String, String> cells) {
        var canonical = new StringBuilder(ID_NAMESPACE);
        new TreeMap<>(cells).forEach((name, value) -> {
            if (!"id".equals(name)) {
                canonical.append('\u001E').append(name).append('\u001F').append(value);
            }
        });
        return UUID.nameUUIDFromBytes(canonical.toString().getBytes(StandardCharsets.UTF_8));
    }

    private record Column(String name) {}

    private static List<@Nullable Column> header(CSVRecord record) {
        var columns = new ArrayList<@Nullable Column>();
        var unknown = new ArrayList<String>();
        var seen = new LinkedHashMap<String, Integer>();
        var duplicates = new ArrayList<String>();
        for (int i = 0; i < record.size(); i++) {
            var raw = record.get(i).strip();
            if (i == 0 && !raw.isEmpty() && raw.charAt(0) == '\uFEFF') {
                raw = raw.substring(1).strip();
            }
            if (raw.isEmpty()) {
                columns.add(null); // a nameless column is tolerated as long as it holds nothing
                continue;
            }
            var name = canonicalColumn(raw);
            if (name == null) {
                unknown.add(raw);
                columns.add(null);
                continue;
            }
            if (seen.put(name, i) != null) {
                duplicates.add(raw);
            }
            columns.add(new Column(name));
        }
        var problems = new ArrayList<FieldProblem>();
        if (!unknown.isEmpty()) {
            problems.add(new FieldProblem("header", "unknown column" + (unknown.size() == 1 ? " " : "s ")
                    + unknown.stream().map(u -> "'" + abbreviate(u) + "'").collect(Collectors.joining(", "))
                    + "; the columns are " + String.join(", ", COLUMNS.keySet())
                    + " and details.<field>. Rename or remove " + (unknown.size() == 1 ? "it" : "them")
                    + " (and make sure the first line is the header row)"));
        }
        if (!duplicates.isEmpty()) {
            problems.add(new FieldProblem("header", "column" + (duplicates.size() == 1 ? " " : "s ")
                    + duplicates.stream().map(d -> "'" + abbreviate(d) + "'").collect(Collectors.joining(", "))
                    + " appear" + (duplicates.size() == 1 ? "s" : "") + " more than once"));
        }
        if (unknown.isEmpty()) {
            var missing = REQUIRED_COLUMNS.stream().filter(c -> !seen.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                problems.add(new FieldProblem("header", "the required column" + (missing.size() == 1 ? " " : "s ")
                        + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " missing"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The header row (line 1) is not valid: "
                    + problems.stream().map(FieldProblem::message).collect(Collectors.joining("; ")) + ".", problems);
        }
        return columns;
    }

    /** The canonical name of a header cell, or null when it names no column. Case and surrounding blanks do not count. */
    static @Nullable String canonicalColumn(String header) {
        var lower = header.strip().toLowerCase(Locale.ROOT);
        if (COLUMNS.containsKey(lower)) {
            return lower;
        }
        for (var prefix : List.of("details.", "details/")) {
            if (lower.startsWith(prefix) && lower.length() > prefix.length()) {
                var name = header.strip().substring(prefix.length()).strip();
                if (!name.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
                    return null;
                }
                return DETAILS_PREFIX + KNOWN_DETAILS.getOrDefault(loose(name), name);
            }
        }
        return null;
    }

    private static String loose(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static int lastNamed(List<@Nullable Column> header) {
        for (int i = header.size() - 1; i >= 0; i--) {
            if (header.get(i) != null) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlank(CSVRecord record) {
        for (var value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Comma or semicolon, whichever the header line has more of outside quotes; comma when it has neither. */
    static char delimiter(String headerLine) {
        int commas = 0;
        int semicolons = 0;
        var quoted = false;
        for (var c : headerLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    private static String firstLine(String text) {
        var end = 0;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return text.substring(0, end);
    }

    private static InvalidInputException malformed(Exception e) {
        var message = e.getMessage() == null ? "" : e.getMessage();
        var cause = e.getCause();
        if (cause != null && cause.getMessage() != null) {
            message = cause.getMessage();
        }
        var matcher = CSV_ERROR_LINE.matcher(message);
        var where = matcher.find() ? " at line " + matcher.group(1).replaceAll("[,.]", "") : "";
        var what = message.contains("EOF") ? "a value opened with a double quote is never closed (unbalanced quotes)"
                : message.contains("Invalid character between encapsulated token and delimiter")
                        ? "a quoted value is followed by more text before the next delimiter (a double quote inside a"
                                + " quoted value must be doubled: \"\")"
                        : "it cannot be read as CSV";
        return fileProblem("is not valid CSV" + where + ": " + what);
    }

    /** The file as a whole cannot be imported; nothing is stored. */
    private static InvalidInputException fileProblem(String fragment) {
        return new InvalidInputException("The file " + fragment + ".", List.of(new FieldProblem("file", fragment)));
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0)).replace(".0", "");
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    /** Line numbers of character positions, counting \n, \r\n and a lone \r as one line break each. */
    private static final class LineIndex {

        private final int[] starts;

        LineIndex(String text) {
            var list = new ArrayList<Integer>();
            list.add(0);
            for (int i = 0; i < text.length(); i++) {
                var c = text.charAt(i);
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    continue;
                }
                if (c == '\n' || c == '\r') {
                    list.add(i + 1);
                }
            }
            starts = list.stream().mapToInt(Integer::intValue).toArray();
        }

        int lineOf(long position) {
            var index = Arrays.binarySearch(starts, (int) position);
            return (index >= 0 ? index : -index - 2) + 1;
        }
    }
}
