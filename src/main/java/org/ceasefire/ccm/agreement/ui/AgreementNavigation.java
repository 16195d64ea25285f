package org.ceasefire.ccm.agreement.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;

/** Typed navigation to the agreement views, for other features to link to. */
public final class AgreementNavigation {

    private AgreementNavigation() {}

    public static void toAgreement(String agreement) {
        UI.getCurrent().navigate(AgreementView.class, new RouteParameters("agreement", agreement));
    }

    public static void toObligation(String agreement, String code) {
        UI.getCurrent().navigate(ObligationView.class, new RouteParameters(
                java.util.Map.of("agreement", agreement, "code", code)));
    }
}
