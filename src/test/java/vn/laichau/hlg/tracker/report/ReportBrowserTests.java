package vn.laichau.hlg.tracker.report;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import vn.laichau.hlg.tracker.period.ObligationService;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.support.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report's whole life in the browser, on a phone-sized screen: the reporter fills it in, saves and
 * submits; the reviewer returns it with a reason; the reporter reads the reason, fixes it and
 * resubmits; the reviewer approves; the report is locked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReportBrowserTests {

    static final String PASSWORD = "mây trắng trên đỉnh Pu Ta Leng";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObligationService obligations;

    @Autowired
    PasswordEncoder passwordEncoder;

    ReportFixtures fixtures;
    CurrentUser reporter;
    CurrentUser reviewer;
    ChromeDriver browser;

    @BeforeEach
    void setUp() {
        browser = Browser.start();
        browser.manage().window().setSize(new Dimension(360, 760));
        fixtures = new ReportFixtures(jdbc, obligations);
        // 2026: the district closed on 1/7/2025; its UBND cấp xã successors report, and its reviewers oversee them
        fixtures.confirmSuccessors("106");
        long agency = fixtures.agency("UBND", "03390");
        reporter = fixtures.reporter(agency);
        reviewer = fixtures.reviewer(Role.DISTRICT_REVIEWER, "106", null);
        String hash = passwordEncoder.encode(PASSWORD);
        jdbc.update("update account set password_hash = ? where id in (?, ?)", hash, reporter.id(), reviewer.id());
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.quit();
        }
        if (fixtures != null) {
            fixtures.cleanup();
        }
    }

    @Test
    void aReportIsFilledInReturnedCorrectedAndApproved() {
        signIn(reporter);
        browser.get(url("/reports?year=2026"));
        WebElement obligation = browser.findElement(By.id("obligation-1"));
        assertThat(obligation.getText()).contains("Chưa bắt đầu", "Hạn nộp 14/12/2026");
        click(obligation.findElement(By.cssSelector("button[type=submit]")));

        click(browser.findElement(By.id("status-IN_PROGRESS")));
        browser.findElement(By.id("percentComplete")).sendKeys("70");
        browser.findElement(By.id("results")).sendKeys("Tổ chức 8 hội nghị phổ biến pháp luật tại các xã.");
        WebElement sessions = browser.findElement(By.cssSelector("input[name^='indicators[']"));
        sessions.sendKeys("8");
        browser.findElement(By.id("budgetPlanned")).sendKeys("20.000.000");
        click(browser.findElement(By.id("save")));
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).contains("Đã lưu nháp");
        assertThat(browser.findElement(By.id("results")).getAttribute("value")).contains("8 hội nghị");

        browser.findElement(By.id("budgetSpent")).sendKeys("-3");
        click(browser.findElement(By.id("submit")));
        assertThat(browser.findElement(By.id("budgetSpent-error")).getText()).isEqualTo("Số không được âm.");
        assertThat(browser.findElement(By.id("budgetSpent")).getAttribute("value")).isEqualTo("-3");
        browser.findElement(By.id("budgetSpent")).clear();
        browser.findElement(By.id("budgetSpent")).sendKeys("18.500.000");
        click(browser.findElement(By.id("submit")));
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).contains("Đã gửi báo cáo");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Đã gửi, chờ thẩm định", "18.500.000 đồng");
        String reportUrl = browser.getCurrentUrl();
        long id = Long.parseLong(reportUrl.replaceAll(".*/reports/", ""));

        signIn(reviewer);
        browser.get(url("/review"));
        click(browser.findElement(By.cssSelector("a[href='/review/" + id + "']")));
        browser.findElement(By.id("return-reason-input")).sendKeys("Đề nghị ghi rõ số lượt người tham dự.");
        click(browser.findElement(By.id("return")));
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).contains("Đã trả lại báo cáo");

        signIn(reporter);
        browser.get(url("/reports?year=2026"));
        assertThat(browser.findElement(By.id("obligation-1")).getText())
                .contains("Bị trả lại, cần sửa", "Lý do trả lại: Đề nghị ghi rõ số lượt người tham dự.");
        click(browser.findElement(By.id("obligation-1")).findElement(By.linkText("Tiếp tục soạn")));
        assertThat(browser.findElement(By.id("return-reason")).getText()).contains("Đề nghị ghi rõ số lượt người tham dự.");
        browser.findElements(By.cssSelector("input[name^='indicators[']")).get(1).sendKeys("640");
        click(browser.findElement(By.id("submit")));
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).contains("Đã gửi báo cáo");

        signIn(reviewer);
        browser.get(url("/review/" + id));
        click(browser.findElement(By.id("approve")));
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).contains("Đã duyệt báo cáo");

        signIn(reporter);
        browser.get(reportUrl);
        assertThat(browser.findElement(By.id("locked")).getText()).contains("đã được duyệt và khóa");
        assertThat(browser.findElements(By.id("edit"))).isEmpty();
        assertThat(browser.findElement(By.id("history")).getText())
                .contains("đã gửi báo cáo", "đã trả lại báo cáo", "Lý do: Đề nghị ghi rõ số lượt người tham dự.", "đã duyệt báo cáo");
        browser.get(url("/reports/" + id + "/edit"));
        assertThat(browser.getCurrentUrl()).isEqualTo(reportUrl);
        assertThat(browser.findElement(By.cssSelector(".alert-danger")).getText()).contains("không sửa được");
    }

    @Test
    void textTypedBeforeTheSessionExpiredIsOfferedBackAfterSigningInAgain() {
        signIn(reporter);
        browser.get(url("/reports?year=2026"));
        click(browser.findElement(By.id("obligation-1")).findElement(By.cssSelector("button[type=submit]")));
        String editUrl = browser.getCurrentUrl();
        browser.findElement(By.id("results")).sendKeys("Một đoạn dài đã gõ trước khi hết phiên đăng nhập.");
        browser.findElement(By.id("difficulties")).sendKeys("Mất điện, mất mạng.");

        // The session ends on the server (expired, or the connection dropped) before the save arrives.
        browser.manage().deleteCookieNamed("SESSION");
        click(browser.findElement(By.id("save")));
        long id = Long.parseLong(editUrl.replaceAll(".*/reports/(\\d+)/edit", "$1"));
        assertThat(jdbc.queryForObject("select results from progress_report where id = ?", String.class, id))
                .as("nothing reached the report").isNull();

        signIn(reporter);
        browser.get(editUrl);
        assertThat(browser.findElement(By.id("results")).getAttribute("value")).isEmpty();
        WebElement offer = browser.findElement(By.id("draft-offer"));
        assertThat(offer.isDisplayed()).isTrue();
        click(browser.findElement(By.id("draft-restore")));
        assertThat(browser.findElement(By.id("results")).getAttribute("value"))
                .isEqualTo("Một đoạn dài đã gõ trước khi hết phiên đăng nhập.");
        assertThat(browser.findElement(By.id("difficulties")).getAttribute("value")).isEqualTo("Mất điện, mất mạng.");
        click(browser.findElement(By.id("save")));
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).contains("Đã lưu nháp");
        assertThat(browser.findElements(By.cssSelector("#draft-offer:not([hidden])"))).isEmpty();
    }

    /** Scrolled to the middle of the small screen first, as a person would before tapping. */
    private void click(WebElement element) {
        // Bootstrap scrolls smoothly; jump instead, so that the tap lands where the element is.
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    private void signIn(CurrentUser user) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user.getUsername());
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        click(browser.findElement(By.cssSelector("main form button[type=submit]")));
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
