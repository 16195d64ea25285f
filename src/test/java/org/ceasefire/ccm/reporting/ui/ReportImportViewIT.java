package org.ceasefire.ccm.reporting.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.ceasefire.ccm.CcmIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithMockUser;

/** The CSV import page as a monitor uses it, rendered without a browser. */
@CcmIntegrationTest
class ReportImportViewIT extends SpringBrowserlessTest {

    static String file(String token) {
        return "area,observed_at,summary,source_name,source_kind,details.persons,details.direction,details.basis\n"
                + "OTHER,2020-12-03T00:00:00+04:00,Seen from the road " + token + ",Own team,OWN_OBSERVATION,,,\n"
                + "REFUGEE_RETURN,2020-12-03T00:00:00+04:00,Returnees " + token + ",Own team,OWN_OBSERVATION,-4,RETURN,EVENT\n";
    }

    @Test
    @WithMockUser(username = "monitor-csv-ui", roles = "MONITOR")
    void an_uploaded_file_is_imported_and_the_refused_rows_are_listed_by_line_and_column() {
        var view = navigate(ReportImportView.class);
        assertThat(view.template.getHref()).isNotBlank();
        assertThat(view.refusedSection.isVisible()).isFalse();

        test(view.upload).upload("reports.csv", "text/csv", file(UUID.randomUUID().toString()).getBytes(StandardCharsets.UTF_8));
        roundTrip();

        assertThat(view.summary.isVisible()).isTrue();
        assertThat(view.refusedSection.isVisible()).isTrue();
        assertThat(view.refusedGrid.getGenericDataView().getItems().toList())
                .containsExactly(new ReportImportView.Problem(3, "details.persons",
                        view.refusedGrid.getGenericDataView().getItem(0).message()));
        assertThat(view.refusedGrid.getGenericDataView().getItem(0).message()).startsWith("Must be a whole number");
    }

    @Test
    @WithMockUser(username = "monitor-csv-ui", roles = "MONITOR")
    void a_file_refused_whole_says_why_and_lists_no_rows() {
        var view = navigate(ReportImportView.class);

        view.importFile("colour\nred\n".getBytes(StandardCharsets.UTF_8));

        assertThat(view.failure.isVisible()).isTrue();
        assertThat(view.failure.getText()).contains("'colour'");
        assertThat(view.refusedSection.isVisible()).isFalse();
    }
}
