package vn.laichau.hlg.tracker.report;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import vn.laichau.hlg.tracker.period.ObligationService;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import java.time.LocalDate;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Reminders by e-mail, against an in-process SMTP server: on the right days, one digest a day at most. */
@IntegrationTest
class ReminderIntegrationTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    Reminders reminders;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObligationService obligations;

    ReportFixtures fixtures;
    String address;
    JavaMailSenderImpl sender;

    @BeforeEach
    void setUp() {
        fixtures = new ReportFixtures(jdbc, obligations);
        long agency = fixtures.agency("UBND", "03549");
        address = "canbo." + agency + "@phongtho.example.vn";
        fixtures.account(Role.REPORTER, agency, null, address);
        sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(smtp.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
    }

    @AfterEach
    void tearDown() {
        fixtures.cleanup();
    }

    @Test
    void fourteenAndThreeDaysBeforeTheDueDateOneDigestADay() throws Exception {
        reminders.send(LocalDate.of(2026, 11, 30), sender);
        reminders.send(LocalDate.of(2026, 11, 30), sender);
        assertThat(to(address)).hasSize(1);
        MimeMessage digest = to(address)[0];
        assertThat(digest.getSubject()).contains("Nhắc hạn báo cáo");
        assertThat(String.valueOf(digest.getContent())).contains("Nhiệm vụ 1 (năm 2026)", "hạn nộp 14/12/2026, còn 14 ngày");

        reminders.send(LocalDate.of(2026, 12, 1), sender);
        assertThat(to(address)).as("no reminder 13 days before").hasSize(1);

        reminders.send(LocalDate.of(2026, 12, 11), sender);
        assertThat(to(address)).hasSize(2);
        reminders.send(LocalDate.of(2026, 12, 15), sender);
        assertThat(to(address)).as("overdue the day after").hasSize(3);
        assertThat(String.valueOf(to(address)[2].getContent())).contains("đã quá hạn 1 ngày");
    }

    @Test
    void noReminderOnceTheReportIsSubmitted() throws Exception {
        jdbc.update("""
                insert into progress_report (agency_id, task_id, year, status, first_submitted_at, submitted_at)
                select agency_id, task_id, year, 'SUBMITTED', now(), now() from obligation o
                where o.agency_id = (select agency_id from account where email = ?) and o.year = 2026""", address);
        reminders.send(LocalDate.of(2026, 11, 30), sender);
        assertThat(to(address)).isEmpty();
    }

    MimeMessage[] to(String recipient) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(recipient);
            } catch (Exception e) {
                return false;
            }
        }).toArray(MimeMessage[]::new);
    }
}
