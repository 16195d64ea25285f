package org.ceasefire.ccm.agreement;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The summary plus everything known about one obligation: its text, quantities, history and deadline ledger. */
public record ObligationDetails(
        @JsonUnwrapped ObligationSummary summary,
        String description,
        String pointTitle,
        List<String> supervisedBy,
        List<Quantity> quantities,
        List<String> measures,
        @Nullable String condition,
        boolean inCatalogue,
        List<StatusDecisionEntry> statusHistory,
        List<DeadlineAmendmentEntry> deadlineAmendments) {

    /** A ceiling or figure the text fixes, such as the contingent's 1,960 servicemen. */
    public record Quantity(String key, String label, BigDecimal limit, String unit) {}
}
