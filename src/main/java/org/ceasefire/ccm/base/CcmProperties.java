package org.ceasefire.ccm.base;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator settings under {@code ccm.*}.
 *
 * @param zone the local zone in which days, deadlines given as dates and weekly cut-offs are read
 * @param dueSoon how long before a deadline an obligation reads {@code DUE_SOON}
 * @param noticeWarning how long before a term's notice deadline the notice window is flagged as near
 * @param catalogue the folder holding one YAML file per agreement
 * @param lateAfter a report received this long after what it observes is marked as recorded late
 * @param briefingCatchUpWeeks how many complete weeks back an hourly check archives a weekly briefing the Monday job
 *     missed (a node down at 06:00, a failed run); 0 leaves it to the Monday job alone
 */
@ConfigurationProperties("ccm")
public record CcmProperties(
        @DefaultValue("+04:00") ZoneId zone,
        @DefaultValue("72h") Duration dueSoon,
        @DefaultValue("90d") Duration noticeWarning,
        @DefaultValue("config/agreements") Path catalogue,
        @DefaultValue("7d") Duration lateAfter,
        @DefaultValue("4") int briefingCatchUpWeeks) {}
