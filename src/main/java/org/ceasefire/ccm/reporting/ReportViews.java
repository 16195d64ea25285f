package org.ceasefire.ccm.reporting;

import java.time.Duration;
import org.ceasefire.ccm.base.CcmProperties;
import org.ceasefire.ccm.reporting.domain.MonitorReport;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Turns stored reports into the views every caller sees. */
@Component
class ReportViews {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Duration lateAfter;

    ReportViews(CcmProperties properties) {
        this.lateAfter = properties.lateAfter();
    }

    ReportView view(MonitorReport r) {
        var c = r.content();
        var location = c.locationName() == null && c.district() == null && c.lat() == null ? null
                : new ReportView.Location(c.locationName(), c.district(), c.lat(), c.lon());
        return new ReportView(r.id(), c.agreement(), c.obligations(), c.area(), c.observedAt(), c.observedUntil(), location,
                c.summary(), new ReportView.Source(c.sourceName(), c.sourceKind(), c.sourceParty(), c.reliability(),
                        c.credibility(), c.sourceUrl()),
                JSON.readTree(c.detailsJson()), r.status(), r.submittedBy(), r.receivedAt(), r.updatedAt(),
                Duration.between(c.observedAt(), r.receivedAt()).compareTo(lateAfter) > 0,
                r.reviews().stream().map(v -> new ReportView.Review(v.decision(), v.reason(), v.reviewer(), v.reviewedAt())).toList(),
                r.version());
    }
}
