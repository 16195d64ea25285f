package org.ceasefire.ccm.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ceasefire.ccm.base.FieldProblem;
import org.ceasefire.ccm.base.InvalidInputException;
import org.ceasefire.ccm.base.web.ApiProblems;
import org.ceasefire.ccm.reporting.CsvImportResult;
import org.ceasefire.ccm.reporting.CsvImportService;
import org.ceasefire.ccm.security.AppRoles;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * CSV import of reports over HTTP ({@code docs/csv-import.md}). The body is read inside the method, so the role is
 * checked before a byte of it is read (multipart bodies are resolved lazily for the same reason).
 */
@RestController
@RequestMapping("/api/v1/reports/import")
@Tag(name = "Reports", description = "Monitors' observations and their review")
class ReportImportController {

    private static final List<MediaType> CSV_TYPES = List.of(MediaType.parseMediaType("text/csv"),
            MediaType.parseMediaType("application/csv"), MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM);

    private final CsvImportService imports;

    ReportImportController(CsvImportService imports) {
        this.imports = imports;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('" + AppRoles.MONITOR + "', '" + AppRoles.SUPERVISOR + "')")
    @Operation(summary = "Import reports from CSV (MONITOR)",
            description = "The body is the CSV (text/csv, UTF-8), or a multipart form with the CSV in the field 'file'."
                    + " Each row is stored or refused on its own and answered with its line number, the report id,"
                    + " the status it alone would have got (201 stored, 200 already stored, 409, 400) and its errors"
                    + " by CSV column. A file that cannot be read as a whole (over 10 MB or 10,000 rows, not UTF-8,"
                    + " unbalanced quotes, unknown columns) is a 400 and nothing is stored. Layout: docs/csv-import.md.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                    @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                            schema = @Schema(type = "object", requiredProperties = "file"))}))
    CsvImportResult importCsv(HttpServletRequest request) throws IOException {
        return imports.importCsv(read(request));
    }

    @GetMapping(value = "/template", produces = "text/csv")
    @Operation(summary = "A CSV template: the header row and two example rows")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ccm-reports-template.csv\"")
                .body(CsvImportService.template().getBytes(StandardCharsets.UTF_8));
    }

    /** Reads at most one byte more than the limit: enough for the service to refuse a file that is too big. */
    private static byte[] read(HttpServletRequest request) throws IOException {
        var type = mediaType(request.getContentType());
        if (type != null && MediaType.MULTIPART_FORM_DATA.includes(type)) {
            var multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
            if (multipart == null) {
                throw new InvalidInputException("The multipart body could not be read; send the CSV in a form field named file.",
                        List.of(new FieldProblem("file", "could not be read from the multipart body")));
            }
            MultipartFile file;
            try {
                file = multipart.getFile("file");
            } catch (MaxUploadSizeExceededException e) {
                throw tooBig();
            } catch (MultipartException e) {
                throw new InvalidInputException("The multipart body could not be read; send the CSV in a form field named file.",
                        List.of(new FieldProblem("file", "could not be read from the multipart body")));
            }
            if (file == null) {
                throw new InvalidInputException("The file is missing: send the CSV in a multipart form field named file.",
                        List.of(new FieldProblem("file", "is missing: send the CSV in a multipart form field named file")));
            }
            try (InputStream in = file.getInputStream()) {
                return in.readNBytes(CsvImportService.MAX_BYTES + 1);
            }
        }
        if (type != null && CSV_TYPES.stream().noneMatch(t -> t.includes(type))) {
            throw new UnsupportedCsvType();
        }
        try (InputStream in = request.getInputStream()) {
            return in.readNBytes(CsvImportService.MAX_BYTES + 1);
        }
    }

    private static @Nullable MediaType mediaType(@Nullable String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        try {
            return MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw new UnsupportedCsvType();
        }
    }

    private static InvalidInputException tooBig() {
        var fragment = "is larger than 10 MB, the most a file may have. Split it into smaller files (the header row in each)";
        return new InvalidInputException("The file " + fragment + ".", List.of(new FieldProblem("file", fragment)));
    }

    @ExceptionHandler(UnsupportedCsvType.class)
    ResponseEntity<ProblemDetail> unsupported() {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ApiProblems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                        "Send the CSV as the body with Content-Type text/csv, or as a multipart/form-data field named file."));
    }

    private static final class UnsupportedCsvType extends RuntimeException {
        UnsupportedCsvType() {
            super("unsupported media type for a CSV import");
        }
    }
}
