package org.ceasefire.ccm.dashboard.rollup;

import java.util.List;
import org.ceasefire.ccm.reporting.ReportArea;

/**
 * The rollups: each counts one area's reports per agreement, local day, its keys and layer, with sums of figures and,
 * where a dashboard needs one report's figure, that report's mark (the latest claim, or the earliest completion).
 */
public enum RollupTable {
    EXCHANGE("dash_exchange_day", ReportArea.PRISONER_EXCHANGE, List.of("released_by", "received_by", "basis"),
            List.of("prisoners_of_war", "civilians", "bodies"), Mark.Kind.NONE),
    RETURN("dash_return_day", ReportArea.REFUGEE_RETURN, List.of("source_name", "basis", "direction"),
            List.of("persons"), Mark.Kind.LATEST),
    CORRIDOR("dash_corridor_day", ReportArea.CORRIDOR_TRAFFIC, List.of("corridor", "direction"),
            List.of("vehicles", "persons", "cargo_kg"), Mark.Kind.LATEST),
    INCIDENT("dash_incident_day", ReportArea.CEASEFIRE, List.of("alleged_against"),
            List.of("killed", "wounded", "denied", "confirmed", "refuted"), Mark.Kind.NONE),
    WITHDRAWAL("dash_withdrawal_day", ReportArea.WITHDRAWAL, List.of("handover"), List.of(), Mark.Kind.EARLIEST);

    private final String tableName;
    private final ReportArea area;
    private final List<String> keyColumns;
    private final List<String> sumColumns;
    private final Mark.Kind mark;

    RollupTable(String tableName, ReportArea area, List<String> keyColumns, List<String> sumColumns, Mark.Kind mark) {
        this.tableName = tableName;
        this.area = area;
        this.keyColumns = keyColumns;
        this.sumColumns = sumColumns;
        this.mark = mark;
    }

    String tableName() { return tableName; }
    public ReportArea area() { return area; }
    List<String> keyColumns() { return keyColumns; }
    List<String> sumColumns() { return sumColumns; }
    Mark.Kind mark() { return mark; }
}
