package vn.laichau.hlg.tracker.dashboard;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.laichau.hlg.tracker.support.Browser;
import vn.laichau.hlg.tracker.support.IntegrationTest;

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
@IntegrationTest
class DashboardBrowserTests {

    private static final String USERNAME = "fxd.browser";
    private static final String PASSWORD = "Bang-theo-doi-2038";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;

    @RegisterExtension
    final Browser browser = new Browser();

    private DashboardFixture fx;

    @BeforeEach
    void setUp() {
        fx = DashboardFixture.ensure(jdbc);
        jdbc.update("""
                insert into account (username, display_name, password_hash, role, unit_id, must_change_password)
                values (?, 'Cán bộ thẩm định (kiểm thử)', ?, 'PROVINCE_REVIEWER', ?, false)
                on conflict (username) do nothing""", USERNAME, passwordEncoder.encode(PASSWORD), fx.province);
    }

    @Test
    void aProvinceReviewerFollowsARedCellToItsReportAndDownloadsBothExports() throws Exception {
        browser.open("/login", By.id("username"));
        browser.type(By.id("username"), USERNAME);
        browser.type(By.id("password"), PASSWORD);
        browser.submit(By.cssSelector("form button[type=submit]"), "/", By.linkText("Bảng theo dõi"));

        browser.submit(By.linkText("Bảng theo dõi"), "/dashboard", By.id("year"));
        browser.select(By.id("year"), "2038");
        browser.submit(By.cssSelector("main form button[type=submit]"), "/dashboard", By.id("matrix-table"));

        assertThat(browser.text(By.cssSelector("h1"))).isEqualTo("Tỉnh Kiểm Thử — tình hình thực hiện năm 2038");
        assertThat(browser.text(By.id("sum-overdue"))).isEqualTo("3");
        // Task 5's column in words: who has not handed in, and who has.
        assertThat(browser.text(By.id("task-row-5"))).contains("4", "2");

        List<WebElement> red = browser.findAll(By.cssSelector("#matrix-table a.cell-overdue[href*='/reports/']"));
        assertThat(red).isNotEmpty();
        WebElement first = red.get(0);
        assertThat(first.getText()).endsWith("!");
        String target = first.getAttribute("href");
        assertThat(target).matches(".*/reports/(" + fx.draftReport + "|" + fx.returnedReport + ")$");
        assertThat(browser.findAll(By.cssSelector("#matrix-table a.cell-overdue[href*='/dashboard/agencies/']")))
                .as("an obligation with no report at all is red too, and leads to the agency's obligations to remind it")
                .extracting(WebElement::getText).contains("Chưa có !");
        // Followed with the keyboard, as someone who cannot use a mouse would.
        browser.follow(first, "/reports/\\d+", By.id("history"));
        assertThat(browser.currentUrl()).isEqualTo(target);
        browser.back("/dashboard", By.id("export-xlsx"));

        String xlsx = browser.find(By.id("export-xlsx")).getAttribute("href");
        String docx = browser.find(By.id("export-docx")).getAttribute("href");
        String session = browser.driver().manage().getCookieNamed("SESSION").getValue();
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
}
