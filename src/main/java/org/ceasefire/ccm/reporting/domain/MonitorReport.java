package org.ceasefire.ccm.reporting.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.ceasefire.ccm.base.AssignedIdEntity;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ceasefire.ccm.base.ConflictException;
import org.ceasefire.ccm.base.ForbiddenException;
import org.ceasefire.ccm.reporting.ReportArea;
import org.ceasefire.ccm.reporting.ReportFact;
import org.ceasefire.ccm.reporting.ReportStateChanged;
import org.ceasefire.ccm.reporting.ReportReviewed;
import org.ceasefire.ccm.reporting.ReportStatus;
import org.ceasefire.ccm.reporting.ReportSubmitted;
import org.ceasefire.ccm.reporting.ReviewDecision;
import org.ceasefire.ccm.reporting.SourceKind;
import org.jspecify.annotations.Nullable;

/**
 * A monitor's report. Its id is chosen by the client and is the idempotency key; its status moves only through
 * {@link #review} and {@link #resubmit}, each checked against the status table and the four-eyes rule.
 */
@Entity
@Table(name = "report")
public class MonitorReport extends AssignedIdEntity<MonitorReport, UUID> {

    @Id
    @Column(name = "id", nullable = false)
    private UUID id;

    @Column(name = "agreement_code", nullable = false, length = 64)
    private String agreement;

    @ElementCollection
    @CollectionTable(name = "report_obligation", joinColumns = @JoinColumn(name = "report_id"))
    @OrderColumn(name = "position")
    @Column(name = "obligation_code", nullable = false, length = 16)
    private List<String> obligations = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "area", nullable = false, length = 24)
    private ReportArea area;

    @Column(name = "observed_at", nullable = false)
    private Instant observedAt;

    @Column(name = "observed_until")
    private @Nullable Instant observedUntil;

    @Column(name = "location_name", length = 200)
    private @Nullable String locationName;

    @Column(name = "district", length = 200)
    private @Nullable String district;

    @Column(name = "lat")
    private @Nullable Double lat;

    @Column(name = "lon")
    private @Nullable Double lon;

    @Column(name = "summary", nullable = false, length = 4000)
    private String summary;

    @Column(name = "source_name", nullable = false, length = 200)
    private String sourceName;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_kind", nullable = false, length = 20)
    private SourceKind sourceKind;

    @Column(name = "source_party", length = 16)
    private @Nullable String sourceParty;

    @Column(name = "reliability", length = 1)
    private @Nullable String reliability;

    @Column(name = "credibility")
    private @Nullable Integer credibility;

    @Column(name = "source_url", length = 2000)
    private @Nullable String sourceUrl;

    @Column(name = "details_json", nullable = false, length = 20000)
    private String detailsJson;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private ReportStatus status;

    @Column(name = "submitted_by", nullable = false, length = 64, updatable = false)
    private String submittedBy;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Fingerprint of the content as first submitted: a retry of that submission is recognised even after edits. */
    @Column(name = "create_hash", nullable = false, length = 64, updatable = false)
    private String createHash;

    @ElementCollection
    @CollectionTable(name = "report_review", joinColumns = @JoinColumn(name = "report_id"))
    @OrderColumn(name = "position")
    private List<ReviewValue> reviews = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;


    protected MonitorReport() {
        this.id = new UUID(0, 0);
        this.agreement = "";
        this.area = ReportArea.OTHER;
        this.observedAt = Instant.EPOCH;
        this.summary = "";
        this.sourceName = "";
        this.sourceKind = SourceKind.OTHER;
        this.detailsJson = "{}";
        this.status = ReportStatus.SUBMITTED;
        this.submittedBy = "";
        this.receivedAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
        this.createHash = "";
    }

    public MonitorReport(UUID id, ReportContent content, String submittedBy, Instant receivedAt) {
        this();
        this.id = id;
        this.submittedBy = submittedBy;
        this.receivedAt = receivedAt;
        this.createHash = content.fingerprint();
        apply(content, receivedAt);
        registerEvent(new ReportSubmitted(id, area, agreement, observedAt));
        registerEvent(new ReportStateChanged(id, null, fact()));
    }

    /**
     * A reviewer's decision. Nobody reviews their own report; only a submitted report can be reviewed; rejecting or
     * returning needs a reason the author can act on.
     */
    public void review(ReviewDecision decision, @Nullable String reason, String reviewer, Instant at) {
        if (reviewer.equals(submittedBy)) {
            throw new ForbiddenException("Nobody reviews their own report: report " + id + " was submitted by you."
                    + " Another supervisor must review it.");
        }
        if (!status.canBecome(decision.result()) || status != ReportStatus.SUBMITTED) {
            throw new ConflictException("Report " + id + " is " + status + " and cannot be reviewed again"
                    + (status == ReportStatus.RETURNED ? " until its author resubmits it." : "."));
        }
        if (decision != ReviewDecision.VERIFY && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("A reason is required to " + decision.name().toLowerCase() + " a report");
        }
        var before = fact();
        reviews.add(new ReviewValue(decision, reason == null || reason.isBlank() ? null : reason.strip(), reviewer, at));
        status = decision.result();
        registerEvent(new ReportStateChanged(id, before, fact()));
        updatedAt = at;
        registerEvent(new ReportReviewed(id, area, decision, at));
    }

    /** The author corrects the report, before review or after it was returned; it goes back into the queue. */
    public void resubmit(ReportContent content, String author, Instant at) {
        if (!author.equals(submittedBy)) {
            throw new ForbiddenException("Only the author of report " + id + " (" + submittedBy + ") may change it.");
        }
        if (!status.editableByAuthor()) {
            throw new ConflictException("Report " + id + " is " + status + " and can no longer be changed;"
                    + " file a new report that refers to it instead.");
        }
        var before = fact();
        apply(content, at);
        status = ReportStatus.SUBMITTED;
        registerEvent(new ReportStateChanged(id, before, fact()));
    }

    private void apply(ReportContent c, Instant at) {
        this.agreement = c.agreement();
        this.obligations.clear();
        this.obligations.addAll(c.obligations());
        this.area = c.area();
        this.observedAt = c.observedAt();
        this.observedUntil = c.observedUntil();
        this.locationName = c.locationName();
        this.district = c.district();
        this.lat = c.lat();
        this.lon = c.lon();
        this.summary = c.summary();
        this.sourceName = c.sourceName();
        this.sourceKind = c.sourceKind();
        this.sourceParty = c.sourceParty();
        this.reliability = c.reliability();
        this.credibility = c.credibility();
        this.sourceUrl = c.sourceUrl();
        this.detailsJson = c.detailsJson();
        this.updatedAt = at;
    }

    /** The content as it stands now, in the same normalised form the validator produces. */
    public ReportContent content() {
        return new ReportContent(agreement, List.copyOf(obligations), area, observedAt, observedUntil, locationName, district,
                lat, lon, summary, sourceName, sourceKind, sourceParty, reliability, credibility, sourceUrl, detailsJson);
    }

    /** The report as figures are computed from it. */
    public ReportFact fact() {
        return new ReportFact(id, agreement, area, status, observedAt, List.copyOf(obligations), locationName, district,
                summary, sourceName, sourceKind, sourceParty, reliability, credibility, detailsJson);
    }

    @Override
    public UUID getId() { return id; }

    public UUID id() { return id; }
    public String agreement() { return agreement; }
    public List<String> obligations() { return List.copyOf(obligations); }
    public ReportArea area() { return area; }
    public Instant observedAt() { return observedAt; }
    public ReportStatus status() { return status; }
    public String submittedBy() { return submittedBy; }
    public Instant receivedAt() { return receivedAt; }
    public Instant updatedAt() { return updatedAt; }
    public String createHash() { return createHash; }
    public List<ReviewValue> reviews() { return List.copyOf(reviews); }
    public long version() { return version; }
}
