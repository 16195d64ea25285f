package org.ceasefire.ccm.agreement.catalogue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.ceasefire.ccm.agreement.ObligationKind;
import org.jspecify.annotations.Nullable;

/** An agreement as one catalogue file defines it, with the line of each party reference for error messages. */
record AgreementDefinition(
        String file,
        int line,
        String code,
        String title,
        String shortTitle,
        List<String> aliases,
        @Nullable LocalDate signedOn,
        Instant effectiveAt,
        String effectiveText,
        List<YamlMap.Located<String>> parties,
        List<Signatory> signatories,
        List<TextVariant> textVariants,
        List<String> related,
        List<PointDefinition> points) {

    record Signatory(YamlMap.Located<String> party, String name, String office) {}

    record TextVariant(String name, String note) {}

    record PointDefinition(int number, String title, String text, List<ObligationDefinition> obligations) {}

    record ObligationDefinition(
            int line,
            String code,
            int point,
            String title,
            String description,
            ObligationKind kind,
            List<YamlMap.Located<String>> responsible,
            List<YamlMap.Located<String>> supervisedBy,
            @Nullable Due due,
            @Nullable String whenText,
            List<Quantity> quantities,
            @Nullable Term term,
            @Nullable String condition,
            List<String> measures,
            @Nullable String district) {}

    record Due(String text, Instant at, boolean dayOnly) {}

    record Quantity(String key, String label, BigDecimal limit, String unit) {}

    record Term(int years, int renewalYears, int noticeMonths, Instant startsAt, List<YamlMap.Located<String>> noticeBy) {}
}
