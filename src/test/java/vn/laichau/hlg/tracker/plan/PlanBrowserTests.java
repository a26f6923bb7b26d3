package vn.laichau.hlg.tracker.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.laichau.hlg.tracker.support.Browser;
import vn.laichau.hlg.tracker.support.IntegrationTest;
import vn.laichau.hlg.tracker.support.Totp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newcomer's first visit: the plan as the document has it, then the first administrator's sign-in,
 * the forced password change, and home.
 */
@IntegrationTest
class PlanBrowserTests {

    private static final By SUBMIT = By.cssSelector("main form button[type=submit]");

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void aVisitorFindsTheReviewTaskThenTheFirstAdministratorSignsInAndChoosesAPassword() {
        browser.open("/plan", By.id("task-11.1"));
        assertThat(browser.driver().getTitle()).startsWith("Kế hoạch triển khai Đề án 129");
        assertThat(browser.findAll(By.cssSelector("article.task-card"))).hasSize(16);

        WebElement review = browser.find(By.id("task-11.1"));
        assertThat(review.getText()).contains("Tổ chức sơ kết, tổng kết việc thực hiện Đề án theo giai đoạn",
                "Sơ kết năm 2026, tổng kết năm 2030.");
        // Followed with the keyboard, as someone who cannot use a mouse would.
        browser.follow(review.findElement(By.cssSelector("h2 a")), "/plan/tasks/11\\.1", By.id("milestones"));
        assertThat(browser.text(By.id("milestones"))).contains("Sơ kết: năm 2026", "Tổng kết: năm 2030");

        browser.submit(By.linkText("Đăng nhập"), "/login", By.id("username"));
        browser.type(By.id("username"), "admin");
        browser.type(By.id("password"), "Quan-tri-lan-dau-2024");
        browser.submit(By.cssSelector("form button[type=submit]"), "/account/password", By.id("currentPassword"));
        assertThat(browser.text(By.cssSelector(".alert-warning"))).contains("mật khẩu được cấp lần đầu");

        browser.open("/", "/account/password", By.id("currentPassword"));
        assertThat(browser.currentUrl()).as("nothing else before the password is changed").endsWith("/account/password");

        browser.type(By.id("currentPassword"), "Quan-tri-lan-dau-2024");
        browser.type(By.id("newPassword"), "ngắn");
        browser.type(By.id("confirmPassword"), "ngắn");
        browser.submit(SUBMIT, "/account/password", By.id("newPassword-error"));
        assertThat(browser.text(By.id("newPassword-error"))).contains("ít nhất 12 ký tự");

        browser.type(By.id("currentPassword"), "Quan-tri-lan-dau-2024");
        browser.type(By.id("newPassword"), "sương sớm trên đèo Ô Quy Hồ");
        browser.type(By.id("confirmPassword"), "sương sớm trên đèo Ô Quy Hồ");
        // An administrator must then enrol an authenticator app; the test plays the phone's part.
        browser.submit(SUBMIT, "/account/totp", By.id("totp-secret"));
        String secret = browser.text(By.id("totp-secret"));
        browser.type(By.id("code"), Totp.codeFor(secret));
        browser.submit(SUBMIT, "/account/totp/recovery-codes", By.id("recovery-codes"));
        assertThat(browser.findAll(By.cssSelector("#recovery-codes li"))).hasSize(10);
        browser.submit(By.linkText("Tôi đã cất giữ các mã, tiếp tục"), "/", By.tagName("h1"));

        assertThat(browser.currentUrl()).isEqualTo(browser.url("/"));
        assertThat(browser.text(By.cssSelector("h1"))).isEqualTo("Xin chào, Quản trị hệ thống");
    }
}
