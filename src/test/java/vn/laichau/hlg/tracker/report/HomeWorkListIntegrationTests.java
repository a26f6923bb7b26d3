package vn.laichau.hlg.tracker.report;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.laichau.hlg.tracker.period.ObligationService;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * The home page as each role's work list: what a reporter's agency still owes in every year, returned
 * first; the reports that have waited longest for a reviewer; the agencies most behind.
 */
@IntegrationTest
class HomeWorkListIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObligationService obligations;

    ReportFixtures fixtures;
    String unitCode;

    @BeforeEach
    void setUp() {
        fixtures = new ReportFixtures(jdbc, obligations);
        // A unit of its own, so that only this test's agencies are in the reviewer's scope.
        unitCode = "T" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("""
                insert into administrative_unit (code, name, level, parent_id, opened_on)
                select ?, ?, 'COMMUNE', id, date '2024-01-01' from administrative_unit where code = '106'""",
                unitCode, "Xã thử " + unitCode);
    }

    @AfterEach
    void tearDown() {
        fixtures.cleanup();
        jdbc.update("delete from administrative_unit where code = ?", unitCode);
    }

    @Test
    void aReportReturnedInAnEarlierYearIsFirstOnTheReportersHomeOneClickAway() throws Exception {
        long agency = fixtures.agency("UBND", unitCode);
        CurrentUser reporter = fixtures.reporter(agency);
        long returned = report(agency, "1", 2025, "RETURNED", 40);

        String home = mvc.perform(get("/").with(authentication(ReportFixtures.auth(reporter))))
                .andReturn().getResponse().getContentAsString();
        assertThat(home).contains("href=\"/reports/" + returned + "/edit\">Nhiệm vụ 1 năm 2025</a>");
        int returnedAt = home.indexOf("id=\"owed-2025-1\"");
        assertThat(returnedAt).isPositive();
        // Returned first, then everything still owed, the current year's too.
        assertThat(home.indexOf("<li", home.indexOf("id=\"home-obligations\""))).isEqualTo(home.lastIndexOf("<li", returnedAt));
        assertThat(home).contains("id=\"owed-2026-1\"", "id=\"owed-2024-1\"");
        assertThat(home.indexOf("id=\"owed-2024-1\"")).isGreaterThan(returnedAt);
        // Years whose reporting period has not opened yet are not work to do today.
        assertThat(home).doesNotContain("id=\"owed-2027-1\"", "id=\"owed-2030-1\"");
    }

    @Test
    void aReviewerSeesTheOldestWaitingReportsFirstWithDaysWaitingAndTheAgenciesMostBehind() throws Exception {
        long patient = fixtures.agency("UBND", unitCode);
        long recent = fixtures.agency("HOI_LUAT_GIA", unitCode);
        long oldest = report(patient, "1", 2026, "SUBMITTED", 12);
        long newest = report(recent, "1", 2026, "SUBMITTED", 2);
        CurrentUser reviewer = fixtures.reviewer(Role.DISTRICT_REVIEWER, unitCode, null);
        String patientName = jdbc.queryForObject("select name from agency where id = ?", String.class, patient);

        String home = mvc.perform(get("/").with(authentication(ReportFixtures.auth(reviewer))))
                .andReturn().getResponse().getContentAsString();
        assertThat(home).contains("href=\"/review/" + oldest + "\"", "đã chờ 12 ngày", "đã chờ 2 ngày");
        assertThat(home.indexOf("/review/" + oldest + "\"")).isLessThan(home.indexOf("/review/" + newest + "\""));

        mvc.perform(get("/review").with(authentication(ReportFixtures.auth(reviewer))))
                .andExpect(content().string(containsString("đã chờ 12 ngày")));

        // Both agencies owe 2024 and 2025; the association has one report fewer of them overdue.
        report(recent, "1", 2025, "APPROVED", 300);
        long patientOverdue = overdue(patient);
        assertThat(patientOverdue).isGreaterThan(overdue(recent));
        String again = mvc.perform(get("/").with(authentication(ReportFixtures.auth(reviewer))))
                .andReturn().getResponse().getContentAsString();
        int laggards = again.indexOf("id=\"home-laggards\"");
        assertThat(laggards).isPositive();
        assertThat(again.indexOf(patientName, laggards)).isPositive();
        assertThat(again.substring(laggards)).contains(patientOverdue + " báo cáo quá hạn chưa nộp, hạn sớm nhất 14/12/2024");
    }

    private long overdue(long agency) {
        return jdbc.queryForObject("""
                select count(*) from obligation o join reporting_period p on p.year = o.year
                where o.agency_id = ? and p.due_on < current_date
                  and not exists (select 1 from progress_report r where r.agency_id = o.agency_id and r.task_id = o.task_id
                                  and r.year = o.year and r.kind = 'LEAD' and r.status in ('SUBMITTED', 'APPROVED'))""",
                Long.class, agency);
    }

    private long report(long agency, String task, int year, String status, int daysAgo) {
        return jdbc.queryForObject("""
                insert into progress_report (agency_id, task_id, year, kind, status, implementation_status,
                    percent_complete, results, return_reason, first_submitted_at, submitted_at, approved_at)
                select ?, t.id, ?, 'LEAD', ?, 'IN_PROGRESS', 50, 'Kết quả',
                       case when ? = 'RETURNED' then 'Bổ sung số liệu' end,
                       now() - ? * interval '1 day', now() - ? * interval '1 day',
                       case when ? = 'APPROVED' then now() end
                from task t where t.code = ? returning id""", Long.class,
                agency, year, status, status, daysAgo, daysAgo, status, task);
    }
}
