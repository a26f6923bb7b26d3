package vn.laichau.hlg.tracker.dashboard;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.laichau.hlg.tracker.dashboard.Dashboard.CellState;
import vn.laichau.hlg.tracker.dashboard.Dashboard.Counts;
import vn.laichau.hlg.tracker.dashboard.Dashboard.IndicatorRow;
import vn.laichau.hlg.tracker.dashboard.Dashboard.MatrixRow;
import vn.laichau.hlg.tracker.dashboard.Dashboard.TaskRow;
import vn.laichau.hlg.tracker.shared.web.NotFoundException;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dashboard's figures against the fixture, whose right answers are worked out by hand. */
@IntegrationTest
class DashboardServiceIntegrationTests {

    @Autowired
    DashboardService dashboards;
    @Autowired
    JdbcTemplate jdbc;

    DashboardFixture fx;

    @BeforeEach
    void fixture() {
        fx = DashboardFixture.ensure(jdbc);
    }

    @Test
    void completenessAndTimelinessOverallByTaskByUnitAndByKind() {
        Dashboard d = dashboards.dashboard(fx.provinceReviewer(), DashboardFixture.YEAR, null, false, 1);

        // owed 7; handed in: A0/4.1, A0/5, A1/1, A3/5; approved: three of them; A0/5 came late;
        // A1/5 (draft), A2/5 (returned) and A3/1 (nothing) are overdue.
        assertThat(d.overall()).isEqualTo(new Counts(7, 4, 3, 3, 1, 3));
        assertThat(d.pastDue()).isTrue();

        assertThat(task(d, "1")).isEqualTo(new Counts(2, 1, 0, 1, 0, 1));
        assertThat(task(d, "4.1")).isEqualTo(new Counts(1, 1, 1, 1, 0, 0));
        assertThat(task(d, "5")).isEqualTo(new Counts(4, 2, 2, 1, 1, 2));
        assertThat(task(d, "2")).isEqualTo(Counts.ZERO);
        assertThat(d.groups().stream().filter(g -> g.code().equals("4")).findFirst().orElseThrow().counts())
                .isEqualTo(new Counts(1, 1, 1, 1, 0, 0));

        assertThat(d.byUnit()).extracting(r -> r.label() + " " + r.counts()).containsExactly(
                "Tỉnh Kiểm Thử " + new Counts(2, 2, 2, 1, 1, 0),
                "Huyện Hai " + new Counts(2, 1, 1, 1, 0, 1),
                "Huyện Một " + new Counts(3, 1, 0, 1, 0, 2));
        assertThat(d.byKind()).extracting(r -> r.code() + " " + r.counts()).containsExactly(
                "UBND " + new Counts(4, 2, 1, 2, 0, 2),
                "HOI_LUAT_GIA " + new Counts(3, 2, 2, 1, 1, 1));
    }

    @Test
    void theMatrixSaysInWordsWhatEachCellIsAndWhichAreOverdue() {
        Dashboard d = dashboards.dashboard(fx.provinceReviewer(), DashboardFixture.YEAR, null, false, 1);

        assertThat(d.matrix().agencyCount()).isEqualTo(4);
        assertThat(d.matrix().rows()).extracting(MatrixRow::agencyName).containsExactly(
                "Hội Luật gia Tỉnh Kiểm Thử", "UBND huyện Hai", "UBND huyện Một", "Hội Luật gia huyện Một");
        MatrixRow a1 = row(d, "UBND huyện Một");
        var draft = a1.cells().get(taskIndex(d, "5"));
        assertThat(draft.state()).isEqualTo(CellState.DRAFT);
        assertThat(draft.overdue()).isTrue();
        assertThat(draft.reportId()).isEqualTo(fx.draftReport);
        assertThat(a1.cells().get(taskIndex(d, "2")).state()).isEqualTo(CellState.NONE);
        var missing = row(d, "UBND huyện Hai").cells().get(taskIndex(d, "1"));
        assertThat(missing.state()).isEqualTo(CellState.MISSING);
        assertThat(missing.reportId()).isNull();
        assertThat(missing.overdue()).isTrue();
        var late = row(d, "Hội Luật gia Tỉnh Kiểm Thử").cells().get(taskIndex(d, "5"));
        assertThat(late.state()).isEqualTo(CellState.APPROVED);
        assertThat(late.late()).isTrue();
        assertThat(late.overdue()).isFalse();
    }

    @Test
    void aPagePastTheEndOfTheMatrixShowsTheLastOne() {
        for (int page : new int[]{2, 999_999_999, -5}) {
            Dashboard d = dashboards.dashboard(fx.provinceReviewer(), DashboardFixture.YEAR, null, false, page);
            assertThat(d.matrix().page()).isEqualTo(1);
            assertThat(d.matrix().rows()).hasSize(4);
        }
    }

    @Test
    void totalsCountApprovedReportsAndTheSwitchAddsSubmittedOnes() {
        Dashboard approved = dashboards.dashboard(fx.provinceReviewer(), DashboardFixture.YEAR, null, false, 1);
        IndicatorRow sessions = indicator(approved, DashboardFixture.SESSIONS);
        int y2037 = approved.indicators().years().indexOf(2037);
        int y2038 = approved.indicators().years().indexOf(2038);
        assertThat(sessions.byYear().get(y2038)).isEqualByComparingTo("20");   // 12 + 3 + 5
        assertThat(sessions.byYear().get(y2037)).isEqualByComparingTo("4");
        assertThat(sessions.byUnit()).containsExactly(new BigDecimal("15"), new BigDecimal("5"), null); // province, Hai, Một
        // State budget 10 + 5 + 1 million planned, 8,5 + 5 spent; other sources 3 planned, 2,5 spent.
        assertThat(approved.budget().statePlanned()).isEqualByComparingTo("16000000");
        assertThat(approved.budget().stateSpent()).isEqualByComparingTo("13500000");
        assertThat(approved.budget().otherPlanned()).isEqualByComparingTo("3000000");
        assertThat(approved.budget().otherSpent()).isEqualByComparingTo("2500000");
        assertThat(approved.budget().planned()).isEqualByComparingTo("19000000");
        assertThat(approved.budget().spent()).isEqualByComparingTo("16000000");
        assertThat(approved.budget().byTask()).filteredOn(b -> b.task().code().equals("4.1")).singleElement()
                .satisfies(b -> {
                    assertThat(b.statePlanned()).isEqualByComparingTo("10000000");
                    assertThat(b.otherPlanned()).isEqualByComparingTo("3000000");
                    assertThat(b.spent()).isEqualByComparingTo("11000000");
                });
        assertThat(approved.issues().items()).extracting(i -> i.taskCode() + " " + i.agencyName())
                .containsExactly("4.1 Hội Luật gia Tỉnh Kiểm Thử", "5 Hội Luật gia Tỉnh Kiểm Thử");
        assertThat(approved.grid().rows().stream().filter(r -> r.task().code().equals("5")).findFirst().orElseThrow()
                .cells().get(approved.grid().years().indexOf(2038))).isEqualTo(new Dashboard.GridCell(4, 2));

        Dashboard withSubmitted = dashboards.dashboard(fx.provinceReviewer(), DashboardFixture.YEAR, null, true, 1);
        assertThat(withSubmitted.includeSubmitted()).isTrue();
        assertThat(indicator(withSubmitted, DashboardFixture.SESSIONS).current()).isEqualByComparingTo("27");
        assertThat(withSubmitted.budget().statePlanned()).isEqualByComparingTo("18000000");
        assertThat(withSubmitted.budget().stateSpent()).isEqualByComparingTo("14500000");
        assertThat(withSubmitted.budget().otherPlanned()).isEqualByComparingTo("4000000");
        assertThat(withSubmitted.budget().planned()).isEqualByComparingTo("22000000");
        assertThat(withSubmitted.budget().spent()).isEqualByComparingTo("17000000");
        assertThat(withSubmitted.issues().items()).extracting(i -> i.taskCode() + " " + i.submittedOnly())
                .containsExactly("1 true", "4.1 false", "5 false");
        // Completeness does not depend on the switch.
        assertThat(withSubmitted.overall()).isEqualTo(approved.overall());
    }

    @Test
    void participationRatesAreAveragedAndComparedWithTheTarget() {
        Dashboard d = dashboards.dashboard(fx.provinceReviewer(), DashboardFixture.YEAR, null, false, 1);
        assertThat(d.participation()).filteredOn(p -> p.memberCategory().equals("FXD_CAT")).singleElement().satisfies(p -> {
            assertThat(p.reported()).isEqualByComparingTo("37.5");   // (45 + 30) / 2
            assertThat(p.percent()).isEqualByComparingTo("37.5");
            assertThat(p.minPercent()).isEqualByComparingTo("40");
            assertThat(p.met()).isFalse();
        });
        // A head count over the category's _TOTAL indicator: 8 of 10 is 80%, short of 100%.
        assertThat(d.participation()).filteredOn(p -> p.memberCategory().equals("FXD_PAIR")).singleElement().satisfies(p -> {
            assertThat(p.reported()).isEqualByComparingTo("8");
            assertThat(p.total()).isEqualByComparingTo("10");
            assertThat(p.percent()).isEqualByComparingTo("80");
            assertThat(p.met()).isFalse();
            assertThat(p.agencies()).isEqualTo(1);
            assertThat(p.expected()).isEqualTo(1);
        });
    }

    @Test
    void stockIndicatorsCountEachAgencyOnceAYearAndAreNeverAddedOverYears() {
        Dashboard d = dashboards.dashboard(fx.provinceReviewer(), DashboardFixture.YEAR, null, false, 1);
        IndicatorRow total = indicator(d, DashboardFixture.STAFF_TOTAL);
        assertThat(total.kind()).isEqualTo(IndicatorKind.STOCK);
        List<Integer> years = d.indicators().years();
        // A0 says 10 in both its 2038 tasks (counted once), A3 says 5: 15, not 25.
        assertThat(total.byYear().get(years.indexOf(2035))).isEqualByComparingTo("6");
        assertThat(total.byYear().get(years.indexOf(2037))).isEqualByComparingTo("8");
        assertThat(total.byYear().get(years.indexOf(2038))).isEqualByComparingTo("15");
        assertThat(total.byUnit()).containsExactly(new BigDecimal("10"), new BigDecimal("5"), null); // province, Hai, Một
        // Over the three years: the last year's value, not 6 + 8 + 15.
        assertThat(total.kind().overRange(total.byYear().subList(years.indexOf(2035), years.indexOf(2038) + 1)))
                .isEqualByComparingTo("15");
        IndicatorRow sessions = indicator(d, DashboardFixture.SESSIONS);
        assertThat(sessions.kind().overRange(sessions.byYear().subList(years.indexOf(2035), years.indexOf(2038) + 1)))
                .isEqualByComparingTo("24"); // 4 + 20: activities add up over years

        Dashboard withSubmitted = dashboards.dashboard(fx.provinceReviewer(), DashboardFixture.YEAR, null, true, 1);
        assertThat(indicator(withSubmitted, DashboardFixture.STAFF_TOTAL).current()).isEqualByComparingTo("19");
        assertThat(indicator(withSubmitted, DashboardFixture.STAFF_PART).current()).isEqualByComparingTo("11");

        Dashboard earlier = dashboards.dashboard(fx.provinceReviewer(), DashboardFixture.FIRST_YEAR, null, false, 1);
        assertThat(indicator(earlier, DashboardFixture.STAFF_TOTAL).current()).isEqualByComparingTo("6");
    }

    @Test
    void aParticipationTargetTakesBothNumbersFromTheSameAgenciesAndSaysItsCoverage() {
        Dashboard d = dashboards.dashboard(fx.provinceReviewer(), DashboardFixture.YEAR, null, false, 1);
        // A0 gave 9 of 10; A3 gave a total of 5 but no part: left out of both sides, not 9/15 = 60%.
        assertThat(d.participation()).filteredOn(p -> p.memberCategory().equals("FXD_STAFF")).singleElement().satisfies(p -> {
            assertThat(p.reported()).isEqualByComparingTo("9");
            assertThat(p.total()).isEqualByComparingTo("10");
            assertThat(p.percent()).isEqualByComparingTo("90");
            assertThat(p.met()).isTrue();
            // Expected: A0, A3 and A1, whose numbers are submitted but not yet approved.
            assertThat(p.agencies()).isEqualTo(1);
            assertThat(p.expected()).isEqualTo(3);
            assertThat(p.associations()).isFalse();
        });
        Dashboard withSubmitted = dashboards.dashboard(fx.provinceReviewer(), DashboardFixture.YEAR, null, true, 1);
        assertThat(withSubmitted.participation()).filteredOn(p -> p.memberCategory().equals("FXD_STAFF")).singleElement()
                .satisfies(p -> {
                    assertThat(p.reported()).isEqualByComparingTo("11");
                    assertThat(p.total()).isEqualByComparingTo("14");
                    assertThat(p.percent()).isEqualByComparingTo("78.6");
                    assertThat(p.agencies()).isEqualTo(2);
                    assertThat(p.expected()).isEqualTo(3);
                });
        // A district sees its own agencies only: A1's numbers are only submitted.
        Dashboard district = dashboards.dashboard(fx.districtReviewer(), DashboardFixture.YEAR, null, false, 1);
        assertThat(district.participation()).filteredOn(p -> p.memberCategory().equals("FXD_STAFF")).singleElement()
                .satisfies(p -> {
                    assertThat(p.percent()).isNull();
                    assertThat(p.met()).isNull();
                    assertThat(p.agencies()).isZero();
                });
    }

    @Test
    void aDistrictReviewerSeesOnlyItsDistrict() {
        Dashboard d = dashboards.dashboard(fx.districtReviewer(), DashboardFixture.YEAR, null, true, 1);
        assertThat(d.root().name()).isEqualTo("Huyện Một");
        assertThat(d.parent()).isNull();
        assertThat(d.overall()).isEqualTo(new Counts(3, 1, 0, 1, 0, 2));
        assertThat(d.matrix().rows()).extracting(MatrixRow::agencyName)
                .containsExactly("UBND huyện Một", "Hội Luật gia huyện Một");
        assertThat(indicator(d, DashboardFixture.SESSIONS).current()).isEqualByComparingTo("7");
        assertThat(d.budget().statePlanned()).isEqualByComparingTo("2000000");
        assertThat(d.budget().otherPlanned()).isEqualByComparingTo("1000000");

        assertThatThrownBy(() -> dashboards.dashboard(fx.districtReviewer(), DashboardFixture.YEAR, fx.district2, false, 1))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> dashboards.dashboard(fx.districtReviewer(), DashboardFixture.YEAR, fx.province, false, 1))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aProvinceReviewerCanNarrowToOneDistrictAndAViewerNeverCountsSubmittedReports() {
        Dashboard d = dashboards.dashboard(fx.provinceReviewer(), DashboardFixture.YEAR, fx.district2, false, 1);
        assertThat(d.overall()).isEqualTo(new Counts(2, 1, 1, 1, 0, 1));
        assertThat(d.parent()).isNotNull();

        Dashboard viewer = dashboards.dashboard(fx.viewer(), DashboardFixture.YEAR, null, true, 1);
        assertThat(viewer.includeSubmitted()).isFalse();
        assertThat(indicator(viewer, DashboardFixture.SESSIONS).current()).isEqualByComparingTo("20");
    }

    @Test
    void aYearWithoutAReportingPeriodDoesNotExist() {
        assertThatThrownBy(() -> dashboards.dashboard(fx.provinceReviewer(), 1999, null, false, 1))
                .isInstanceOf(NotFoundException.class);
    }

    private static Counts task(Dashboard d, String code) {
        return d.groups().stream().flatMap(g -> g.tasks().stream())
                .filter(t -> t.task().code().equals(code)).map(TaskRow::counts).findFirst().orElseThrow();
    }

    private static MatrixRow row(Dashboard d, String agency) {
        return d.matrix().rows().stream().filter(r -> r.agencyName().equals(agency)).findFirst().orElseThrow();
    }

    private static int taskIndex(Dashboard d, String code) {
        List<Dashboard.TaskRef> tasks = d.matrix().tasks();
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new AssertionError(code);
    }

    private static IndicatorRow indicator(Dashboard d, String code) {
        return d.indicators().rows().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }
}
