package org.ceasefire.ccm.reporting;

import java.util.List;

/** What a report is about; each area has its own details. */
public enum ReportArea {
    WITHDRAWAL(List.of("2", "4a", "6a", "6b")),
    PEACEKEEPING(List.of("3", "4a", "4b", "5", "6c")),
    CEASEFIRE(List.of("1")),
    PRISONER_EXCHANGE(List.of("8")),
    REFUGEE_RETURN(List.of("7")),
    CORRIDOR_TRAFFIC(List.of("6c", "6e", "9b", "9c")),
    TRANSPORT_LINKS(List.of("9a", "9b", "9c", "9d")),
    OTHER(List.of());

    private final List<String> usualObligations;

    ReportArea(List<String> usualObligations) {
        this.usualObligations = usualObligations;
    }

    /** The obligations of the 10 November statement a report in this area usually concerns, offered first in forms. */
    public List<String> usualObligations() {
        return usualObligations;
    }
}
