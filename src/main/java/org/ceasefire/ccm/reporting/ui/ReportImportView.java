package org.ceasefire.ccm.reporting.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ceasefire.ccm.base.InvalidInputException;
import org.ceasefire.ccm.base.ui.Notifications;
import org.ceasefire.ccm.base.ui.ViewToolbar;
import org.ceasefire.ccm.reporting.CsvImportResult;
import org.ceasefire.ccm.reporting.CsvImportService;
import org.ceasefire.ccm.security.AppRoles;

/**
 * Imports reports from a CSV file, such as a field-survey tool exports: the layout is described on the page with a
 * template to download, and after the import the refused rows are listed by line and column so that the file can be
 * fixed and imported again (rows already stored are not stored twice).
 */
@Route("reports/import")
@Menu(title = "nav.import", order = 12, icon = "vaadin:upload")
@RolesAllowed({AppRoles.MONITOR, AppRoles.SUPERVISOR})
class ReportImportView extends VerticalLayout implements HasDynamicTitle {

    static final String TEMPLATE_FILE = "ccm-reports-template.csv";

    private final CsvImportService imports;

    final Upload upload;
    final Anchor template;
    final Paragraph summary = new Paragraph();
    final Paragraph failure = new Paragraph();
    final Section refusedSection = new Section();
    final Grid<Problem> refusedGrid = new Grid<>();

    /** One thing to fix: the line of the file, the CSV column and what is wrong. */
    record Problem(int line, String column, String message) {}

    ReportImportView(CsvImportService imports) {
        this.imports = imports;
        addClassName("report-import-view");
        setWidthFull();

        var intro = new Paragraph(getTranslation("import.intro"));
        var columns = new Paragraph(getTranslation("import.columns", "id, agreement, obligations, area, observed_at,"
                + " observed_until, location_name, district, lat, lon, summary, source_name, source_kind, source_party,"
                + " source_reliability, source_credibility, source_url, details.<…>",
                "area, observed_at, summary, source_name, source_kind"));
        columns.addClassName("import-columns");
        var limits = new Paragraph(getTranslation("import.limits", CsvImportService.MAX_ROWS,
                CsvImportService.MAX_BYTES / (1024 * 1024)));
        var bytes = CsvImportService.template().getBytes(StandardCharsets.UTF_8);
        template = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(new ByteArrayInputStream(bytes),
                TEMPLATE_FILE, "text/csv;charset=UTF-8", bytes.length)), AttachmentType.DOWNLOAD, getTranslation("import.template"));
        template.addClassName("import-template");

        upload = new Upload(this::receive);
        upload.setMaxFiles(1);
        upload.setMaxFileSize(CsvImportService.MAX_BYTES);
        upload.setAcceptedFileTypes("text/csv", ".csv");
        upload.setI18n(new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("import.upload.button")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("import.upload.drop")))
                .setError(new UploadI18N.Error()
                        .setFileIsTooBig(getTranslation("import.upload.too-big", CsvImportService.MAX_BYTES / (1024 * 1024)))
                        .setIncorrectFileType(getTranslation("import.upload.wrong-type"))
                        .setTooManyFiles(getTranslation("import.upload.one-file"))));
        upload.addFileRejectedListener(e -> Notifications.warn(e.getErrorMessage()));
        // one file at a time: clear the finished one, so that the fixed file can be dropped straight after
        upload.addAllFinishedListener(e -> upload.clearFileList());

        summary.addClassName("import-summary");
        summary.setVisible(false);
        failure.addClassName("import-failure");
        failure.setVisible(false);
        refusedGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        refusedGrid.addColumn(Problem::line).setHeader(getTranslation("import.grid.line")).setWidth("6rem").setFlexGrow(0);
        refusedGrid.addColumn(Problem::column).setHeader(getTranslation("import.grid.column")).setAutoWidth(true).setFlexGrow(0);
        refusedGrid.addColumn(Problem::message).setHeader(getTranslation("import.grid.problem")).setFlexGrow(1);
        refusedGrid.setAllRowsVisible(true);
        refusedGrid.addClassName("import-refused-grid");
        refusedSection.add(new H2(getTranslation("import.refused.title")),
                new Paragraph(getTranslation("import.refused.hint")), refusedGrid);
        refusedSection.addClassName("import-refused");
        refusedSection.setWidthFull();
        refusedSection.setVisible(false);

        add(new ViewToolbar(getTranslation("import.title")), intro, columns, limits, template, upload, summary,
                failure, refusedSection);
    }

    /**
     * Receives the file. The upload request runs without the session lock: the import (up to 10,000 rows) runs here,
     * with the uploader's security context, and only the outcome is shown under the lock.
     */
    private void receive(UploadEvent event) throws IOException {
        byte[] content;
        try (var in = event.getInputStream()) {
            content = in.readNBytes(CsvImportService.MAX_BYTES + 1);
        }
        var ui = event.getUI();
        try {
            var result = imports.importCsv(content);
            ui.access(() -> show(result));
        } catch (InvalidInputException e) {
            ui.access(() -> refuse(e));
        } catch (RuntimeException e) {
            ui.access(() -> {
                throw e; // to MainErrorHandler
            });
        }
    }

    /** Imports a file's content and shows the outcome; what the upload does, callable from UI tests. */
    void importFile(byte[] content) {
        try {
            show(imports.importCsv(content));
        } catch (InvalidInputException e) {
            refuse(e);
        }
    }

    void show(CsvImportResult result) {
        summary.setText(getTranslation("import.summary", result.rows(), result.stored(), result.alreadyStored(),
                result.refused()));
        summary.setVisible(true);
        failure.setVisible(false);
        List<Problem> problems = result.refusedRows().stream()
                .flatMap(r -> r.errors().stream().map(e -> new Problem(r.row(), e.field(), capitalised(e.message()))))
                .toList();
        refusedGrid.setItems(problems);
        refusedSection.setVisible(!problems.isEmpty());
        var done = getTranslation("import.done", result.stored(), result.alreadyStored(), result.refused());
        if (result.refused() == 0) {
            Notifications.success(done);
        } else {
            Notifications.warn(done);
        }
    }

    private void refuse(InvalidInputException e) {
        summary.setText(getTranslation("import.failed"));
        summary.setVisible(true);
        failure.setText(e.getMessage()); // the service's words: what is wrong with the file as a whole
        failure.setVisible(true);
        refusedGrid.setItems(List.of());
        refusedSection.setVisible(false);
        Notifications.warn(getTranslation("import.failed") + " " + e.getMessage());
    }

    private static String capitalised(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("import.title") + " · " + getTranslation("app.name");
    }
}
