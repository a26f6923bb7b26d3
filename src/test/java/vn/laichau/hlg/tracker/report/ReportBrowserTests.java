package vn.laichau.hlg.tracker.report;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.laichau.hlg.tracker.period.ObligationService;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.support.Browser;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report's whole life in the browser, on a phone-sized screen: the reporter fills it in, saves and
 * submits; the reviewer returns it with a reason; the reporter reads the reason, fixes it and
 * resubmits; the reviewer approves; the report is locked.
 */
@IntegrationTest
class ReportBrowserTests {

    static final String EDIT = "/reports/\\d+/edit";
    static final String SHOW = "/reports/\\d+";
    static final String REVIEW = "/review/\\d+";
    static final By SUCCESS = By.cssSelector(".alert-success");
    static final String PASSWORD = "mây trắng trên đỉnh Pu Ta Leng";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObligationService obligations;

    @Autowired
    PasswordEncoder passwordEncoder;

    ReportFixtures fixtures;
    CurrentUser reporter;
    CurrentUser reviewer;

    @RegisterExtension
    final Browser browser = new Browser();

    @BeforeEach
    void setUp() {
        browser.driver().manage().window().setSize(new Dimension(360, 760));
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
        if (fixtures != null) {
            fixtures.cleanup();
        }
    }

    @Test
    void aReportIsFilledInReturnedCorrectedAndApproved() {
        signIn(reporter);
        WebElement obligation = browser.open("/reports?year=2026", By.id("obligation-1"));
        assertThat(obligation.getText()).contains("Chưa bắt đầu", "Hạn nộp 14/12/2026");
        browser.submit(obligation.findElement(By.cssSelector("button[type=submit]")), EDIT, By.id("results"));

        browser.click(By.id("status-IN_PROGRESS"));
        browser.type(By.id("percentComplete"), "70");
        browser.type(By.id("results"), "Tổ chức 8 hội nghị phổ biến pháp luật tại các xã.");
        browser.type(By.cssSelector("input[name^='indicators[']"), "8");
        browser.type(By.id("budgetPlanned"), "20.000.000");
        browser.submit(By.id("save"), EDIT, SUCCESS);
        assertThat(browser.text(SUCCESS)).contains("Đã lưu nháp");
        assertThat(browser.find(By.id("results")).getAttribute("value")).contains("8 hội nghị");

        browser.type(By.id("budgetSpent"), "-3");
        browser.submit(By.id("submit"), EDIT, By.id("budgetSpent-error"));
        assertThat(browser.text(By.id("budgetSpent-error"))).isEqualTo("Số không được âm.");
        assertThat(browser.find(By.id("budgetSpent")).getAttribute("value")).isEqualTo("-3");
        browser.find(By.id("budgetSpent")).clear();
        browser.type(By.id("budgetSpent"), "18.500.000");
        browser.submit(By.id("submit"), SHOW, SUCCESS);
        assertThat(browser.text(SUCCESS)).contains("Đã gửi báo cáo");
        assertThat(browser.text(By.tagName("main"))).contains("Đã gửi, chờ thẩm định", "18.500.000 đồng");
        String reportPath = URI.create(browser.currentUrl()).getPath();
        long id = Long.parseLong(reportPath.replaceAll(".*/reports/", ""));

        signIn(reviewer);
        browser.open("/review", By.id("queue"));
        browser.submit(By.cssSelector("a[href='/review/" + id + "']"), REVIEW, By.id("return-reason-input"));
        browser.type(By.id("return-reason-input"), "Đề nghị ghi rõ số lượt người tham dự.");
        browser.submit(By.id("return"), REVIEW, SUCCESS);
        assertThat(browser.text(SUCCESS)).contains("Đã trả lại báo cáo");

        signIn(reporter);
        browser.open("/reports?year=2026", By.id("obligation-1"));
        assertThat(browser.text(By.id("obligation-1")))
                .contains("Bị trả lại, cần sửa", "Lý do trả lại: Đề nghị ghi rõ số lượt người tham dự.");
        browser.submit(browser.find(By.id("obligation-1")).findElement(By.linkText("Tiếp tục soạn")), EDIT, By.id("return-reason"));
        assertThat(browser.text(By.id("return-reason"))).contains("Đề nghị ghi rõ số lượt người tham dự.");
        browser.findAll(By.cssSelector("input[name^='indicators[']")).get(1).sendKeys("640");
        browser.submit(By.id("submit"), SHOW, SUCCESS);
        assertThat(browser.text(SUCCESS)).contains("Đã gửi báo cáo");

        // The reviewer's notification opens the review page; approving asks once more on a page of its own.
        signIn(reviewer);
        browser.open("/notifications", By.id("notifications"));
        browser.submit(By.cssSelector("#notifications a[href='/review/" + id + "']"), REVIEW, By.id("approve"));
        browser.submit(By.id("approve"), REVIEW + "/approve", By.id("approve-confirm"));
        assertThat(browser.text(By.id("approve-question"))).contains("Duyệt báo cáo nhiệm vụ");
        browser.submit(By.id("approve-confirm"), REVIEW, SUCCESS);
        assertThat(browser.text(SUCCESS)).contains("Đã duyệt báo cáo");

        signIn(reporter);
        browser.open(reportPath, By.id("locked"));
        assertThat(browser.text(By.id("locked"))).contains("đã được duyệt và khóa");
        assertThat(browser.isAbsent(By.id("edit"))).isTrue();
        assertThat(browser.text(By.id("history")))
                .contains("đã gửi báo cáo", "đã trả lại báo cáo", "Lý do: Đề nghị ghi rõ số lượt người tham dự.", "đã duyệt báo cáo");
        browser.open("/reports/" + id + "/edit", SHOW, By.cssSelector(".alert-danger"));
        assertThat(browser.currentUrl()).isEqualTo(browser.url(reportPath));
        assertThat(browser.text(By.cssSelector(".alert-danger"))).contains("không sửa được");
    }

    @Test
    void textTypedBeforeTheSessionExpiredIsOfferedBackAfterSigningInAgain() {
        signIn(reporter);
        WebElement obligation = browser.open("/reports?year=2026", By.id("obligation-1"));
        browser.submit(obligation.findElement(By.cssSelector("button[type=submit]")), EDIT, By.id("results"));
        String editPath = URI.create(browser.currentUrl()).getPath();
        browser.type(By.id("results"), "Một đoạn dài đã gõ trước khi hết phiên đăng nhập.");
        browser.type(By.id("difficulties"), "Mất điện, mất mạng.");

        // The session ends on the server before the save arrives: the browser still sends a session
        // the server no longer knows, and is sent to sign in again.
        browser.driver().manage().deleteCookieNamed("SESSION");
        browser.driver().manage().addCookie(new Cookie("SESSION", "ZXhwaXJlZA"));
        browser.submit(By.id("save"), "/login", By.id("username"));
        assertThat(browser.currentUrl()).endsWith("/login?expired");
        long id = Long.parseLong(editPath.replaceAll(".*/reports/(\\d+)/edit", "$1"));
        assertThat(jdbc.queryForObject("select results from progress_report where id = ?", String.class, id))
                .as("nothing reached the report").isNull();

        signIn(reporter);
        browser.open(editPath, By.id("results"));
        assertThat(browser.find(By.id("results")).getAttribute("value")).isEmpty();
        assertThat(browser.find(By.id("draft-offer")).isDisplayed()).isTrue();
        browser.click(By.id("draft-restore"));
        assertThat(browser.find(By.id("results")).getAttribute("value"))
                .isEqualTo("Một đoạn dài đã gõ trước khi hết phiên đăng nhập.");
        assertThat(browser.find(By.id("difficulties")).getAttribute("value")).isEqualTo("Mất điện, mất mạng.");
        browser.submit(By.id("save"), EDIT, SUCCESS);
        assertThat(browser.text(SUCCESS)).contains("Đã lưu nháp");
        assertThat(browser.isAbsent(By.cssSelector("#draft-offer:not([hidden])"))).isTrue();
    }

    private void signIn(CurrentUser user) {
        browser.driver().manage().deleteAllCookies();
        browser.open("/login", By.id("username"));
        browser.type(By.id("username"), user.getUsername());
        browser.type(By.id("password"), PASSWORD);
        browser.submit(By.cssSelector("main form button[type=submit]"), "/", By.tagName("h1"));
        assertThat(browser.currentUrl()).isEqualTo(browser.url("/"));
    }
}
