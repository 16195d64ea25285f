package org.ceasefire.ccm.agreement.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.ceasefire.ccm.agreement.DeadlineAmended;
import org.ceasefire.ccm.agreement.ObligationKind;
import org.ceasefire.ccm.agreement.ObligationStatus;
import org.ceasefire.ccm.agreement.ObligationStatusDecided;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * One trackable obligation. Its definition comes from the catalogue; its status changes only through
 * {@link #decide} and its deadline only through {@link #amendDeadline}, each appending to a history that is never
 * edited. The current status is the decision with the latest {@code effectiveAt} (ties: the latest recorded).
 */
@Entity
@Table(name = "obligation")
public class Obligation extends AbstractAggregateRoot<Obligation> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agreement_id", nullable = false)
    private Agreement agreement;

    @Column(name = "code", nullable = false, length = 16)
    private String code;

    @Column(name = "point_number", nullable = false)
    private int point;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "title", nullable = false, length = 300)
    private String title;

    @Column(name = "description", nullable = false, length = 4000)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private ObligationKind kind;

    @Column(name = "due_text", length = 300)
    private @Nullable String dueText;

    @Column(name = "original_due_at")
    private @Nullable Instant originalDueAt;

    @Column(name = "due_is_day", nullable = false)
    private boolean dueIsDay;

    @Column(name = "when_text", length = 300)
    private @Nullable String whenText;

    @Column(name = "condition_text", length = 2000)
    private @Nullable String condition;

    /** The district a handover obligation returns, so that reports naming the district count for it. */
    @Column(name = "district", length = 200)
    private @Nullable String district;

    @Column(name = "term_starts_at")
    private @Nullable Instant termStartsAt;

    @Column(name = "term_years")
    private @Nullable Integer termYears;

    @Column(name = "term_renewal_years")
    private @Nullable Integer termRenewalYears;

    @Column(name = "term_notice_months")
    private @Nullable Integer termNoticeMonths;

    @Column(name = "in_catalogue", nullable = false)
    private boolean inCatalogue;

    @Column(name = "definition_hash", nullable = false, length = 64)
    private String definitionHash;

    @ElementCollection
    @CollectionTable(name = "obligation_party", joinColumns = @JoinColumn(name = "obligation_id"))
    @OrderColumn(name = "position")
    private List<PartyRole> parties = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "obligation_quantity", joinColumns = @JoinColumn(name = "obligation_id"))
    @OrderColumn(name = "position")
    private List<QuantityValue> quantities = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "obligation_measure", joinColumns = @JoinColumn(name = "obligation_id"))
    @OrderColumn(name = "position")
    @Column(name = "measure", nullable = false, length = 200)
    private List<String> measures = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "current_status", nullable = false, length = 24)
    private ObligationStatus currentStatus = ObligationStatus.NOT_STARTED;

    @Column(name = "current_level", nullable = false)
    private int currentLevel;

    @Column(name = "current_effective_at")
    private @Nullable Instant currentEffectiveAt;

    @Column(name = "current_due_at")
    private @Nullable Instant currentDueAt;

    @OneToMany(mappedBy = "obligation")
    @OrderBy("position")
    private List<StatusDecision> decisions = new ArrayList<>();

    @OneToMany(mappedBy = "obligation")
    @OrderBy("position")
    private List<DeadlineAmendment> amendments = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Obligation() {
        this.agreement = new Agreement();
        this.code = "";
        this.title = "";
        this.description = "";
        this.kind = ObligationKind.STANDING;
        this.definitionHash = "";
    }

    public Obligation(Agreement agreement, String code) {
        this();
        this.agreement = agreement;
        this.code = code;
        this.inCatalogue = true;
    }

    /**
     * Replaces the definition with the catalogue's. History and amendments stay: the deadline in force is still the
     * latest amendment's, or the new original deadline if none was amended.
     */
    public void define(Definition d) {
        if (d.kind() == ObligationKind.DEADLINE && d.originalDueAt() == null) {
            throw new IllegalArgumentException("A DEADLINE obligation needs a due instant");
        }
        this.point = d.point();
        this.sortOrder = d.sortOrder();
        this.title = d.title();
        this.description = d.description();
        this.kind = d.kind();
        this.dueText = d.dueText();
        this.originalDueAt = d.originalDueAt();
        this.dueIsDay = d.dueIsDay();
        this.whenText = d.whenText();
        this.condition = d.condition();
        this.termStartsAt = d.termStartsAt();
        this.termYears = d.termYears();
        this.termRenewalYears = d.termRenewalYears();
        this.termNoticeMonths = d.termNoticeMonths();
        this.parties.clear();
        this.parties.addAll(d.parties());
        this.quantities.clear();
        this.quantities.addAll(d.quantities());
        this.measures.clear();
        this.measures.addAll(d.measures());
        this.district = d.district();
        this.definitionHash = d.hash();
        this.inCatalogue = true;
        this.currentDueAt = amendments.isEmpty() ? originalDueAt : latestAmendment().newDueAt();
    }

    /** The catalogue no longer lists this obligation; it is kept with its history but marked as such. */
    public void retire() {
        this.inCatalogue = false;
    }

    /**
     * Records a supervisor's judgement. Any status may follow any other; the rules are those of a judgement: a
     * written justification, a level in 0-3 that agrees with the status, and a state that began no later than now.
     */
    public StatusDecision decide(UUID id, ObligationStatus status, @Nullable Integer level, String justification,
            List<UUID> evidence, Instant effectiveAt, String decidedBy, Instant decidedAt, String requestHash) {
        var resolvedLevel = level != null ? level : status.impliedLevel().orElse(currentLevel);
        var decision = new StatusDecision(id, this, decisions.size(), status, resolvedLevel, justification, evidence,
                decidedBy, decidedAt, effectiveAt, requestHash);
        decisions.add(decision);
        recomputeCurrentStatus();
        registerEvent(new ObligationStatusDecided(agreement.code(), code, id, status, resolvedLevel, effectiveAt, decidedAt));
        return decision;
    }

    /** Records an agreed change of deadline. Only obligations with a deadline have one to change. */
    public DeadlineAmendment amendDeadline(UUID id, Instant newDueAt, String requestedBy, List<String> agreedBy,
            @Nullable String mediatedBy, Instant decidedAt, String source, @Nullable String note, String recordedBy,
            Instant recordedAt, String requestHash) {
        if (kind != ObligationKind.DEADLINE || currentDueAt == null) {
            throw new IllegalStateException("Obligation " + code + " is " + kind + " and has no deadline to amend");
        }
        var amendment = new DeadlineAmendment(id, this, amendments.size(), currentDueAt, newDueAt, requestedBy, agreedBy,
                mediatedBy, decidedAt, source, note, recordedBy, recordedAt, requestHash);
        amendments.add(amendment);
        this.currentDueAt = latestAmendment().newDueAt();
        registerEvent(new DeadlineAmended(agreement.code(), code, id, amendment.previousDueAt(), newDueAt));
        return amendment;
    }

    private DeadlineAmendment latestAmendment() {
        return amendments.stream()
                .max(Comparator.comparing(DeadlineAmendment::decidedAt).thenComparing(DeadlineAmendment::position))
                .orElseThrow();
    }

    private void recomputeCurrentStatus() {
        var current = decisions.stream()
                .max(Comparator.comparing(StatusDecision::effectiveAt).thenComparing(StatusDecision::position))
                .orElseThrow();
        this.currentStatus = current.status();
        this.currentLevel = current.implementationLevel();
        this.currentEffectiveAt = current.effectiveAt();
    }

    /** When the obligation was met: the {@code effectiveAt} of the current decision if it is FULFILLED. */
    public @Nullable Instant completedAt() {
        return currentStatus == ObligationStatus.FULFILLED ? currentEffectiveAt : null;
    }

    public List<String> partiesIn(String role) {
        return parties.stream().filter(p -> p.role().equals(role)).map(PartyRole::party).toList();
    }

    public @Nullable Long id() { return id; }
    public Agreement agreement() { return agreement; }
    public String code() { return code; }
    public int point() { return point; }
    public int sortOrder() { return sortOrder; }
    public String title() { return title; }
    public String description() { return description; }
    public ObligationKind kind() { return kind; }
    public @Nullable String dueText() { return dueText; }
    public @Nullable Instant originalDueAt() { return originalDueAt; }
    public boolean dueIsDay() { return dueIsDay; }
    public @Nullable String whenText() { return whenText; }
    public @Nullable String condition() { return condition; }
    public @Nullable String district() { return district; }
    public @Nullable Instant termStartsAt() { return termStartsAt; }
    public @Nullable Integer termYears() { return termYears; }
    public @Nullable Integer termRenewalYears() { return termRenewalYears; }
    public @Nullable Integer termNoticeMonths() { return termNoticeMonths; }
    public boolean inCatalogue() { return inCatalogue; }
    public String definitionHash() { return definitionHash; }
    public List<QuantityValue> quantities() { return List.copyOf(quantities); }
    public List<String> measures() { return List.copyOf(measures); }
    public ObligationStatus currentStatus() { return currentStatus; }
    public int currentLevel() { return currentLevel; }
    public @Nullable Instant currentEffectiveAt() { return currentEffectiveAt; }
    public @Nullable Instant currentDueAt() { return currentDueAt; }
    public List<StatusDecision> decisions() { return List.copyOf(decisions); }
    public List<DeadlineAmendment> amendments() { return List.copyOf(amendments); }
    public long version() { return version; }

    /** The catalogue's definition of an obligation, with a hash that tells whether it changed. */
    public record Definition(int point, int sortOrder, String title, String description, ObligationKind kind,
            @Nullable String dueText, @Nullable Instant originalDueAt, boolean dueIsDay, @Nullable String whenText,
            @Nullable String condition, @Nullable Instant termStartsAt, @Nullable Integer termYears,
            @Nullable Integer termRenewalYears, @Nullable Integer termNoticeMonths, List<PartyRole> parties,
            List<QuantityValue> quantities, List<String> measures, @Nullable String district, String hash) {}

    @Embeddable
    public record PartyRole(
            @Column(name = "party_code", nullable = false, length = 16) String party,
            @Column(name = "role", nullable = false, length = 16) String role) {

        public static final String RESPONSIBLE = "RESPONSIBLE";
        public static final String SUPERVISES = "SUPERVISES";
        public static final String MAY_GIVE_NOTICE = "MAY_GIVE_NOTICE";
    }

    @Embeddable
    public record QuantityValue(
            @Column(name = "quantity_key", nullable = false, length = 64) String key,
            @Column(name = "label", nullable = false, length = 200) String label,
            @Column(name = "limit_value", nullable = false, precision = 14, scale = 3) BigDecimal limit,
            @Column(name = "unit", nullable = false, length = 40) String unit) {}
}
