package vn.laichau.hlg.tracker.report;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.laichau.hlg.tracker.period.ObligationService;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every workflow step through the web layer, with the scope and role checks around it. */
@IntegrationTest
class ReportWorkflowWebIntegrationTests {

    static final int YEAR = 2026;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObligationService obligations;

    ReportFixtures fixtures;
    long agency;
    CurrentUser reporter;
    CurrentUser districtReviewer;
    CurrentUser provinceReviewer;

    @BeforeEach
    void setUp() {
        fixtures = new ReportFixtures(jdbc, obligations);
        // 2026: the district closed on 1/7/2025; its UBND cấp xã successors report, and its reviewers oversee them
        fixtures.confirmSuccessors("106");
        agency = fixtures.agency("UBND", "03390");
        reporter = fixtures.reporter(agency);
        districtReviewer = fixtures.reviewer(Role.DISTRICT_REVIEWER, "106", null);
        provinceReviewer = fixtures.reviewer(Role.PROVINCE_REVIEWER, "12", null);
    }

    @AfterEach
    void tearDown() {
        fixtures.cleanup();
    }

    @Test
    void theReporterSeesWhatItsAgencyOwesWithTheDueDate() throws Exception {
        mvc.perform(get("/reports").param("year", String.valueOf(YEAR)).with(authentication(ReportFixtures.auth(reporter))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("obligation-1")))
                .andExpect(content().string(containsString("Hạn nộp 14/12/2026")))
                .andExpect(content().string(containsString("Bắt đầu báo cáo")));
    }

    @Test
    void aReportGoesThroughItsWholeLifeAndIsLockedWhenApproved() throws Exception {
        long id = start();
        long indicator = jdbc.queryForObject("select id from indicator where code = 'PBGDPL_SESSIONS'", Long.class);
        String indicatorName = jdbc.queryForObject("select name from indicator where id = ?", String.class, indicator);
        MvcResult saved = mvc.perform(form(post("/reports/" + id + "/edit"), reporter, 0)
                        .param("action", "save")
                        .param("results", "Tổ chức 12 hội nghị")
                        .param("budgetPlanned", "15.000.000")
                        .param("budgetOtherPlanned", "2.500.000")
                        .param("budgetOtherSpent", "2500000")
                        .param("documentsIssued", "Kế hoạch số 7/KH-HLG ngày 10/01/2026")
                        .param("indicators[" + indicator + "]", "1250"))
                .andExpect(redirectedUrl("/reports/" + id + "/edit"))
                .andExpect(flash().attribute("flashSuccess", "report.saved"))
                .andReturn();
        assertThat(saved.getResponse().getStatus()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select budget_planned from progress_report where id = ?", Long.class, id)).isEqualTo(15_000_000L);
        assertThat(jdbc.queryForObject("select budget_other_planned + budget_other_spent from progress_report where id = ?",
                Long.class, id)).isEqualTo(5_000_000L);
        mvc.perform(get("/reports/" + id + "/edit").with(authentication(ReportFixtures.auth(reporter))))
                .andExpect(content().string(containsString("value=\"2.500.000\"")))
                .andExpect(content().string(containsString("Kế hoạch số 7/KH-HLG ngày 10/01/2026")));

        submit(id, 1);
        assertThat(statusOf(id)).isEqualTo("SUBMITTED");
        mvc.perform(get("/review").with(authentication(ReportFixtures.auth(districtReviewer))))
                .andExpect(content().string(containsString("/review/" + id)));

        mvc.perform(post("/review/" + id + "/return").with(csrf()).with(authentication(ReportFixtures.auth(districtReviewer)))
                        .param("version", String.valueOf(version(id))).param("reason", "   "))
                .andExpect(flash().attribute("flashError", "report.workflow.reasonRequired"));
        mvc.perform(post("/review/" + id + "/return").with(csrf()).with(authentication(ReportFixtures.auth(districtReviewer)))
                        .param("version", String.valueOf(version(id))).param("reason", "Thiếu số liệu người tham dự"))
                .andExpect(flash().attribute("flashSuccess", "report.returned"));
        assertThat(statusOf(id)).isEqualTo("RETURNED");
        mvc.perform(get("/reports/" + id + "/edit").with(authentication(ReportFixtures.auth(reporter))))
                .andExpect(content().string(containsString("Thiếu số liệu người tham dự")));

        submit(id, version(id));
        mvc.perform(post("/review/" + id + "/approve").with(csrf()).param("confirmed", "1").with(authentication(ReportFixtures.auth(districtReviewer)))
                        .param("version", String.valueOf(version(id))))
                .andExpect(flash().attribute("flashSuccess", "report.approved"));
        assertThat(statusOf(id)).isEqualTo("APPROVED");

        mvc.perform(form(post("/reports/" + id + "/edit"), reporter, version(id)).param("action", "save").param("results", "khác"))
                .andExpect(redirectedUrl("/reports/" + id))
                .andExpect(flash().attribute("flashError", "report.workflow.locked"));
        assertThat(jdbc.queryForObject("select results from progress_report where id = ?", String.class, id)).isEqualTo("Tổ chức 12 hội nghị");

        mvc.perform(get("/reports/" + id).with(authentication(ReportFixtures.auth(reporter))))
                .andExpect(content().string(containsString("đã trả lại báo cáo")))
                .andExpect(content().string(containsString("Lý do: Thiếu số liệu người tham dự")))
                // The history in words: labels, names and Vietnamese numbers, not codes.
                .andExpect(content().string(containsString("Ngân sách nhà nước — dự toán: — → 15.000.000 đồng")))
                .andExpect(content().string(containsString("Tình hình thực hiện: — → Đang triển khai")))
                .andExpect(content().string(containsString("Tỷ lệ hoàn thành: — → 60%")))
                .andExpect(content().string(containsString(indicatorName + ": — → 1.250")))
                .andExpect(content().string(not(containsString("IN_PROGRESS"))))
                .andExpect(content().string(not(containsString("chỉ tiêu số"))));
        assertThat(jdbc.queryForObject("select count(*) from report_event where report_id = ? and action in ('SUBMITTED','RETURNED','APPROVED')",
                Integer.class, id)).isEqualTo(4);
    }

    @Test
    void approvalIsConfirmedOnAPageOfItsOwnBeforeAnythingChanges() throws Exception {
        long id = start();
        submit(id, 0);
        // The review page's button leads to the confirmation page, not straight to the approval.
        mvc.perform(get("/review/" + id).with(authentication(ReportFixtures.auth(districtReviewer))))
                .andExpect(content().string(containsString("href=\"/review/" + id + "/approve\"")));
        mvc.perform(get("/review/" + id + "/approve").with(authentication(ReportFixtures.auth(districtReviewer))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Xác nhận duyệt báo cáo")))
                .andExpect(content().string(containsString("name=\"confirmed\" value=\"1\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        // A post without the confirmation asks for it and approves nothing.
        mvc.perform(post("/review/" + id + "/approve").with(csrf()).with(authentication(ReportFixtures.auth(districtReviewer)))
                        .param("version", String.valueOf(version(id))))
                .andExpect(redirectedUrl("/review/" + id + "/approve"));
        assertThat(statusOf(id)).isEqualTo("SUBMITTED");
        mvc.perform(post("/review/" + id + "/approve").with(csrf()).param("confirmed", "1")
                        .with(authentication(ReportFixtures.auth(districtReviewer))).param("version", String.valueOf(version(id))))
                .andExpect(redirectedUrl("/review/" + id))
                .andExpect(flash().attribute("flashSuccess", "report.approved"));
        assertThat(statusOf(id)).isEqualTo("APPROVED");
        // Once approved, the confirmation page leads back to the review page.
        mvc.perform(get("/review/" + id + "/approve").with(authentication(ReportFixtures.auth(districtReviewer))))
                .andExpect(redirectedUrl("/review/" + id));
    }

    @Test
    void aReviewerOfTheUnitReopensAnApprovedReportAndOnlyWithAReason() throws Exception {
        long id = start();
        submit(id, 0);
        mvc.perform(post("/review/" + id + "/approve").with(csrf()).param("confirmed", "1").with(authentication(ReportFixtures.auth(districtReviewer)))
                .param("version", String.valueOf(version(id))));
        CurrentUser otherDistrict = fixtures.reviewer(Role.DISTRICT_REVIEWER, "109", null);
        mvc.perform(post("/review/" + id + "/reopen").with(csrf()).with(authentication(ReportFixtures.auth(otherDistrict)))
                        .param("version", String.valueOf(version(id))).param("reason", "Sai số"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/review/" + id).with(authentication(ReportFixtures.auth(districtReviewer))))
                .andExpect(content().string(containsString("id=\"reopen\"")));
        mvc.perform(post("/review/" + id + "/reopen").with(csrf()).with(authentication(ReportFixtures.auth(districtReviewer)))
                        .param("version", String.valueOf(version(id))).param("reason", "  "))
                .andExpect(flash().attribute("flashError", "report.workflow.reasonRequired"));
        assertThat(statusOf(id)).isEqualTo("APPROVED");
        mvc.perform(post("/review/" + id + "/reopen").with(csrf()).with(authentication(ReportFixtures.auth(districtReviewer)))
                        .param("version", String.valueOf(version(id))).param("reason", "Sai số liệu kinh phí"))
                .andExpect(flash().attribute("flashSuccess", "report.reopened"));
        assertThat(statusOf(id)).isEqualTo("RETURNED");
    }

    @Test
    void nobodyOutsideTheScopeSeesOrActsOnTheReport() throws Exception {
        long id = start();
        submit(id, 0);
        CurrentUser otherDistrict = fixtures.reviewer(Role.DISTRICT_REVIEWER, "109", null);
        CurrentUser otherReporter = fixtures.reporter(fixtures.agency("UBND", "109"));

        mvc.perform(get("/review/" + id).with(authentication(ReportFixtures.auth(otherDistrict)))).andExpect(status().isNotFound());
        mvc.perform(post("/review/" + id + "/approve").with(csrf()).param("confirmed", "1").with(authentication(ReportFixtures.auth(otherDistrict)))
                .param("version", String.valueOf(version(id)))).andExpect(status().isNotFound());
        mvc.perform(get("/reports/" + id).with(authentication(ReportFixtures.auth(otherReporter)))).andExpect(status().isNotFound());
        mvc.perform(get("/reports/" + id + "/edit").with(authentication(ReportFixtures.auth(otherReporter)))).andExpect(status().isNotFound());
        mvc.perform(post("/review/" + id + "/approve").with(csrf()).param("confirmed", "1").with(authentication(ReportFixtures.auth(reporter)))
                .param("version", String.valueOf(version(id)))).andExpect(status().isForbidden());
        mvc.perform(post("/reports/start").with(csrf()).with(authentication(ReportFixtures.auth(otherReporter)))
                .param("obligation", String.valueOf(fixtures.obligation(agency, "1", YEAR)))).andExpect(status().isNotFound());
        mvc.perform(get("/review").with(authentication(ReportFixtures.auth(otherDistrict))))
                .andExpect(content().string(not(containsString("/review/" + id + "\""))));
        assertThat(statusOf(id)).isEqualTo("SUBMITTED");
    }

    @Test
    void theQueueFiltersByUnitTaskAndStatus() throws Exception {
        long id = start();
        submit(id, 0);
        var reviewer = authentication(ReportFixtures.auth(provinceReviewer));
        mvc.perform(get("/review").with(reviewer))
                .andExpect(content().string(containsString("Huyện Phong Thổ")))
                .andExpect(content().string(containsString("href=\"/review/" + id + "\"")));
        mvc.perform(get("/review").param("unit", String.valueOf(fixtures.unitId("109"))).with(reviewer))
                .andExpect(content().string(not(containsString("href=\"/review/" + id + "\""))));
        mvc.perform(get("/review").param("task", String.valueOf(fixtures.taskId("2"))).with(reviewer))
                .andExpect(content().string(not(containsString("href=\"/review/" + id + "\""))));
        mvc.perform(get("/review").param("status", "APPROVED").param("year", String.valueOf(YEAR)).with(reviewer))
                .andExpect(content().string(not(containsString("href=\"/review/" + id + "\""))));
        mvc.perform(get("/review").param("unit", String.valueOf(fixtures.unitId("03390"))).param("task", String.valueOf(fixtures.taskId("1")))
                        .param("year", String.valueOf(YEAR)).with(reviewer))
                .andExpect(content().string(containsString("href=\"/review/" + id + "\"")));
    }

    @Test
    void aReviewerCannotApproveAReportOfItsOwnAgency() throws Exception {
        long id = start();
        submit(id, 0);
        CurrentUser colleague = fixtures.reviewer(Role.DISTRICT_REVIEWER, "106", agency);
        mvc.perform(post("/review/" + id + "/approve").with(csrf()).param("confirmed", "1").with(authentication(ReportFixtures.auth(colleague)))
                        .param("version", String.valueOf(version(id))))
                .andExpect(flash().attribute("flashError", "report.workflow.ownAgency"));
        assertThat(statusOf(id)).isEqualTo("SUBMITTED");
    }

    @Test
    void whenTwoReviewersActAtOnceExactlyOneSucceedsAndTheOtherIsTold() throws Exception {
        long id = start();
        submit(id, 0);
        long version = version(id);
        CountDownLatch ready = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> approve = () -> {
                ready.await();
                return mvc.perform(post("/review/" + id + "/approve").with(csrf()).param("confirmed", "1")
                        .with(authentication(ReportFixtures.auth(districtReviewer))).param("version", String.valueOf(version)))
                        .andReturn().getResponse().getStatus();
            };
            Callable<Integer> giveBack = () -> {
                ready.await();
                return mvc.perform(post("/review/" + id + "/return").with(csrf())
                        .with(authentication(ReportFixtures.auth(provinceReviewer))).param("version", String.valueOf(version))
                        .param("reason", "Cần bổ sung"))
                        .andReturn().getResponse().getStatus();
            };
            List<Future<Integer>> results = new ArrayList<>(List.of(pool.submit(approve), pool.submit(giveBack)));
            ready.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(302, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(statusOf(id)).isIn("APPROVED", "RETURNED");
        assertThat(jdbc.queryForObject("select count(*) from report_event where report_id = ? and action in ('APPROVED','RETURNED')",
                Integer.class, id)).isEqualTo(1);
        mvc.perform(post("/review/" + id + "/approve").with(csrf()).param("confirmed", "1").with(authentication(ReportFixtures.auth(districtReviewer)))
                        .param("version", String.valueOf(version)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Một cán bộ thẩm định khác vừa duyệt")));
    }

    @Test
    void badNumbersComeBackWithTheirMessagesAndNothingIsSaved() throws Exception {
        long id = start();
        long indicator = jdbc.queryForObject("select id from indicator where code = 'PBGDPL_SESSIONS'", Long.class);
        mvc.perform(form(post("/reports/" + id + "/edit"), reporter, 0)
                        .param("action", "submit")
                        .param("implementationStatus", "IN_PROGRESS")
                        .param("percentComplete", "150")
                        .param("results", "Kết quả đã làm được")
                        .param("budgetPlanned", "-5")
                        .param("budgetSpent", "900.000.000.000")
                        .param("budgetOtherPlanned", "ba triệu")
                        .param("budgetOtherSpent", "-1")
                        .param("documentsIssued", "Kế hoạch số 7/KH-HLG")
                        .param("indicators[" + indicator + "]", "mười hai"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"percentComplete-error\">Tỷ lệ hoàn thành không được lớn hơn 100.")))
                .andExpect(content().string(containsString("id=\"budgetPlanned-error\">Số không được âm.")))
                .andExpect(content().string(containsString("id=\"budgetSpent-error\">Số tiền quá lớn")))
                .andExpect(content().string(containsString("id=\"budgetOtherPlanned-error\">Chỉ ghi số nguyên")))
                .andExpect(content().string(containsString("value=\"ba triệu\"")))
                .andExpect(content().string(containsString("id=\"budgetOtherSpent-error\">Số không được âm.")))
                .andExpect(content().string(containsString("Kế hoạch số 7/KH-HLG")))
                .andExpect(content().string(containsString("id=\"indicator-" + indicator + "-error\">Chỉ ghi số nguyên")))
                .andExpect(content().string(containsString("value=\"mười hai\"")))
                .andExpect(content().string(containsString("Kết quả đã làm được")));
        assertThat(statusOf(id)).isEqualTo("DRAFT");
        assertThat(jdbc.queryForObject("select results from progress_report where id = ?", String.class, id)).isNull();

        mvc.perform(form(post("/reports/" + id + "/edit"), reporter, 0).param("action", "submit"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"implementationStatus-error\"")))
                .andExpect(content().string(containsString("id=\"results-error\">Vui lòng ghi kết quả thực hiện")));
    }

    @Test
    void aStaleSaveShowsBothVersionsAndKeepsWhatWasTyped() throws Exception {
        long id = start();
        mvc.perform(form(post("/reports/" + id + "/edit"), reporter, 0).param("action", "save").param("results", "Bản của đồng nghiệp"));
        mvc.perform(form(post("/reports/" + id + "/edit"), reporter, 0).param("action", "save").param("results", "Bản của tôi"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Có người khác vừa lưu báo cáo này.")))
                .andExpect(content().string(containsString("Bản của tôi")))
                .andExpect(content().string(containsString("Bản của đồng nghiệp")));
        assertThat(jdbc.queryForObject("select results from progress_report where id = ?", String.class, id)).isEqualTo("Bản của đồng nghiệp");
    }

    @Test
    void aClosedPeriodRefusesEditsUnlessReopenedForTheAgency() throws Exception {
        long id = start();
        int year = YEAR;
        jdbc.update("update reporting_period set closed_at = now() where year = ?", year);
        try {
            mvc.perform(form(post("/reports/" + id + "/edit"), reporter, 0).param("action", "save").param("results", "x"))
                    .andExpect(flash().attribute("flashError", "report.workflow.periodClosed"));
            mvc.perform(post("/admin/periods/" + year + "/reopen").with(csrf()).with(authentication(ReportFixtures.auth(provinceReviewer)))
                            .param("agencyId", String.valueOf(agency)).param("openUntil", "2099-01-01").param("reason", "Bổ sung"))
                    .andExpect(flash().attribute("flashSuccess", "period.reopened"));
            mvc.perform(form(post("/reports/" + id + "/edit"), reporter, 0).param("action", "save").param("results", "x"))
                    .andExpect(flash().attribute("flashSuccess", "report.saved"));
        } finally {
            jdbc.update("update reporting_period set closed_at = null where year = ?", year);
        }
    }

    long start() throws Exception {
        MvcResult result = mvc.perform(post("/reports/start").with(csrf()).with(authentication(ReportFixtures.auth(reporter)))
                        .param("obligation", String.valueOf(fixtures.obligation(agency, "1", YEAR))))
                .andReturn();
        String url = result.getResponse().getRedirectedUrl();
        assertThat(url).matches("/reports/\\d+/edit");
        return Long.parseLong(url.replaceAll("\\D", ""));
    }

    void submit(long id, long version) throws Exception {
        mvc.perform(form(post("/reports/" + id + "/edit"), reporter, version)
                        .param("action", "submit")
                        .param("implementationStatus", "IN_PROGRESS")
                        .param("percentComplete", "60")
                        .param("results", "Tổ chức 12 hội nghị")
                        .param("budgetPlanned", "15.000.000"))
                .andExpect(redirectedUrl("/reports/" + id))
                .andExpect(flash().attribute("flashSuccess", "report.submitted"));
    }

    MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, CurrentUser user, long version) {
        return request.with(csrf()).with(authentication(ReportFixtures.auth(user))).param("version", String.valueOf(version));
    }

    String statusOf(long id) {
        return jdbc.queryForObject("select status from progress_report where id = ?", String.class, id);
    }

    long version(long id) {
        return jdbc.queryForObject("select version from progress_report where id = ?", Long.class, id);
    }
}
