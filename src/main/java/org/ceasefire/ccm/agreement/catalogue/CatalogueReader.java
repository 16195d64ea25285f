package org.ceasefire.ccm.agreement.catalogue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.ceasefire.ccm.agreement.ObligationKind;
import org.ceasefire.ccm.agreement.catalogue.AgreementDefinition.Due;
import org.ceasefire.ccm.agreement.catalogue.AgreementDefinition.ObligationDefinition;
import org.ceasefire.ccm.agreement.catalogue.AgreementDefinition.PointDefinition;
import org.ceasefire.ccm.agreement.catalogue.AgreementDefinition.Quantity;
import org.ceasefire.ccm.agreement.catalogue.AgreementDefinition.Signatory;
import org.ceasefire.ccm.agreement.catalogue.AgreementDefinition.Term;
import org.ceasefire.ccm.agreement.catalogue.AgreementDefinition.TextVariant;
import org.ceasefire.ccm.base.Instants;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one agreement file strictly. Every problem stops the load with the file, the line and what is wrong, so an
 * operator who mistypes a deadline finds out at start-up, not from a wrong dashboard.
 */
final class CatalogueReader {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final Pattern OBLIGATION_CODE = Pattern.compile("[0-9]{1,3}[a-z]?");

    private final ZoneId zone;

    CatalogueReader(ZoneId zone) {
        this.zone = zone;
    }

    AgreementDefinition read(String file, String content) {
        try (Reader reader = new StringReader(content)) {
            var options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            var root = new Yaml(new SafeConstructor(options)).compose(reader);
            if (root == null) {
                throw new CatalogueException(file, 1, "the file is empty");
            }
            return agreement(new YamlMap(file, "", root), file);
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new CatalogueException(file, mark == null ? 0 : mark.getLine() + 1, "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new CatalogueException(file, 0, "not valid YAML: " + e.getMessage());
        } catch (IOException e) {
            throw new CatalogueException(file, 0, "cannot be read: " + e.getMessage());
        }
    }

    private AgreementDefinition agreement(YamlMap map, String file) {
        map.allowOnly(Set.of("code", "title", "shortTitle", "aliases", "signedOn", "effectiveAt", "effectiveText",
                "parties", "signatories", "textVariants", "related", "points"));
        var code = map.requiredString("code");
        if (!CODE.matcher(code).matches()) {
            throw map.error("code", "code '" + code + "' must be lower-case letters, digits and '-', like nk-2020-11-10");
        }
        var title = map.requiredString("title");
        var effectiveAt = map.instant("effectiveAt").orElseThrow(() -> map.error("the agreement needs 'effectiveAt'"));
        var parties = map.strings("parties");
        if (parties.isEmpty()) {
            throw map.error("the agreement needs 'parties', the party codes of those bound by it");
        }
        var signatories = map.maps("signatories").stream().map(s -> {
            s.allowOnly(Set.of("party", "name", "office"));
            return new Signatory(new YamlMap.Located<>(s.requiredString("party"), s.line()), s.requiredString("name"),
                    s.requiredString("office"));
        }).toList();
        var variants = map.maps("textVariants").stream().map(v -> {
            v.allowOnly(Set.of("name", "note"));
            return new TextVariant(v.requiredString("name"), v.requiredString("note"));
        }).toList();
        var points = map.maps("points");
        if (points.isEmpty()) {
            throw map.error("the agreement needs 'points'");
        }
        var pointNumbers = new HashSet<Integer>();
        var obligationCodes = new HashSet<String>();
        var pointDefinitions = points.stream().map(p -> point(p, pointNumbers, obligationCodes)).toList();
        return new AgreementDefinition(file, map.line(), code, title, map.string("shortTitle").orElse(title),
                map.strings("aliases").stream().map(YamlMap.Located::value).toList(), map.date("signedOn").orElse(null),
                effectiveAt, map.string("effectiveText").orElse(""), parties, signatories, variants,
                map.strings("related").stream().map(YamlMap.Located::value).toList(), pointDefinitions);
    }

    private PointDefinition point(YamlMap p, Set<Integer> numbers, Set<String> codes) {
        p.allowOnly(Set.of("number", "title", "text", "obligations"));
        var number = p.requiredInt("number");
        if (!numbers.add(number)) {
            throw p.error("number", "point " + number + " appears twice");
        }
        var obligations = p.maps("obligations");
        if (obligations.isEmpty()) {
            throw p.error("point " + number + " needs at least one obligation");
        }
        return new PointDefinition(number, p.requiredString("title"), p.requiredString("text"),
                obligations.stream().map(o -> obligation(o, number, codes)).toList());
    }

    private ObligationDefinition obligation(YamlMap o, int point, Set<String> codes) {
        o.allowOnly(Set.of("code", "title", "description", "kind", "responsible", "supervisedBy", "due", "whenText",
                "quantities", "term", "condition", "measures", "district"));
        var code = o.requiredString("code");
        if (!OBLIGATION_CODE.matcher(code).matches()) {
            throw o.error("code", "obligation code '" + code + "' must be a number with an optional letter, like 6a");
        }
        if (!codes.add(code)) {
            throw o.error("code", "obligation code '" + code + "' appears twice in the agreement");
        }
        var label = "obligation '" + code + "'";
        return o.withContext(label, m -> {
            var kind = m.requiredEnum("kind", ObligationKind.class);
            var responsible = m.strings("responsible");
            if (responsible.isEmpty()) {
                throw m.error(label + " needs 'responsible', at least one party code");
            }
            var due = m.map("due").map(d -> due(d, label)).orElse(null);
            if (kind == ObligationKind.DEADLINE && due == null) {
                throw m.error("kind", label + " is a DEADLINE and needs 'due'");
            }
            if (kind != ObligationKind.DEADLINE && due != null) {
                throw m.error("due", label + " is " + kind + "; only a DEADLINE obligation has 'due'");
            }
            var term = m.map("term").map(t -> term(t, label)).orElse(null);
            if (kind == ObligationKind.TERM && term == null) {
                throw m.error("kind", label + " is a TERM and needs 'term'");
            }
            if (kind != ObligationKind.TERM && term != null) {
                throw m.error("term", label + " is " + kind + "; only a TERM obligation has 'term'");
            }
            var condition = m.string("condition").orElse(null);
            if (kind == ObligationKind.CONDITIONAL && condition == null) {
                throw m.error("kind", label + " is CONDITIONAL and needs 'condition', saying what it depends on");
            }
            var quantities = m.maps("quantities").stream().map(q -> {
                q.allowOnly(Set.of("key", "label", "limit", "unit"));
                var limit = q.requiredString("limit");
                try {
                    return new Quantity(q.requiredString("key"), q.requiredString("label"), new BigDecimal(limit), q.requiredString("unit"));
                } catch (NumberFormatException e) {
                    throw q.error("limit", label + ": quantity limit '" + limit + "' is not a number");
                }
            }).toList();
            var title = m.requiredString("title");
            if (title.length() > 300) {
                throw m.error("title", label + ": the title is longer than 300 characters");
            }
            return new ObligationDefinition(o.line(), code, point, title, m.string("description").orElse(title), kind,
                    responsible, m.strings("supervisedBy"), due, m.string("whenText").orElse(null), quantities, term,
                    condition, m.strings("measures").stream().map(YamlMap.Located::value).toList(),
                    m.string("district").orElse(null));
        });
    }

    private Due due(YamlMap d, String label) {
        d.allowOnly(Set.of("text", "date", "at"));
        var text = d.requiredString("text");
        var date = d.date("date");
        var at = d.instant("at");
        if (date.isPresent() == at.isPresent()) {
            throw d.error(label + ": 'due' needs exactly one of 'date' (a day, meaning its end at local time) or 'at'"
                    + " (an instant with offset)");
        }
        return date.map(day -> new Due(text, Instants.endOfDay(day, zone), true))
                .orElseGet(() -> new Due(text, at.orElseThrow(), false));
    }

    private Term term(YamlMap t, String label) {
        t.allowOnly(Set.of("years", "renewalYears", "noticeMonths", "startsAt", "noticeBy"));
        var years = t.requiredInt("years");
        var renewal = t.integer("renewalYears").orElse(0);
        var notice = t.integer("noticeMonths").orElse(0);
        if (years <= 0 || renewal < 0 || notice < 0) {
            throw t.error(label + ": a term needs years > 0 and renewalYears, noticeMonths >= 0");
        }
        return new Term(years, renewal, notice, t.instant("startsAt").orElse(null), t.strings("noticeBy"));
    }

    /** Reads every reference to a party so that the loader can check them against the register. */
    static List<YamlMap.Located<String>> partyReferences(AgreementDefinition definition) {
        var refs = new java.util.ArrayList<YamlMap.Located<String>>(definition.parties());
        definition.signatories().forEach(s -> refs.add(s.party()));
        for (var point : definition.points()) {
            for (var o : point.obligations()) {
                refs.addAll(o.responsible());
                refs.addAll(o.supervisedBy());
                if (o.term() != null) {
                    refs.addAll(o.term().noticeBy());
                }
            }
        }
        return refs;
    }
}
