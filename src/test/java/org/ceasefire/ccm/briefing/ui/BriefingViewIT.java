package org.ceasefire.ccm.briefing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.VaadinSession;
import org.ceasefire.ccm.CcmIntegrationTest;
import org.ceasefire.ccm.briefing.IsoWeek;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithMockUser;

/** The briefing view as a briefer uses it: the chosen week is composed in the background and shown. */
@CcmIntegrationTest
class BriefingViewIT extends SpringBrowserlessTest {

    @Test
    @WithMockUser(username = "briefer", roles = "BRIEFER")
    void a_chosen_week_is_composed_off_the_ui_thread_and_shown_with_its_four_downloads() throws Exception {
        var view = navigate(BriefingView.class);
        view.shown = null;

        test(view.week).selectItem(view.week.getItemLabelGenerator().apply(IsoWeek.parse("2020-W51")));
        assertThat(view.progress.isVisible()).as("a progress bar while composing").isTrue();
        for (int i = 0; i < 100 && (view.shown == null || !view.shown.week().equals("2020-W51")); i++) {
            Thread.sleep(50);
            // what the server does for a push connection: run what the worker thread queued for this UI
            VaadinSession.getCurrent().getService().runPendingAccessTasks(VaadinSession.getCurrent());
        }

        assertThat(view.shown).as("composed within 5 s").isNotNull();
        assertThat(view.shown.week()).isEqualTo("2020-W51");
        assertThat(view.shown.summary().getFirst()).contains("2020-W51", "UTC+04:00");
        assertThat(view.progress.isVisible()).isFalse();
        assertThat(find(Anchor.class, view.downloads).all()).hasSize(4);
        assertThat(find(com.vaadin.flow.component.html.H3.class, view.content).all().stream().map(h -> h.getText()))
                .as("the page shows what the PDF holds").contains("Summary", "Status changes this week", "Charts of the week",
                        "Per point of the agreement, at the cut-off", "Notable verified reports of the week",
                        "Annex: conflicting claims");
        assertThat(find(com.vaadin.flow.component.html.Image.class, view.content).all())
                .as("a picture per chart with something to draw")
                .hasSize((int) view.shown.charts().stream().filter(c -> !c.empty()).count());
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.ceasefire.ccm.briefing.BriefingArchive archive;

    @Test
    @WithMockUser(username = "briefer", roles = "BRIEFER")
    void archived_weeks_are_listed_with_their_files() {
        archive.archive("nk-2020-11-10", IsoWeek.parse("2021-W03"));

        var view = navigate(BriefingView.class);

        assertThat(view.archived.getGenericDataView().getItems().map(a -> a.week()).toList()).contains("2021-W03");
    }

    @Test
    @WithMockUser(username = "briefer", roles = "BRIEFER")
    void by_default_the_last_complete_week_is_chosen() {
        var view = navigate(BriefingView.class);

        var thisWeek = IsoWeek.of(java.time.LocalDate.now(java.time.ZoneOffset.ofHours(4)));
        assertThat(view.week.getValue()).isEqualTo(thisWeek.previous());
    }
}
