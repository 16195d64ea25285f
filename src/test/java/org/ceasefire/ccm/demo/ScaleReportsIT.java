package org.ceasefire.ccm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import org.ceasefire.ccm.dashboard.DashboardQuery;
import org.ceasefire.ccm.dashboard.DashboardService;
import org.ceasefire.ccm.dashboard.rollup.Layer;
import org.ceasefire.ccm.dashboard.rollup.RollupStore;
import org.ceasefire.ccm.dashboard.rollup.RollupTable;
import org.ceasefire.ccm.dashboard.rollup.Row;
import org.ceasefire.ccm.reporting.ReportFacts;
import org.ceasefire.ccm.reporting.demo.ScaleReports;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import java.time.LocalDate;
import java.util.Set;

/**
 * The generator behind the scale demo and the dashboard benchmark: it files valid reports of every area once, adds
 * only what is missing, and leaves the dashboards' rollups equal to a recomputation from the reports.
 */
@SpringBootTest(properties = "ccm.demo.scale-reports=3000")
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleReportsIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ScaleReports scale;

    @Autowired
    ReportFacts facts;

    @Autowired
    RollupStore rollups;

    @Autowired
    DashboardService dashboards;

    @Test
    @Order(1)
    @WithMockUser(username = "briefer", roles = "BRIEFER")
    void a_start_with_the_property_set_generates_that_many_reports_of_every_area_and_the_dashboards_show_them() {
        assertThat(jdbc.queryForObject("select count(*) from report", Long.class)).isEqualTo(3000);
        assertThat(jdbc.queryForList("select distinct area from report", String.class))
                .contains("CEASEFIRE", "CORRIDOR_TRAFFIC", "REFUGEE_RETURN", "PRISONER_EXCHANGE", "WITHDRAWAL");
        assertThat(jdbc.queryForList("select distinct status from report", String.class))
                .contains("VERIFIED", "SUBMITTED", "REJECTED", "RETURNED");

        var q = DashboardQuery.of(DashboardQuery.DEFAULT_AGREEMENT);
        assertThat(dashboards.ceasefire(q).incidentCount()).isPositive();
        assertThat(dashboards.returns(q).series()).hasSizeGreaterThan(1);
        assertThat(dashboards.corridors(q).corridors().getFirst().days()).isNotEmpty();
    }

    @Test
    @Order(3)
    void running_it_again_adds_only_what_is_missing() {
        assertThat(scale.generate(3000)).isZero();
        assertThat(scale.generate(3200)).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from report", Long.class)).isEqualTo(3200);
    }

    @Test
    @Order(2)
    void the_rollups_rebuilt_after_the_bulk_load_equal_a_fold_of_the_reports() {
        var expected = new HashMap<org.ceasefire.ccm.dashboard.rollup.RowKey, Row>();
        facts.forEachCounted(fact -> rollups.fold(expected, fact));
        var stored = new HashMap<org.ceasefire.ccm.dashboard.rollup.RowKey, Row>();
        for (var table : RollupTable.values()) {
            rollups.read(table, DashboardQuery.DEFAULT_AGREEMENT, LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1),
                    Set.of(Layer.VERIFIED, Layer.UNVERIFIED)).forEach(r -> stored.put(r.key(), r));
        }
        assertThat(stored.keySet()).isEqualTo(expected.keySet());
        stored.forEach((key, row) -> assertThat(row.sameFiguresAs(expected.get(key))).as(row + " vs " + expected.get(key)).isTrue());
    }
}
