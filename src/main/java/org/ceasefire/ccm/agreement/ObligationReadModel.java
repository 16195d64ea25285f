package org.ceasefire.ccm.agreement;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.ceasefire.ccm.agreement.domain.Obligation;
import org.ceasefire.ccm.agreement.domain.Obligation.PartyRole;
import org.ceasefire.ccm.agreement.domain.TermSchedule;
import org.ceasefire.ccm.agreement.domain.TimelinessPolicy;
import org.ceasefire.ccm.base.CcmProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns obligations into the read models every caller sees, deriving timeliness and the term's position from the
 * clock. Not secured itself: callers are secured services and system jobs such as the metrics.
 */
@Component
class ObligationReadModel {

    private final CcmProperties properties;
    private final TimelinessPolicy timeliness;

    ObligationReadModel(CcmProperties properties) {
        this.properties = properties;
        this.timeliness = new TimelinessPolicy(properties.dueSoon());
    }

    ObligationSummary summary(Obligation o, Instant now) {
        var term = termView(o, now);
        var termEnd = term == null ? null : term.currentPeriodEndsAt();
        var t = timeliness.assess(o.kind(), o.currentStatus(), o.originalDueAt(), o.currentDueAt(), o.completedAt(),
                termEnd, now);
        return new ObligationSummary(o.agreement().code(), o.code(), o.point(), o.title(), o.kind(),
                o.partiesIn(PartyRole.RESPONSIBLE), o.currentDueAt(), o.dueText(), o.originalDueAt(), o.whenText(),
                o.currentStatus(), o.currentLevel(), t, o.currentEffectiveAt(), o.completedAt(), term, o.version());
    }

    private @Nullable TermView termView(Obligation o, Instant now) {
        if (o.kind() != ObligationKind.TERM || o.termStartsAt() == null || o.termYears() == null) {
            return null;
        }
        var schedule = new TermSchedule(o.termStartsAt(), o.termYears(), Objects.requireNonNullElse(o.termRenewalYears(), 0),
                Objects.requireNonNullElse(o.termNoticeMonths(), 0));
        var noticeBy = o.partiesIn(PartyRole.MAY_GIVE_NOTICE);
        if (o.currentStatus().endsObligation()) {
            return new TermView(o.termStartsAt(), o.termYears(), schedule.renewalYears(), schedule.noticeMonths(), noticeBy,
                    null, null, schedule.at(Objects.requireNonNullElse(o.currentEffectiveAt(), now)).renewals(), false);
        }
        var position = schedule.at(now);
        var notice = position.noticeDeadline();
        var near = notice != null && !now.isAfter(notice) && now.isAfter(notice.minus(properties.noticeWarning()));
        return new TermView(o.termStartsAt(), o.termYears(), schedule.renewalYears(), schedule.noticeMonths(), noticeBy,
                position.periodEndsAt(), notice, position.renewals(), near);
    }

    ObligationDetails details(Obligation o, Instant now) {
        var point = o.agreement().points().stream().filter(p -> p.number() == o.point()).findFirst();
        return new ObligationDetails(summary(o, now), o.description(), point.map(p -> p.title()).orElse(""),
                o.partiesIn(PartyRole.SUPERVISES),
                o.quantities().stream().map(q -> new ObligationDetails.Quantity(q.key(), q.label(), q.limit(), q.unit())).toList(),
                o.measures(), o.condition(), o.inCatalogue(),
                o.decisions().stream().map(ObligationService::toEntry).toList(),
                o.amendments().stream().map(ObligationService::toEntry).toList());
    }

}
