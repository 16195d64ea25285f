package org.ceasefire.ccm.agreement.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An agreement as the catalogue defines it. Its definition is replaced wholesale when its file changes. */
@Entity
@Table(name = "agreement")
public class Agreement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "code", nullable = false, unique = true, length = 64)
    private String code;

    @Column(name = "title", nullable = false, length = 500)
    private String title;

    @Column(name = "short_title", nullable = false, length = 200)
    private String shortTitle;

    @Column(name = "signed_on")
    private @Nullable LocalDate signedOn;

    @Column(name = "effective_at", nullable = false)
    private Instant effectiveAt;

    @Column(name = "effective_text", nullable = false, length = 500)
    private String effectiveText;

    @Column(name = "source_file", nullable = false, length = 500)
    private String sourceFile;

    @Column(name = "definition_hash", nullable = false, length = 64)
    private String definitionHash;

    @Column(name = "loaded_at", nullable = false)
    private Instant loadedAt;

    @ElementCollection
    @CollectionTable(name = "agreement_alias", joinColumns = @JoinColumn(name = "agreement_id"))
    @OrderColumn(name = "position")
    @Column(name = "alias", nullable = false, length = 200)
    private List<String> aliases = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "agreement_party", joinColumns = @JoinColumn(name = "agreement_id"))
    @OrderColumn(name = "position")
    @Column(name = "party_code", nullable = false, length = 16)
    private List<String> parties = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "agreement_signatory", joinColumns = @JoinColumn(name = "agreement_id"))
    @OrderColumn(name = "position")
    private List<SignatoryValue> signatories = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "agreement_text_variant", joinColumns = @JoinColumn(name = "agreement_id"))
    @OrderColumn(name = "position")
    private List<TextVariantValue> textVariants = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "agreement_related", joinColumns = @JoinColumn(name = "agreement_id"))
    @OrderColumn(name = "position")
    @Column(name = "related_code", nullable = false, length = 64)
    private List<String> related = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "agreement_point", joinColumns = @JoinColumn(name = "agreement_id"))
    @OrderColumn(name = "position")
    private List<PointValue> points = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Agreement() {
        this.code = "";
        this.title = "";
        this.shortTitle = "";
        this.effectiveAt = Instant.EPOCH;
        this.effectiveText = "";
        this.sourceFile = "";
        this.definitionHash = "";
        this.loadedAt = Instant.EPOCH;
    }

    public Agreement(String code) {
        this();
        this.code = code;
    }

    /** Replaces the definition with the one from the catalogue file. */
    public void define(String title, String shortTitle, @Nullable LocalDate signedOn, Instant effectiveAt, String effectiveText,
            List<String> aliases, List<String> parties, List<SignatoryValue> signatories, List<TextVariantValue> textVariants,
            List<String> related, List<PointValue> points, String sourceFile, String definitionHash, Instant loadedAt) {
        this.title = title;
        this.shortTitle = shortTitle;
        this.signedOn = signedOn;
        this.effectiveAt = effectiveAt;
        this.effectiveText = effectiveText;
        replace(this.aliases, aliases);
        replace(this.parties, parties);
        replace(this.signatories, signatories);
        replace(this.textVariants, textVariants);
        replace(this.related, related);
        replace(this.points, points);
        this.sourceFile = sourceFile;
        this.definitionHash = definitionHash;
        this.loadedAt = loadedAt;
    }

    private static <T> void replace(List<T> target, List<T> source) {
        target.clear();
        target.addAll(source);
    }

    public @Nullable Long id() { return id; }
    public String code() { return code; }
    public String title() { return title; }
    public String shortTitle() { return shortTitle; }
    public @Nullable LocalDate signedOn() { return signedOn; }
    public Instant effectiveAt() { return effectiveAt; }
    public String effectiveText() { return effectiveText; }
    public String definitionHash() { return definitionHash; }
    public List<String> aliases() { return List.copyOf(aliases); }
    public List<String> parties() { return List.copyOf(parties); }
    public List<SignatoryValue> signatories() { return List.copyOf(signatories); }
    public List<TextVariantValue> textVariants() { return List.copyOf(textVariants); }
    public List<String> related() { return List.copyOf(related); }
    public List<PointValue> points() { return List.copyOf(points); }

    @Embeddable
    public record SignatoryValue(
            @Column(name = "party_code", nullable = false, length = 16) String party,
            @Column(name = "name", nullable = false, length = 200) String name,
            @Column(name = "office", nullable = false, length = 300) String office) {}

    @Embeddable
    public record TextVariantValue(
            @Column(name = "name", nullable = false, length = 200) String name,
            @Column(name = "note", nullable = false, length = 4000) String note) {}

    @Embeddable
    public record PointValue(
            @Column(name = "number", nullable = false) int number,
            @Column(name = "title", nullable = false, length = 200) String title,
            @Column(name = "text", nullable = false, length = 4000) String text) {}
}
