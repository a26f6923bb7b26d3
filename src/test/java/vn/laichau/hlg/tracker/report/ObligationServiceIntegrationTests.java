package vn.laichau.hlg.tracker.report;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.laichau.hlg.tracker.period.ObligationService;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Obligations follow the lead assignments, the timelines and the agencies open in the data window. */
@IntegrationTest
class ObligationServiceIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObligationService obligations;

    ReportFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new ReportFixtures(jdbc, obligations);
    }

    @AfterEach
    void tearDown() {
        fixtures.cleanup();
    }

    @Test
    void theSeededPlanOwesWhatTheDocumentAssigns() {
        // Task 1 is led by every district People's Committee while the districts exist (2024, and 2025 up to
        // 30/6), then by the communes' committees that carry it from 1/7/2025 (2025 to 2030).
        assertThat(count("UBND-TAM-DUONG", "1")).isEqualTo(2);
        assertThat(count("UBND-XA-BINH-LU", "1")).isEqualTo(6);
        // Task 2 by the provincial coordinating council (one agency) and the district councils (a kind).
        assertThat(count("HDPH-TINH", "2")).isEqualTo(7);
        assertThat(count("HDPH-PHONG-THO", "2")).isEqualTo(2);
        // Task 11.1 runs in its milestone years only; Sở Tư pháp coordinates task 3 but leads nothing there.
        assertThat(count("HLG-TINH", "11.1")).isEqualTo(jdbc.queryForObject(
                "select count(*) from task_timeline_entry tl join task t on t.id = tl.task_id where t.code = '11.1'", Integer.class));
        assertThat(count("SO-TU-PHAP", "3")).isZero();
        assertThat(count("UBND-TINH", "1")).as("task 1 names district and commune committees, not the province's").isZero();
    }

    @Test
    void anAgencyOpenedOrClosedDuringThePlanOwesOnlyTheYearsItWasOpen() {
        long agency = fixtures.agency("UBND", "03390");
        assertThat(years(agency)).isEqualTo(7);
        // Closed on 1 March 2026: open during part of the 2026 data window, not in 2027's.
        jdbc.update("update agency set closed_on = date '2026-03-01' where id = ?", agency);
        obligations.refresh();
        assertThat(years(agency)).isEqualTo(3);
        // A started report keeps its obligation even when it is no longer owed.
        jdbc.update("update agency set closed_on = null where id = ?", agency);
        obligations.refresh();
        jdbc.update("""
                insert into progress_report (agency_id, task_id, year) values (?, (select id from task where code = '1'), 2030)""", agency);
        jdbc.update("update agency set closed_on = date '2026-03-01' where id = ?", agency);
        obligations.refresh();
        assertThat(years(agency)).isEqualTo(4);
    }

    int count(String agencyCode, String taskCode) {
        return jdbc.queryForObject("""
                select count(*) from obligation o join agency a on a.id = o.agency_id join task t on t.id = o.task_id
                where a.code = ? and t.code = ?""", Integer.class, agencyCode, taskCode);
    }

    int years(long agencyId) {
        return jdbc.queryForObject("select count(*) from obligation where agency_id = ?", Integer.class, agencyId);
    }
}
