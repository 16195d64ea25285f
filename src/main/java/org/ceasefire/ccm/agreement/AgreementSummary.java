package org.ceasefire.ccm.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An agreement in the catalogue, as the API lists it. */
public record AgreementSummary(
        String code,
        String title,
        String shortTitle,
        List<String> aliases,
        @Nullable LocalDate signedOn,
        Instant effectiveAt,
        String effectiveText,
        List<String> parties) {}
