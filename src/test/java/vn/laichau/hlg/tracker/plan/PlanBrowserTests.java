package vn.laichau.hlg.tracker.plan;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.laichau.hlg.tracker.support.Browser;
import vn.laichau.hlg.tracker.support.Totp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newcomer's first visit: the plan as the document has it, then the first administrator's sign-in,
 * the forced password change, and home.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PlanBrowserTests {

    @LocalServerPort
    int port;

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aVisitorFindsTheReviewTaskThenTheFirstAdministratorSignsInAndChoosesAPassword() {
        browser.get(url("/plan"));
        assertThat(browser.getTitle()).startsWith("Kế hoạch triển khai Đề án 129");
        assertThat(browser.findElements(By.cssSelector("article.task-card"))).hasSize(16);

        WebElement review = browser.findElement(By.id("task-11.1"));
        assertThat(review.getText()).contains("Tổ chức sơ kết, tổng kết việc thực hiện Đề án theo giai đoạn",
                "Sơ kết năm 2026, tổng kết năm 2030.");
        // Followed with the keyboard, as someone who cannot use a mouse would.
        review.findElement(By.cssSelector("h2 a")).sendKeys(Keys.ENTER);

        assertThat(browser.getCurrentUrl()).endsWith("/plan/tasks/11.1");
        assertThat(browser.findElement(By.id("milestones")).getText()).contains("Sơ kết: năm 2026", "Tổng kết: năm 2030");

        browser.findElement(By.linkText("Đăng nhập")).click();
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("Quan-tri-lan-dau-2024");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();

        assertThat(browser.getCurrentUrl()).endsWith("/account/password");
        assertThat(browser.findElement(By.cssSelector(".alert-warning")).getText()).contains("mật khẩu được cấp lần đầu");

        browser.get(url("/"));
        assertThat(browser.getCurrentUrl()).as("nothing else before the password is changed").endsWith("/account/password");

        browser.findElement(By.id("currentPassword")).sendKeys("Quan-tri-lan-dau-2024");
        browser.findElement(By.id("newPassword")).sendKeys("ngắn");
        browser.findElement(By.id("confirmPassword")).sendKeys("ngắn");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(browser.findElement(By.id("newPassword-error")).getText()).contains("ít nhất 12 ký tự");

        browser.findElement(By.id("currentPassword")).sendKeys("Quan-tri-lan-dau-2024");
        browser.findElement(By.id("newPassword")).sendKeys("sương sớm trên đèo Ô Quy Hồ");
        browser.findElement(By.id("confirmPassword")).sendKeys("sương sớm trên đèo Ô Quy Hồ");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        // An administrator must then enrol an authenticator app; the test plays the phone's part.
        assertThat(browser.getCurrentUrl()).endsWith("/account/totp");
        String secret = browser.findElement(By.id("totp-secret")).getText();
        browser.findElement(By.id("code")).sendKeys(Totp.codeFor(secret));
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(browser.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
        browser.findElement(By.linkText("Tôi đã cất giữ các mã, tiếp tục")).click();

        assertThat(browser.getCurrentUrl()).isEqualTo(url("/"));
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("Xin chào, Quản trị hệ thống");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
