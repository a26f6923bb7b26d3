package vn.laichau.hlg.tracker.dashboard;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import vn.laichau.hlg.tracker.support.Browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A province reviewer answers "who has not reported?" from the dashboard: opens it for the year, follows
 * a red (overdue) cell to the report, and downloads the workbook and the consolidated report.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DashboardBrowserTests {

    private static final String USERNAME = "fxd.browser";
    private static final String PASSWORD = "Bang-theo-doi-2038";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;

    private ChromeDriver browser;
    private DashboardFixture fx;

    @BeforeEach
    void setUp() {
        browser = Browser.start();
        fx = DashboardFixture.ensure(jdbc);
        jdbc.update("""
                insert into account (username, display_name, password_hash, role, unit_id, must_change_password)
                values (?, 'Cán bộ thẩm định (kiểm thử)', ?, 'PROVINCE_REVIEWER', ?, false)
                on conflict (username) do nothing""", USERNAME, passwordEncoder.encode(PASSWORD), fx.province);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aProvinceReviewerFollowsARedCellToItsReportAndDownloadsBothExports() throws Exception {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(USERNAME);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();

        browser.findElement(By.linkText("Bảng theo dõi")).click();
        assertThat(browser.getCurrentUrl()).contains("/dashboard");
        new Select(browser.findElement(By.id("year"))).selectByVisibleText("2038");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("Tỉnh Kiểm Thử — tình hình thực hiện năm 2038");
        assertThat(browser.findElement(By.id("sum-overdue")).getText()).isEqualTo("3");
        // Task 5's column in words: who has not handed in, and who has.
        WebElement taskFive = browser.findElement(By.id("task-row-5"));
        assertThat(taskFive.getText()).contains("4", "2");

        List<WebElement> red = browser.findElements(By.cssSelector("#matrix-table a.cell-overdue"));
        assertThat(red).isNotEmpty();
        WebElement first = red.get(0);
        assertThat(first.getText()).endsWith("!");
        String target = first.getAttribute("href");
        assertThat(target).matches(".*/reports/(" + fx.draftReport + "|" + fx.returnedReport + ")$");
        assertThat(browser.findElements(By.cssSelector("#matrix-table span.cell-overdue")))
                .as("an obligation with no report at all is red too, with no link")
                .extracting(WebElement::getText).contains("Chưa có !");
        // Followed with the keyboard, as someone who cannot use a mouse would.
        first.sendKeys(Keys.ENTER);
        assertThat(browser.getCurrentUrl()).isEqualTo(target);
        browser.navigate().back();

        String xlsx = browser.findElement(By.id("export-xlsx")).getAttribute("href");
        String docx = browser.findElement(By.id("export-docx")).getAttribute("href");
        String session = browser.manage().getCookieNamed("SESSION").getValue();
        HttpClient http = HttpClient.newHttpClient();
        for (var download : List.of(
                List.of(xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                List.of(docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(download.get(0)))
                    .header("Cookie", "SESSION=" + session).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue(download.get(1));
            assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
            assertThat(response.body().length).isGreaterThan(3000);
            assertThat(new String(response.body(), 0, 2)).isEqualTo("PK");
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
