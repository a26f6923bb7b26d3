package vn.laichau.hlg.tracker.report;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import vn.laichau.hlg.tracker.period.ObligationService;
import vn.laichau.hlg.tracker.shared.AuditEvent;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;
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
 * What people are told: in-app notifications for reviewers and reporters, the home page of each role,
 * contributions of coordinating agencies, and the audit trail events of each step.
 */
@IntegrationTest
@RecordApplicationEvents
class ReportNotificationsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObligationService obligations;

    @Autowired
    ApplicationEvents events;

    ReportFixtures fixtures;
    long agency;
    CurrentUser reporter;
    CurrentUser reviewer;

    @BeforeEach
    void setUp() {
        fixtures = new ReportFixtures(jdbc, obligations);
        // 2026: the district closed on 1/7/2025; its UBND cấp xã successors report, and its reviewers oversee them
        fixtures.confirmSuccessors("111");
        agency = fixtures.agency("UBND", "03598");
        reporter = fixtures.reporter(agency);
        reviewer = fixtures.reviewer(Role.DISTRICT_REVIEWER, "111", null);
    }

    @AfterEach
    void tearDown() {
        fixtures.cleanup();
    }

    @Test
    void aSubmissionReachesTheReviewerAndAReturnReachesTheReporterWithAuditEvents() throws Exception {
        mvc.perform(get("/").with(authentication(ReportFixtures.auth(reporter))))
                .andExpect(content().string(containsString("id=\"home-obligations\"")))
                .andExpect(content().string(containsString("Chưa bắt đầu")));
        long id = startAndSubmit();

        mvc.perform(get("/").with(authentication(ReportFixtures.auth(reviewer))))
                .andExpect(content().string(containsString("1 báo cáo đang chờ thẩm định")))
                .andExpect(content().string(containsString("1 thông báo mới")));
        mvc.perform(get("/notifications").with(authentication(ReportFixtures.auth(reviewer))))
                .andExpect(content().string(containsString("đã gửi báo cáo nhiệm vụ 1 năm 2026")));
        mvc.perform(post("/notifications/read").with(csrf()).with(authentication(ReportFixtures.auth(reviewer))));
        mvc.perform(get("/").with(authentication(ReportFixtures.auth(reviewer))))
                .andExpect(content().string(not(containsString("thông báo mới"))));

        mvc.perform(post("/review/" + id + "/return").with(csrf()).with(authentication(ReportFixtures.auth(reviewer)))
                .param("version", String.valueOf(version(id))).param("reason", "Bổ sung ảnh minh chứng"));
        // The badge on every page counts what is unread, for the reporter as for the reviewer.
        mvc.perform(get("/plan").with(authentication(ReportFixtures.auth(reporter))))
                // Read out as words by a hidden text, not as an aria-label on a span, which has no role to name.
                .andExpect(content().string(containsString("<span class=\"visually-hidden\">1 thông báo mới</span>")))
                .andExpect(content().string(not(containsString("aria-label=\"1 thông báo mới\""))));
        mvc.perform(get("/notifications").with(authentication(ReportFixtures.auth(reporter))))
                .andExpect(content().string(containsString("đã trả lại báo cáo nhiệm vụ 1 năm 2026")))
                .andExpect(content().string(containsString("Lý do: Bổ sung ảnh minh chứng")));

        assertThat(events.stream(AuditEvent.class).filter(e -> e.target().equals("report:" + id)).map(AuditEvent::kind))
                .containsExactly("REPORT_SUBMITTED", "REPORT_RETURNED");
        assertThat(events.stream(AuditEvent.class).filter(e -> e.kind().equals("REPORT_RETURNED")).findFirst().orElseThrow().actor())
                .isEqualTo(reviewer.getUsername());
    }

    @Test
    void aReviewersNotificationOpensTheReviewPageAndIsNoLongerNewOnceSomeoneActed() throws Exception {
        CurrentUser colleague = fixtures.reviewer(Role.PROVINCE_REVIEWER, "12", null);
        long id = startAndSubmit();
        mvc.perform(get("/notifications").with(authentication(ReportFixtures.auth(reviewer))))
                .andExpect(content().string(containsString("href=\"/review/" + id + "\"")))
                .andExpect(content().string(containsString(">Mới<")));
        mvc.perform(get("/notifications").with(authentication(ReportFixtures.auth(reporter))))
                .andExpect(content().string(not(containsString("/review/"))));

        // The colleague returns the report without ever opening the notifications.
        mvc.perform(post("/review/" + id + "/return").with(csrf()).with(authentication(ReportFixtures.auth(colleague)))
                .param("version", String.valueOf(version(id))).param("reason", "Bổ sung số liệu"));
        for (CurrentUser someone : new CurrentUser[] {reviewer, colleague}) {
            mvc.perform(get("/notifications").with(authentication(ReportFixtures.auth(someone))))
                    .andExpect(content().string(containsString("href=\"/review/" + id + "\"")))
                    .andExpect(content().string(not(containsString(">Mới<"))));
            mvc.perform(get("/plan").with(authentication(ReportFixtures.auth(someone))))
                    .andExpect(content().string(not(containsString("thông báo mới"))));
        }
        // The agency is told, and the news stays new until it submits again.
        mvc.perform(get("/notifications").with(authentication(ReportFixtures.auth(reporter))))
                .andExpect(content().string(containsString(">Mới<")));
        mvc.perform(post("/reports/" + id + "/edit").with(csrf()).with(authentication(ReportFixtures.auth(reporter)))
                .param("version", String.valueOf(version(id))).param("action", "submit").param("implementationStatus", "COMPLETED")
                .param("percentComplete", "100").param("results", "Hoàn thành kế hoạch, đã bổ sung"));
        assertThat(jdbc.queryForObject("select status from progress_report where id = ?", String.class, id)).isEqualTo("SUBMITTED");
        mvc.perform(get("/notifications").with(authentication(ReportFixtures.auth(reporter))))
                .andExpect(content().string(not(containsString(">Mới<"))));
    }

    @Test
    void aCoordinatingAgencysContributionIsShownToTheLeadAgencyAndTheReviewer() throws Exception {
        long id = startAndSubmit();
        // Task 1 is coordinated by "Hội Luật gia" (every association, any level): here one in the lead's commune.
        long association = fixtures.agency("HOI_LUAT_GIA", "03598");
        CurrentUser contributor = fixtures.reporter(association);
        mvc.perform(get("/reports").param("year", "2026").with(authentication(ReportFixtures.auth(contributor))))
                .andExpect(content().string(containsString("Gửi ý kiến phối hợp")));
        String url = mvc.perform(post("/reports/contribute").with(csrf()).with(authentication(ReportFixtures.auth(contributor)))
                        .param("task", String.valueOf(fixtures.taskId("1"))).param("year", "2026"))
                .andReturn().getResponse().getRedirectedUrl();
        long contribution = Long.parseLong(url.replaceAll("\\D", ""));
        // The hint under the button says where the contribution goes.
        mvc.perform(get("/reports/" + contribution + "/edit").with(authentication(ReportFixtures.auth(contributor))))
                .andExpect(content().string(containsString("bấm “Gửi ý kiến phối hợp” để gửi cơ quan chủ trì nhiệm vụ")))
                .andExpect(content().string(not(containsString("bấm “Gửi báo cáo”"))));
        mvc.perform(post("/reports/" + contribution + "/edit").with(csrf()).with(authentication(ReportFixtures.auth(contributor)))
                        .param("version", "0").param("action", "submit").param("results", "Cử 5 luật gia tham gia nói chuyện pháp luật"))
                .andExpect(flash().attribute("flashSuccess", "report.contributionSent"));

        // Its status says where it went, never that it waits for a review nobody will do.
        mvc.perform(get("/reports/" + contribution).with(authentication(ReportFixtures.auth(contributor))))
                .andExpect(content().string(containsString("Đã gửi cơ quan chủ trì")))
                .andExpect(content().string(not(containsString("chờ thẩm định"))));
        mvc.perform(get("/reports").param("year", "2026").with(authentication(ReportFixtures.auth(contributor))))
                .andExpect(content().string(containsString("Đã gửi cơ quan chủ trì")));
        // The lead agency is notified; the reviewers' queue does not get it.
        mvc.perform(get("/notifications").with(authentication(ReportFixtures.auth(reporter))))
                .andExpect(content().string(containsString("đã gửi ý kiến phối hợp về nhiệm vụ 1 năm 2026")));
        mvc.perform(get("/").with(authentication(ReportFixtures.auth(reviewer))))
                .andExpect(content().string(containsString("1 báo cáo đang chờ thẩm định")));

        mvc.perform(get("/reports/" + id).with(authentication(ReportFixtures.auth(reporter))))
                .andExpect(content().string(containsString("Cử 5 luật gia tham gia nói chuyện pháp luật")));
        mvc.perform(get("/review/" + id).with(authentication(ReportFixtures.auth(reviewer))))
                .andExpect(content().string(containsString("Cử 5 luật gia tham gia nói chuyện pháp luật")));
        CurrentUser stranger = fixtures.reporter(fixtures.agency("UBND", "03595"));
        mvc.perform(get("/reports/" + contribution).with(authentication(ReportFixtures.auth(stranger)))).andExpect(status().isNotFound());
        mvc.perform(get("/notifications").with(authentication(ReportFixtures.auth(stranger))))
                .andExpect(content().string(not(containsString("ý kiến phối hợp"))));

        // The contribution counts in the consolidated report, attributed to the coordinating agency, once
        // the lead report it belongs with is compiled too.
        mvc.perform(post("/review/" + id + "/approve").with(csrf()).with(authentication(ReportFixtures.auth(reviewer)))
                .param("version", String.valueOf(version(id))).param("confirmed", "1"));
        assertThat(jdbc.queryForObject("select status from progress_report where id = ?", String.class, id)).isEqualTo("APPROVED");
        // Since 1/7/2025 the commune reports straight to the province, whose consolidated report compiles it.
        CurrentUser province = fixtures.reviewer(Role.PROVINCE_REVIEWER, "12", null);
        byte[] docx = mvc.perform(get("/exports/consolidated.docx").param("year", "2026")
                        .with(authentication(ReportFixtures.auth(province))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx))) {
            String text = doc.getParagraphs().stream().map(org.apache.poi.xwpf.usermodel.XWPFParagraph::getText)
                    .collect(java.util.stream.Collectors.joining("\n"));
            assertThat(text).contains("- Cử 5 luật gia tham gia nói chuyện pháp luật (", "(cơ quan phối hợp)).",
                    "- Hoàn thành kế hoạch (");
        }
    }

    @Test
    void aContributionIsHiddenFromTheLeadAgencyOfAnotherDistrict() throws Exception {
        long id = startAndSubmit();
        long association = fixtures.agency("HOI_LUAT_GIA", "03598");
        CurrentUser contributor = fixtures.reporter(association);
        String url = mvc.perform(post("/reports/contribute").with(csrf()).with(authentication(ReportFixtures.auth(contributor)))
                        .param("task", String.valueOf(fixtures.taskId("1"))).param("year", "2026"))
                .andReturn().getResponse().getRedirectedUrl();
        long contribution = Long.parseLong(url.replaceAll("\\D", ""));
        mvc.perform(post("/reports/" + contribution + "/edit").with(csrf()).with(authentication(ReportFixtures.auth(contributor)))
                .param("version", "0").param("action", "submit").param("results", "Ý kiến phối hợp của xã Tân Uyên"));

        // The UBND of a commune of another former district leads the same task there, and has started its report.
        long otherLead = fixtures.agency("UBND", "03595");
        CurrentUser otherReporter = fixtures.reporter(otherLead);
        String otherUrl = mvc.perform(post("/reports/start").with(csrf()).with(authentication(ReportFixtures.auth(otherReporter)))
                        .param("obligation", String.valueOf(fixtures.obligation(otherLead, "1", 2026))))
                .andReturn().getResponse().getRedirectedUrl();
        long otherReport = Long.parseLong(otherUrl.replaceAll("\\D", ""));

        mvc.perform(get("/reports/" + contribution).with(authentication(ReportFixtures.auth(otherReporter))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/reports/" + otherReport).with(authentication(ReportFixtures.auth(otherReporter))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Ý kiến phối hợp của xã Tân Uyên"))));
        fixtures.confirmSuccessors("110");
        CurrentUser otherReviewer = fixtures.reviewer(Role.DISTRICT_REVIEWER, "110", null);
        mvc.perform(get("/reports/" + contribution).with(authentication(ReportFixtures.auth(otherReviewer))))
                .andExpect(status().isNotFound());

        // Its author, the lead agency of its district and the reviewers in scope still read it.
        mvc.perform(get("/reports/" + contribution).with(authentication(ReportFixtures.auth(contributor))))
                .andExpect(status().isOk());
        mvc.perform(get("/reports/" + contribution).with(authentication(ReportFixtures.auth(reporter))))
                .andExpect(status().isOk());
        mvc.perform(get("/reports/" + id).with(authentication(ReportFixtures.auth(reporter))))
                .andExpect(content().string(containsString("Ý kiến phối hợp của xã Tân Uyên")));
        mvc.perform(get("/reports/" + contribution).with(authentication(ReportFixtures.auth(reviewer))))
                .andExpect(status().isOk());
    }

    long startAndSubmit() throws Exception {
        String url = mvc.perform(post("/reports/start").with(csrf()).with(authentication(ReportFixtures.auth(reporter)))
                        .param("obligation", String.valueOf(fixtures.obligation(agency, "1", 2026))))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(url.replaceAll("\\D", ""));
        mvc.perform(post("/reports/" + id + "/edit").with(csrf()).with(authentication(ReportFixtures.auth(reporter)))
                .param("version", "0").param("action", "submit").param("implementationStatus", "COMPLETED")
                .param("percentComplete", "100").param("results", "Hoàn thành kế hoạch"));
        return id;
    }

    long version(long id) {
        return jdbc.queryForObject("select version from progress_report where id = ?", Long.class, id);
    }
}
