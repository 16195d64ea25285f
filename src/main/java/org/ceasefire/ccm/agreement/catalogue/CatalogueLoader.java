package org.ceasefire.ccm.agreement.catalogue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ceasefire.ccm.agreement.catalogue.AgreementDefinition.ObligationDefinition;
import org.ceasefire.ccm.agreement.domain.Agreement;
import org.ceasefire.ccm.agreement.domain.AgreementRepository;
import org.ceasefire.ccm.agreement.domain.Obligation;
import org.ceasefire.ccm.agreement.domain.Obligation.PartyRole;
import org.ceasefire.ccm.agreement.domain.Obligation.QuantityValue;
import org.ceasefire.ccm.agreement.domain.ObligationRepository;
import org.ceasefire.ccm.agreement.domain.PartyRepository;
import org.ceasefire.ccm.base.CcmProperties;
import static org.ceasefire.ccm.base.Hashes.sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads every agreement file in the catalogue folder at start-up. Loading is idempotent: an unchanged file stores
 * nothing, an edited one updates definitions, and status history and amendments are never touched. A malformed file
 * stops start-up with its name, line and problem.
 */
@Component
@Order(0)
public class CatalogueLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogueLoader.class);

    private final AgreementRepository agreements;
    private final ObligationRepository obligations;
    private final PartyRepository parties;
    private final TransactionTemplate transactions;
    private final CcmProperties properties;
    private final Clock clock;

    CatalogueLoader(AgreementRepository agreements, ObligationRepository obligations, PartyRepository parties,
            TransactionTemplate transactions, CcmProperties properties, Clock clock) {
        this.agreements = agreements;
        this.obligations = obligations;
        this.parties = parties;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        load(properties.catalogue());
    }

    /** Loads all files of a folder; returns how many agreements were created or changed. */
    public int load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("The agreement catalogue folder " + folder.toAbsolutePath()
                    + " does not exist. Start the application from the project folder, or set ccm.catalogue to the folder"
                    + " that holds the agreement files.");
        }
        var reader = new CatalogueReader(properties.zone());
        var definitions = new ArrayList<LoadedFile>();
        for (var file : files(folder)) {
            try {
                var content = Files.readString(file, StandardCharsets.UTF_8);
                definitions.add(new LoadedFile(reader.read(file.toString(), content), sha256(content + "\n#zone=" + properties.zone())));
            } catch (IOException e) {
                throw new CatalogueException(file.toString(), 0, "cannot be read: " + e.getMessage());
            }
        }
        var codes = new HashMap<String, String>();
        for (var loaded : definitions) {
            var previous = codes.put(loaded.definition().code(), loaded.definition().file());
            if (previous != null) {
                throw new CatalogueException(loaded.definition().file(), loaded.definition().line(),
                        "agreement code '" + loaded.definition().code() + "' is already used by " + previous);
            }
        }
        var changed = 0;
        for (var loaded : definitions) {
            changed += transactions.execute(status -> store(loaded)) ? 1 : 0;
        }
        log.info("Agreement catalogue {}: {} agreement(s), {} created or changed", folder, definitions.size(), changed);
        return changed;
    }

    private boolean store(LoadedFile loaded) {
        var d = loaded.definition();
        var registered = parties.findAll().stream().map(p -> p.code()).collect(Collectors.toSet());
        for (var ref : CatalogueReader.partyReferences(d)) {
            if (!registered.contains(ref.value())) {
                throw new CatalogueException(d.file(), ref.line(), "party '" + ref.value() + "' is not in the register;"
                        + " registered codes are " + registered.stream().sorted().toList()
                        + ". An administrator can add parties to the register.");
            }
        }
        var agreement = agreements.findByCode(d.code()).orElseGet(() -> new Agreement(d.code()));
        var isNew = agreement.id() == null;
        var agreementChanged = isNew || !agreement.definitionHash().equals(loaded.hash());
        if (!agreementChanged) {
            return false;
        }
        agreement.define(d.title(), d.shortTitle(), d.signedOn(), d.effectiveAt(), d.effectiveText(), d.aliases(),
                values(d.parties()),
                d.signatories().stream().map(s -> new Agreement.SignatoryValue(s.party().value(), s.name(), s.office())).toList(),
                d.textVariants().stream().map(v -> new Agreement.TextVariantValue(v.name(), v.note())).toList(),
                d.related(),
                d.points().stream().map(p -> new Agreement.PointValue(p.number(), p.title(), p.text())).toList(),
                d.file(), loaded.hash(), clock.instant());
        agreement = agreements.save(agreement);

        var existing = isNew ? List.<Obligation>of() : obligations.findByAgreement(agreement);
        var byCode = existing.stream().collect(Collectors.toMap(Obligation::code, o -> o));
        var seen = new java.util.HashSet<String>();
        var order = 0;
        for (var point : d.points()) {
            for (var od : point.obligations()) {
                seen.add(od.code());
                var definition = definition(od, order++, d);
                var obligation = byCode.get(od.code());
                if (obligation == null) {
                    obligation = new Obligation(agreement, od.code());
                } else if (obligation.definitionHash().equals(definition.hash()) && obligation.inCatalogue()) {
                    continue;
                }
                obligation.define(definition);
                obligations.save(obligation);
            }
        }
        for (var obligation : existing) {
            if (!seen.contains(obligation.code()) && obligation.inCatalogue()) {
                log.warn("{}: obligation '{}' is no longer in the file; it is kept with its history and marked as"
                        + " withdrawn from the catalogue", d.file(), obligation.code());
                obligation.retire();
                obligations.save(obligation);
            }
        }
        log.info("{}: agreement '{}' {}", d.file(), d.code(), isNew ? "created" : "updated");
        return true;
    }

    private static Obligation.Definition definition(ObligationDefinition o, int order, AgreementDefinition agreement) {
        var roles = new ArrayList<PartyRole>();
        o.responsible().forEach(p -> roles.add(new PartyRole(p.value(), PartyRole.RESPONSIBLE)));
        o.supervisedBy().forEach(p -> roles.add(new PartyRole(p.value(), PartyRole.SUPERVISES)));
        var term = o.term();
        if (term != null) {
            term.noticeBy().forEach(p -> roles.add(new PartyRole(p.value(), PartyRole.MAY_GIVE_NOTICE)));
        }
        var due = o.due();
        var quantities = o.quantities().stream().map(q -> new QuantityValue(q.key(), q.label(), q.limit(), q.unit())).toList();
        var termStart = term == null ? null : (term.startsAt() != null ? term.startsAt() : agreement.effectiveAt());
        var hashInput = String.join("|", o.toString(), String.valueOf(termStart));
        return new Obligation.Definition(o.point(), order, o.title(), o.description(), o.kind(),
                due == null ? null : due.text(), due == null ? null : due.at(), due != null && due.dayOnly(), o.whenText(),
                o.condition(), termStart, term == null ? null : term.years(), term == null ? null : term.renewalYears(),
                term == null ? null : term.noticeMonths(), roles, quantities, o.measures(), o.district(), sha256(hashInput));
    }

    private static List<String> values(List<YamlMap.Located<String>> located) {
        return located.stream().map(YamlMap.Located::value).toList();
    }

    private static List<Path> files(Path folder) {
        try (Stream<Path> stream = Files.list(folder)) {
            return stream.filter(p -> Set.of("yaml", "yml").contains(extension(p))).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list the catalogue folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String extension(Path path) {
        var name = path.getFileName().toString();
        var dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }


    private record LoadedFile(AgreementDefinition definition, String hash) {}
}
