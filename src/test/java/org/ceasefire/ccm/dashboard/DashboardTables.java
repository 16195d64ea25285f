package org.ceasefire.ccm.dashboard;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Empties what the dashboards read, for tests whose figures must be exactly their own: every report (with its
 * obligations and reviews, by cascade), every rollup row, and the decisions and amendments of the handover
 * obligations (other ITs judge 6a and 6b; a decision would take precedence over reports). The context and its
 * database are shared with every other IT, which run one class after another; none of them relies on reports or
 * handover decisions left by another class.
 */
public final class DashboardTables {

    public static final List<String> ROLLUPS = List.of("dash_exchange_day", "dash_return_day", "dash_corridor_day",
            "dash_incident_day", "dash_withdrawal_day");

    private DashboardTables() {}

    public static void clean(JdbcTemplate jdbc) {
        jdbc.update("delete from report");
        for (var table : ROLLUPS) {
            jdbc.update("delete from " + table);
        }
        var handovers = "select id from obligation where district is not null";
        jdbc.update("delete from status_decision where obligation_id in (" + handovers + ")");
        jdbc.update("delete from deadline_amendment where obligation_id in (" + handovers + ")");
        jdbc.update("update obligation set current_status = 'NOT_STARTED', current_level = 0, current_effective_at = null,"
                + " current_due_at = original_due_at where district is not null");
    }
}
