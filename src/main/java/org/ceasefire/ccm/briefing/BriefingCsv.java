package org.ceasefire.ccm.briefing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.ceasefire.ccm.base.CcmProperties;
import org.ceasefire.ccm.reporting.ReportFacts;
import org.ceasefire.ccm.reporting.ReportStatus;
import org.ceasefire.ccm.security.AppRoles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * The week's reports as CSV, one row per report, written while they are read: memory stays constant however many
 * there are. Every status is listed with its status, so that a reader can check what the briefing left out.
 */
@Component
public class BriefingCsv {

    static final List<String> HEADER = List.of("id", "observed_at", "local_day", "area", "status", "obligations",
            "source_name", "source_kind", "source_party", "grade", "location", "district", "summary", "details");

    private final ReportFacts facts;
    private final ZoneId zone;

    BriefingCsv(ReportFacts facts, CcmProperties properties) {
        this.facts = facts;
        this.zone = properties.zone();
    }

    @PreAuthorize("hasRole('" + AppRoles.BRIEFER + "')")
    public void write(String agreement, IsoWeek week, OutputStream out) {
        try {
            var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            var csv = CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get().print(writer);
            facts.forEachObserved(agreement, week.start(zone), week.cutOff(zone), List.of(ReportStatus.values()), f -> {
                try {
                    csv.printRecord(f.id(), f.observedAt(), LocalDate.ofInstant(f.observedAt(), zone), f.area(), f.status(),
                            String.join(" ", f.obligations()), f.sourceName(), f.sourceKind(),
                            f.sourceParty() == null ? "" : f.sourceParty(), f.grade(),
                            f.locationName() == null ? "" : f.locationName(), f.district() == null ? "" : f.district(),
                            f.summary(), f.detailsJson());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
