package org.ceasefire.ccm.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.ceasefire.ccm.base.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The dashboards' pure calendar logic: ISO week labels and the Monday a label names. */
class DashboardServiceTest {

    @ParameterizedTest(name = "{0} is in {1}")
    @CsvSource({
            "2020-11-09, 2020-W46",
            "2020-11-10, 2020-W46",
            "2020-11-15, 2020-W46",
            "2020-11-16, 2020-W47",
            "2020-12-31, 2020-W53",
            "2021-01-01, 2020-W53",
            "2021-01-03, 2020-W53",
            "2021-01-04, 2021-W01",
            "2019-12-30, 2020-W01",
            "2021-11-21, 2021-W46",
            "2021-11-22, 2021-W47",
            "2022-01-02, 2021-W52",
            "2024-12-30, 2025-W01",
            "2026-12-31, 2026-W53"})
    void a_day_is_labelled_with_its_iso_week_and_week_based_year(LocalDate day, String week) {
        assertThat(DashboardService.isoWeek(day)).isEqualTo(week);
    }

    @ParameterizedTest(name = "{0} starts on {1}")
    @CsvSource({
            "2020-W01, 2019-12-30",
            "2020-W46, 2020-11-09",
            "2020-W53, 2020-12-28",
            "2021-W01, 2021-01-04",
            "2021-W52, 2021-12-27",
            "2025-W01, 2024-12-30",
            "2026-W53, 2026-12-28"})
    void a_week_label_names_its_monday(String week, LocalDate monday) {
        assertThat(DashboardService.weekStart(week)).isEqualTo(monday);
        assertThat(DashboardService.weekStart(week).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(DashboardService.isoWeek(monday)).isEqualTo(week);
        assertThat(DashboardService.isoWeek(monday.plusDays(6))).isEqualTo(week);
    }

    @Test
    void every_day_of_six_years_lies_in_the_week_its_label_names() {
        for (var day = LocalDate.of(2019, 12, 1); day.isBefore(LocalDate.of(2026, 2, 1)); day = day.plusDays(1)) {
            var monday = DashboardService.weekStart(DashboardService.isoWeek(day));
            assertThat(monday).as("week of %s", day).isBeforeOrEqualTo(day).isAfter(day.minusDays(7));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-W99", "2020-W54", "2021-W53", "2020-W00", "2020-W1", "2020W50", "20-W50", "2020-w50",
            "2020-W50x", ""})
    void a_week_that_does_not_exist_or_is_not_written_as_an_iso_week_is_refused(String week) {
        assertThatThrownBy(() -> DashboardService.weekStart(week))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).anySatisfy(p -> assertThat(p.field()).isEqualTo("week")));
    }
}
