package org.ceasefire.ccm.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ceasefire.ccm.audit.AuditEntryView;
import org.ceasefire.ccm.audit.AuditLog;
import org.ceasefire.ccm.audit.AuditVerification;
import org.ceasefire.ccm.base.TimeFormats;
import org.ceasefire.ccm.base.ui.Paging;
import org.ceasefire.ccm.base.ui.ViewToolbar;

/**
 * The audit log, newest first, and a check of its hash chain. Opening a row shows the state before and after the
 * change.
 */
@Route("admin/audit")
@Menu(title = "nav.audit", order = 91, icon = "vaadin:clipboard-check")
// "ADMIN" is AppRoles.ADMIN: the security module records logins here, so this module cannot depend on it
@RolesAllowed("ADMIN")
class AuditView extends VerticalLayout implements HasDynamicTitle {

    private final AuditLog audit;
    private final TimeFormats times;
    final Grid<AuditEntryView> grid = new Grid<>();
    final Button verify = new Button();
    final Div result = new Div();

    AuditView(AuditLog audit, TimeFormats times) {
        this.audit = audit;
        this.times = times;
        addClassName("audit-view");
        setSizeFull();
        verify.setText(getTranslation("audit.verify"));
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verify.setDisableOnClick(true);
        verify.addClickListener(e -> {
            try {
                verify();
            } finally {
                verify.setEnabled(true);
            }
        });
        result.addClassName("audit-result");
        result.setVisible(false);

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addClassName("audit-grid");
        grid.addColumn(AuditEntryView::seq).setHeader(getTranslation("audit.seq")).setWidth("6rem").setFlexGrow(0);
        grid.addColumn(e -> times.dateTimeSeconds(e.recordedAt(), getLocale())).setHeader(getTranslation("audit.time"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntryView::actor).setHeader(getTranslation("audit.actor")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntryView::action).setHeader(getTranslation("audit.action")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.objectType() + " " + e.objectId()).setHeader(getTranslation("audit.object")).setFlexGrow(1);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::changes));
        grid.setItems(q -> Paging.fetch(q.getOffset(), q.getLimit(), audit::latest));
        grid.setEmptyStateText(getTranslation("audit.empty"));
        grid.setSizeFull();

        add(new ViewToolbar(getTranslation("nav.audit"), verify), result, grid);
        setFlexGrow(1, grid);
    }

    void verify() {
        show(audit.verify());
    }

    private void show(AuditVerification v) {
        result.removeAll();
        result.removeClassNames("audit-intact", "audit-broken");
        var checked = times.dateTime(v.checkedAt(), getLocale());
        if (v.intact()) {
            result.addClassName("audit-intact");
            result.add(new Span(getTranslation("audit.intact", v.entries(), checked)));
        } else {
            result.addClassName("audit-broken");
            var headline = new Span(getTranslation("audit.broken", v.firstBadSeq() == null ? "?" : String.valueOf(v.firstBadSeq())));
            headline.addClassName("audit-headline");
            var problem = new Span(v.problem() == null ? "" : v.problem());
            var detail = new Span(getTranslation("audit.broken.detail", v.entries(), checked));
            result.add(headline, problem, detail);
        }
        result.setVisible(true);
    }

    private Div changes(AuditEntryView e) {
        var box = new Div();
        box.addClassName("audit-changes");
        box.add(part("audit.before", e.before()), part("audit.after", e.after()));
        var hash = new Span(getTranslation("audit.hash", e.hash()));
        hash.addClassName("audit-hash");
        box.add(hash);
        return box;
    }

    private Div part(String key, @org.jspecify.annotations.Nullable String json) {
        var title = new Span(getTranslation(key));
        title.addClassName("audit-part-title");
        var text = new Pre(json == null ? "—" : json);
        text.addClassName("audit-json");
        var part = new Div(title, text);
        part.addClassName("audit-part");
        return part;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.audit") + " · " + getTranslation("app.name");
    }
}
