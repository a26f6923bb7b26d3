package vn.laichau.hlg.tracker.report;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.laichau.hlg.tracker.period.ObligationService;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.support.IntegrationTest;
import vn.laichau.hlg.tracker.support.TestAccounts;
import vn.laichau.hlg.tracker.support.TestSmtp;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.laichau.hlg.tracker.support.TestAccounts.as;

/**
 * Chasing an agency, through the pages, with the application's own mail settings pointed at an
 * in-process SMTP server: an administrator gives a reporter an e-mail address, the reporter follows
 * the verification link that arrives, a province reviewer opens a red cell of the dashboard and
 * presses "Nhắc", and the reminder arrives; a second one within 24 hours is refused with a message.
 */
@IntegrationTest
class AgencyReminderMailIntegrationTests {

    /** On the port the one test context sends its mail to. */
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(TestSmtp.PORT, TestSmtp.HOST, ServerSetup.PROTOCOL_SMTP));

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObligationService obligations;

    @Autowired
    TestAccounts accounts;

    ReportFixtures fixtures;
    long agency;
    final List<Long> created = new java.util.ArrayList<>();

    @BeforeEach
    void setUp() {
        fixtures = new ReportFixtures(jdbc, obligations);
        agency = fixtures.agency("UBND", "03390");
    }

    @AfterEach
    void tearDown() {
        jdbc.update("delete from agency_reminder where agency_id = ?", agency);
        for (Long id : created) {
            jdbc.update("delete from notification_read where account_id = ?", id);
            jdbc.update("delete from account where id = ?", id);
        }
        fixtures.cleanup();
    }

    @Test
    void aReviewerRemindsAnAgencyFromARedCellAndTheVerifiedAddressGetsTheMail() throws Exception {
        CurrentUser admin = accounts.create("qt.thu", Role.ADMIN, null, null);
        String address = "can.bo." + agency + "@binhlu.example.vn";
        String username = "nhac.thu." + agency;

        // The administrator creates the reporter with an e-mail address: a verification mail goes out.
        mvc.perform(post("/admin/accounts").with(as(admin)).with(csrf())
                        .param("username", username).param("displayName", "Lò Thị Nhắc").param("role", "REPORTER")
                        .param("agencyId", String.valueOf(agency)).param("unitId", "").param("version", "")
                        .param("email", "  " + address.replace("example.vn", "EXAMPLE.VN") + " "))
                .andExpect(status().is3xxRedirection());
        long reporterId = jdbc.queryForObject("select id from account where username = ?", Long.class, username);
        created.add(reporterId);
        assertThat(jdbc.queryForObject("select email from account where id = ?", String.class, reporterId)).isEqualTo(address);
        CurrentUser reporter = new CurrentUser(reporterId, username, null, "Lò Thị Nhắc", Role.REPORTER, agency, null,
                true, false, false, false);
        // A second reporter of the agency whose address was never verified gets nothing.
        CurrentUser unverified = fixtures.reporter(agency);
        jdbc.update("update account set email = ?, email_verified_at = null where id = ?", "chua.xac.nhan@binhlu.example.vn",
                unverified.id());

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage verification = smtp.getReceivedMessages()[0];
        assertThat(verification.getAllRecipients()[0].toString()).isEqualTo(address);
        assertThat(verification.getSubject()).isEqualTo("[Đề án 129] Xác nhận địa chỉ thư điện tử");
        Matcher link = Pattern.compile("(http\\S+/account/email/verify\\?token=\\S+)").matcher((String) verification.getContent());
        assertThat(link.find()).isTrue();
        URI verify = URI.create(link.group(1).strip());
        String token = verify.getQuery().substring("token=".length());

        // A link whose signature was altered is refused; the real one verifies the address.
        mvc.perform(get("/account/email/verify").param("token", token.substring(0, token.length() - 2) + "xx").with(as(reporter)))
                .andExpect(content().string(containsString("Đường dẫn xác nhận không hợp lệ")));
        mvc.perform(get("/account/email/verify").param("token", token).with(as(reporter)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đã xác nhận địa chỉ thư điện tử")));
        mvc.perform(get("/account").with(as(reporter)))
                .andExpect(content().string(containsString(address)))
                .andExpect(content().string(containsString("đã xác nhận")));

        // The province reviewer: the red cell of the agency is a link to its obligations, with "Nhắc".
        CurrentUser reviewer = fixtures.reviewer(Role.PROVINCE_REVIEWER, "12", null);
        String dashboard = mvc.perform(get("/dashboard").param("year", "2026").param("unit", String.valueOf(fixtures.unitId("03390")))
                        .with(as(reviewer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher cell = Pattern.compile("<a class=\"cell cell-missing[a-z -]*\" href=\"/dashboard/agencies/" + agency
                + "\\?year=2026#task-([0-9.]+)\">").matcher(dashboard);
        assertThat(cell.find()).as("a red cell of the agency that links to its obligation").isTrue();
        String taskCode = cell.group(1);
        long taskId = fixtures.taskId(taskCode);
        mvc.perform(get("/dashboard/agencies/{id}", agency).param("year", "2026").with(as(reviewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"task-" + taskCode + "\"")))
                .andExpect(content().string(containsString("/dashboard/agencies/" + agency + "/remind?year=2026&amp;task=" + taskId)));

        smtp.reset();
        mvc.perform(post("/dashboard/agencies/{id}/remind", agency).param("year", "2026").param("task", String.valueOf(taskId))
                        .with(as(reviewer)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("reminderSent", "Đã nhắc 1 báo cáo (nhiệm vụ " + taskCode + "); 1 thư điện tử đã gửi đi."));

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()).extracting(Object::toString).containsExactly(address);
        assertThat(received[0].getSubject()).isEqualTo("[Đề án 129] Nhắc nộp báo cáo năm 2026");
        assertThat((String) received[0].getContent()).contains("Nhiệm vụ " + taskCode + ":");

        // Within 24 hours the same obligation is not reminded again, and the page says until when.
        mvc.perform(post("/dashboard/agencies/{id}/remind", agency).param("year", "2026").param("task", String.valueOf(taskId))
                        .with(as(reviewer)).with(csrf()))
                .andExpect(flash().attribute("reminderRefused", org.hamcrest.Matchers.startsWith(
                        "Chưa nhắc được: cơ quan đã được nhắc về báo cáo này trong 24 giờ qua. Có thể nhắc lại từ ")));
        assertThat(smtp.waitForIncomingEmail(1_000, 2)).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from agency_reminder where agency_id = ?", Integer.class, agency)).isEqualTo(1);

        // The reporter sees it among its notifications; the audit trail says it in words.
        mvc.perform(get("/notifications").with(as(reporter)))
                .andExpect(content().string(containsString("nhắc")))
                .andExpect(content().string(containsString("nộp báo cáo nhiệm vụ " + taskCode + " năm 2026")));
        mvc.perform(get("/admin/audit").param("kind", "REPORT_REMINDER_SENT").with(as(admin)))
                .andExpect(content().string(containsString("Nhắc cơ quan nộp báo cáo")))
                .andExpect(content().string(containsString("Năm 2026, nhiệm vụ " + taskCode + "; 1 người nhận thư điện tử")))
                .andExpect(content().string(not(containsString("agency:" + agency))));
    }

    @Test
    void aDistrictReviewerCannotRemindAnAgencyOutsideItsScopeAndAViewerCannotRemindAtAll() throws Exception {
        CurrentUser outside = fixtures.reviewer(Role.DISTRICT_REVIEWER, "105", null);
        mvc.perform(post("/dashboard/agencies/{id}/remind", agency).param("year", "2026").with(as(outside)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/dashboard/agencies/{id}", agency).param("year", "2026").with(as(outside)))
                .andExpect(status().isNotFound());
        CurrentUser viewer = fixtures.reviewer(Role.VIEWER, "12", null);
        mvc.perform(get("/dashboard/agencies/{id}", agency).param("year", "2026").with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/remind"))));
        mvc.perform(post("/dashboard/agencies/{id}/remind", agency).param("year", "2026").with(as(viewer)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from agency_reminder where agency_id = ?", Integer.class, agency)).isZero();
    }

    @Test
    void aMistypedAddressComesBackWithAMessageNextToTheField() throws Exception {
        CurrentUser reporter = fixtures.reporter(agency);
        mvc.perform(post("/account/email").param("email", "canbo@khong-co-dau-cham").with(as(reporter)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"canbo@khong-co-dau-cham\"")))
                .andExpect(content().string(containsString("Địa chỉ thư điện tử không đúng dạng")));
        assertThat(jdbc.queryForObject("select email from account where id = ?", String.class, reporter.id())).isNull();
        assertThat(Arrays.asList(smtp.getReceivedMessages())).isEmpty();
    }
}
