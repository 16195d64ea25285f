package org.ceasefire.ccm.agreement;

import java.util.List;

/** An agreement with its points, signatories and the text variants worth knowing about. */
public record AgreementDetails(
        AgreementSummary agreement,
        List<Signatory> signatories,
        List<TextVariant> textVariants,
        List<String> related,
        List<Point> points) {

    public record Signatory(String party, String name, String office) {}

    public record TextVariant(String name, String note) {}

    public record Point(int number, String title, String text) {}
}
