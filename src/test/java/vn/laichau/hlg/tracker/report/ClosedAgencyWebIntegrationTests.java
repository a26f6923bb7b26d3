package vn.laichau.hlg.tracker.report;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.laichau.hlg.tracker.period.ObligationService;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * UBND huyện Tam Đường closed from 1/7/2025: its account still reads its history, owes a report for the
 * first half of 2025 (and the report says so), and is refused, with a message, on starting and submitting
 * reports of 2026.
 */
@IntegrationTest
class ClosedAgencyWebIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObligationService obligations;

    ReportFixtures fixtures;
    long agency;
    CurrentUser reporter;
    Long draft2026;
    Long report2024;

    @BeforeEach
    void setUp() {
        fixtures = new ReportFixtures(jdbc, obligations);
        agency = jdbc.queryForObject("select id from agency where code = 'UBND-TAM-DUONG'", Long.class);
        reporter = fixtures.reporter(agency);
        report2024 = jdbc.queryForObject("""
                insert into progress_report (agency_id, task_id, year, kind, status, results)
                select ?, id, 2024, 'LEAD', 'DRAFT', 'Kết quả năm 2024' from task where code = '1'
                on conflict (agency_id, task_id, year, kind) do update set results = excluded.results returning id""",
                Long.class, agency);
        // a draft of 2026 started before the reorganisation was recorded
        draft2026 = jdbc.queryForObject("""
                insert into progress_report (agency_id, task_id, year, kind, status, results)
                select ?, id, 2026, 'LEAD', 'DRAFT', 'Bản nháp cũ' from task where code = '1' returning id""", Long.class, agency);
    }

    @AfterEach
    void tearDown() {
        jdbc.update("delete from report_event where report_id in (?, ?)", draft2026, report2024);
        jdbc.update("delete from progress_report where id in (?, ?)", draft2026, report2024);
        obligations.refresh();
        fixtures.cleanup();
    }

    @Test
    void aClosedAgencyOwesNothingFor2026AndIsRefusedWithAMessage() throws Exception {
        mvc.perform(get("/reports").param("year", "2026").with(authentication(ReportFixtures.auth(reporter))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "Cơ quan của bạn đã ngừng hoạt động từ ngày 01/07/2025, nên không có báo cáo nào phải nộp cho năm 2026.")))
                .andExpect(content().string(not(containsString("Bắt đầu báo cáo"))));

        long task3 = jdbc.queryForObject("select id from task where code = '3'", Long.class);
        mvc.perform(post("/reports/contribute").with(csrf()).with(authentication(ReportFixtures.auth(reporter)))
                        .param("task", String.valueOf(task3)).param("year", "2026"))
                .andExpect(flash().attribute("flashError", "report.workflow.agencyClosed"));
        assertThat(jdbc.queryForObject("select count(*) from progress_report where agency_id = ? and year = 2026 and kind = 'CONTRIBUTION'",
                Integer.class, agency)).isZero();

        mvc.perform(post("/reports/" + draft2026 + "/edit").with(csrf()).with(authentication(ReportFixtures.auth(reporter)))
                        .param("version", "0").param("action", "submit").param("implementationStatus", "COMPLETED")
                        .param("percentComplete", "100").param("results", "Đã xong"))
                .andExpect(flash().attribute("flashError", "report.workflow.agencyClosed"));
        assertThat(jdbc.queryForObject("select status || ' ' || results from progress_report where id = ?", String.class, draft2026))
                .isEqualTo("DRAFT Bản nháp cũ");

        mvc.perform(get("/reports/" + report2024).with(authentication(ReportFixtures.auth(reporter))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kết quả năm 2024")));
    }

    @Test
    void theHalfYearReportOf2025SaysWhichPartOfThePeriodItCovers() throws Exception {
        mvc.perform(get("/reports").param("year", "2025").with(authentication(ReportFixtures.auth(reporter))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "Báo cáo cho phần thời gian cơ quan hoạt động trong kỳ: từ 15/12/2024 đến 30/06/2025.")));
        mvc.perform(get("/reports").param("year", "2024").with(authentication(ReportFixtures.auth(reporter))))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Báo cáo cho phần thời gian"))));
    }
}
