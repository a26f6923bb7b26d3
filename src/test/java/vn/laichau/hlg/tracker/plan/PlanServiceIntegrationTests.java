package vn.laichau.hlg.tracker.plan;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import vn.laichau.hlg.tracker.agency.AgencySummary;
import vn.laichau.hlg.tracker.plan.PlanViews.PartyView;
import vn.laichau.hlg.tracker.plan.PlanViews.TaskDetail;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Parties as the document words them, and the agencies they stand for on a given day. */
@IntegrationTest
@Transactional
class PlanServiceIntegrationTests {

    private static final LocalDate DAY = LocalDate.of(2024, 6, 1);

    @Autowired
    PlanService plans;

    @Autowired
    JdbcTemplate jdbc;

    @org.junit.jupiter.api.AfterEach
    void removeTestCommune() {
        jdbc.update("delete from obligation where agency_id in (select id from agency where code = 'UBND-BAN-GIANG')");
        jdbc.update("delete from agency where code = 'UBND-BAN-GIANG'");
        jdbc.update("delete from administrative_unit where code = 'TEST-BAN-GIANG'");
    }

    @Test
    void districtPeoplesCommitteesStandForTheEightUbndOfThe2024Districts() {
        TaskDetail task = plans.task("1", DAY).orElseThrow();

        assertThat(task.lead()).extracting(PartyView::wording)
                .containsExactly("Các sở, ban, ngành tỉnh", "UBND cấp huyện", "UBND cấp xã");
        assertThat(names(task.lead().get(0))).containsExactlyInAnyOrder("Sở Tư pháp", "Sở Tài chính", "Sở Nội vụ");
        assertThat(names(task.lead().get(1))).containsExactly(
                "UBND thành phố Lai Châu", "UBND huyện Tam Đường", "UBND huyện Mường Tè", "UBND huyện Sìn Hồ",
                "UBND huyện Phong Thổ", "UBND huyện Than Uyên", "UBND huyện Tân Uyên", "UBND huyện Nậm Nhùn");
        assertThat(task.lead().get(2).agencies()).as("no commune is recorded yet").isEmpty();
    }

    @Test
    void wordingOnlyPartiesStandForNoAgency() {
        TaskDetail task = plans.task("4.1", DAY).orElseThrow();

        assertThat(task.lead()).singleElement().satisfies(party -> {
            assertThat(party.type()).isEqualTo(PartyType.AGENCY);
            assertThat(names(party)).containsExactly("Hội Luật gia tỉnh");
        });
        assertThat(task.coordinating()).singleElement().satisfies(party -> {
            assertThat(party.type()).isEqualTo(PartyType.TEXT);
            assertThat(party.wording()).isEqualTo("Các cơ quan, đơn vị, địa phương, tổ chức có liên quan");
            assertThat(party.agencies()).isEmpty();
        });
    }

    @Test
    void associationsAtEveryLevelIncludeTheProvinceAndTheDistricts() {
        PartyView allLevels = plans.task("8", DAY).orElseThrow().coordinating().get(1);

        assertThat(allLevels.wording()).isEqualTo("Hội Luật gia các cấp");
        assertThat(names(allLevels)).hasSize(9).contains("Hội Luật gia tỉnh", "Hội Luật gia huyện Sìn Hồ");
    }

    @Test
    void aClosedAgencyNoLongerStandsForItsKindAfterItCloses() {
        PartyView lastDistrictDay = plans.task("1", LocalDate.of(2025, 6, 30)).orElseThrow().lead().get(1);
        PartyView firstCommuneDay = plans.task("1", LocalDate.of(2025, 7, 1)).orElseThrow().lead().get(1);

        assertThat(lastDistrictDay.carrier()).isNull();
        assertThat(names(lastDistrictDay)).hasSize(8).contains("UBND huyện Tam Đường");
        // From 1/7/2025 the districts are closed and "UBND cấp huyện" is carried by the communes' committees.
        assertThat(firstCommuneDay.wording()).isEqualTo("UBND cấp huyện");
        assertThat(firstCommuneDay.carrier().validFrom()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(names(firstCommuneDay)).hasSize(38).contains("UBND xã Bình Lư")
                .noneMatch(name -> name.startsWith("UBND huyện") || name.startsWith("UBND thành phố"));
    }

    @Test
    void anAgencyOpenedLaterJoinsItsKindFromItsOpeningDay() {
        jdbc.update("""
                insert into administrative_unit (code, name, level, parent_id, opened_on)
                select 'TEST-BAN-GIANG', 'Xã Bản Giang', 'COMMUNE', id, date '2025-07-01' from administrative_unit where code = '12'""");
        jdbc.update("""
                insert into agency (code, name, kind_id, unit_id, opened_on)
                select 'UBND-BAN-GIANG', 'UBND xã Bản Giang', k.id, u.id, date '2025-07-01'
                from agency_kind k, administrative_unit u where k.code = 'UBND' and u.code = 'TEST-BAN-GIANG'""");

        assertThat(plans.task("1", LocalDate.of(2025, 6, 30)).orElseThrow().lead().get(2).agencies()).isEmpty();
        assertThat(names(plans.task("1", LocalDate.of(2025, 7, 1)).orElseThrow().lead().get(2)))
                .hasSize(38 + 1).contains("UBND xã Bản Giang", "UBND xã Bình Lư");
    }

    @Test
    void theReviewTaskHasItsTwoMilestones() {
        TaskDetail task = plans.task("11.1", DAY).orElseThrow();

        assertThat(task.inSubgroup()).isTrue();
        assertThat(task.task().milestones()).extracting(year -> year.milestone() + " " + year.year())
                .containsExactly("Sơ kết 2026", "Tổng kết 2030");
        assertThat(task.task().years()).filteredOn(PlanViews.TimelineYear::active).hasSize(2);
    }

    @Test
    void anUnknownTaskIsAbsent() {
        assertThat(plans.task("12", DAY)).isEmpty();
    }

    @Test
    void theOverviewFollowsTheDocumentsOrder() {
        PlanViews.PlanOverview overview = plans.overview();

        assertThat(overview.groups()).extracting(PlanViews.GroupView::code)
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
        assertThat(overview.groups()).filteredOn(PlanViews.GroupView::hasSubtasks)
                .extracting(PlanViews.GroupView::code).containsExactly("4", "7", "11");
        assertThat(overview.taskCount()).isEqualTo(16);
    }

    private static List<String> names(PartyView party) {
        return party.agencies().stream().map(AgencySummary::name).toList();
    }
}
