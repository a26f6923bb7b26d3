package vn.laichau.hlg.tracker.layout;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.laichau.hlg.tracker.dashboard.DashboardFixture;
import vn.laichau.hlg.tracker.support.Browser;
import vn.laichau.hlg.tracker.support.IntegrationTest;
import vn.laichau.hlg.tracker.support.HtmlChecker;
import vn.laichau.hlg.tracker.support.Totp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every main page of every role, at 1280 px and at 360 px, in a browser set to English: no serious or
 * critical axe-core violation, headings that skip no level, no aria-label on an element without a role,
 * no page wider than the window, the navigation on one line at 1280 px; and the HTML the server sent
 * passes the Nu HTML checker without an error. One sign-in per role, one browser for all.
 */
@IntegrationTest
class AllPagesBrowserTests {

    private static final String PASSWORD = "Moi-trang-deu-dung-2038";
    private static final By SUBMIT = By.cssSelector("main form button[type=submit]");
    private static final By HEADING = By.tagName("h1");
    private static final List<Integer> WIDTHS = List.of(1280, 360);
    private static final Set<String> COUNTED = Set.of("serious", "critical");

    private static HtmlChecker nu;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;

    @RegisterExtension
    final Browser browser = new Browser("en-US");

    private DashboardFixture fx;
    private String suffix;

    @BeforeAll
    static void startTheChecker() {
        nu = new HtmlChecker();
    }

    @BeforeEach
    void accounts() {
        fx = DashboardFixture.ensure(jdbc);
        suffix = String.valueOf(System.nanoTime() % 1_000_000);
        account("trang.bc." + suffix, "REPORTER", fx.a1, null);
        account("trang.huyen." + suffix, "DISTRICT_REVIEWER", null, fx.district1);
        account("trang.tinh." + suffix, "PROVINCE_REVIEWER", null, fx.province);
    }

    @Test
    void everyMainPageOfEveryRoleHasNoSeriousAccessibilityProblemAndValidHtmlAtBothWidths() throws Exception {
        long submitted = jdbc.queryForObject("""
                select id from progress_report where agency_id = ? and status = 'SUBMITTED' and year = ? order by id limit 1""",
                Long.class, fx.a1, DashboardFixture.YEAR);
        int year = DashboardFixture.YEAR;
        List<String> problems = new ArrayList<>();

        signIn("trang.bc." + suffix);
        for (String page : List.of("/", "/reports?year=" + year, "/reports/" + fx.draftReport,
                "/reports/" + fx.draftReport + "/edit", "/notifications", "/plan", "/plan/tasks/5",
                "/account", "/account/password", "/account/sessions")) {
            check("reporter", page, problems);
        }
        signOut();

        signIn("trang.huyen." + suffix);
        for (String page : List.of("/", "/review?year=" + year, "/review/" + submitted, "/review/" + submitted + "/approve",
                "/dashboard?year=" + year, "/notifications", "/reports/" + fx.draftReport, "/editions")) {
            check("district reviewer", page, problems);
        }
        signOut();

        signIn("trang.tinh." + suffix);
        for (String page : List.of("/", "/review?year=" + year, "/review/" + submitted,
                "/dashboard?year=" + year, "/dashboard/agencies/" + fx.a1 + "?year=" + year, "/admin/periods",
                "/notifications", "/editions")) {
            check("province reviewer", page, problems);
        }
        signOut();

        signInAsAdministrator();
        for (String page : List.of("/", "/admin", "/admin/units", "/admin/units/new", "/admin/agencies",
                "/admin/agencies/new", "/admin/agencies/import", "/admin/accounts", "/admin/accounts/new",
                "/admin/accounts/import", "/admin/plan", "/admin/periods", "/admin/audit", "/admin/backups",
                "/admin/units/import", "/admin/reorganisation", "/account/totp",
                "/admin/units/" + jdbc.queryForObject("select id from administrative_unit where code = '106'", Long.class)
                        + "/successors")) {
            check("administrator", page, problems);
        }

        assertThat(problems).as("problems found on the pages").isEmpty();
    }

    @Test
    void aDayIsTypedAndShownAsDayMonthYearInABrowserSetToEnglish() {
        signInAsAdministrator();
        browser.open("/admin/agencies/new", By.id("openedOn"));
        assertThat(browser.find(By.id("openedOn")).getAttribute("type")).isEqualTo("text");
        assertThat(browser.find(By.id("openedOn")).getAttribute("placeholder")).isEqualTo("dd/mm/yyyy");
        String code = "NGAY-" + suffix;
        browser.type(By.id("code"), code);
        browser.type(By.id("name"), "Trung tâm Ngày Tháng " + suffix);
        new Select(browser.find(By.id("kindId"))).selectByValue(String.valueOf(
                jdbc.queryForObject("select id from agency_kind where code = 'KHAC'", Long.class)));
        new Select(browser.find(By.id("unitId"))).selectByValue(String.valueOf(
                jdbc.queryForObject("select id from administrative_unit where code = '12'", Long.class)));
        browser.type(By.id("openedOn"), "31/06/2027");
        browser.submit(SUBMIT, "/admin/agencies", By.id("openedOn-error"));
        assertThat(browser.find(By.id("openedOn")).getAttribute("value")).isEqualTo("31/06/2027");
        assertThat(browser.text(By.id("openedOn-error"))).startsWith("Ngày không hợp lệ");

        browser.find(By.id("openedOn")).clear();
        browser.type(By.id("openedOn"), "01/07/2027");
        browser.submit(SUBMIT, "/admin/agencies.*", By.cssSelector(".alert-success"));
        assertThat(jdbc.queryForObject("select opened_on::text from agency where code = ?", String.class, code))
                .isEqualTo("2027-07-01");
        long id = jdbc.queryForObject("select id from agency where code = ?", Long.class, code);
        browser.open("/admin/agencies/" + id + "/edit", By.id("openedOn"));
        assertThat(browser.find(By.id("openedOn")).getAttribute("value")).isEqualTo("01/07/2027");
    }

    @Test
    void onAPhoneTheDashboardShowsTheSummaryFirstFoldsItsLongSectionsAndHasACardPerAgency() {
        signIn("trang.tinh." + suffix);
        width(360);
        browser.open("/dashboard?year=" + DashboardFixture.YEAR, "/dashboard", By.id("sum-owed"));
        assertThat(browser.find(By.id("sum-owed")).getRect().getY())
                .as("the summary above the filters").isLessThan(browser.find(By.id("year")).getRect().getY());
        assertThat(browser.driver().findElement(By.id("matrix-table")).isDisplayed()).as("no table to scroll sideways").isFalse();
        List<String> cards = browser.findAll(By.cssSelector(".matrix-card")).stream().map(card -> card.getText()).toList();
        assertThat(cards).isNotEmpty();
        assertThat(String.join("\n", cards)).contains("UBND huyện Một", "Hội Luật gia Tỉnh Kiểm Thử", "Chưa có !");
        assertThat(browser.find(By.id("grid-heading")).isDisplayed()).isTrue();
        assertThat(browser.driver().findElement(By.id("grid-table")).isDisplayed()).as("folded").isFalse();
        browser.click(By.cssSelector("#grid summary"));
        assertThat(browser.find(By.id("grid-table")).isDisplayed()).isTrue();
    }

    // ---- the checks ----------------------------------------------------------------------------

    private void check(String role, String page, List<String> problems) throws Exception {
        width(WIDTHS.get(0));
        browser.open(page, URI.create(page).getPath(), HEADING);
        for (int width : WIDTHS) {
            width(width);
            String where = role + " " + page + " at " + width + " px: ";
            Results axe = new AxeBuilder().disableIframeTesting().analyze(browser.driver());
            if (axe.isErrored()) {
                report(problems, where + "axe did not run: " + axe.getErrorMessage());
            }
            for (Rule rule : axe.getViolations()) {
                if (COUNTED.contains(rule.getImpact())) {
                    report(problems, where + rule.getId() + " (" + rule.getHelp() + ") at " + rule.getNodes().stream()
                            .map(CheckedNode::getHtml).limit(3).collect(Collectors.joining(" | ")));
                }
            }
            Object skipped = browser.driver().executeScript("""
                    const out = []; let previous = 0;
                    for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
                      const level = Number(h.tagName.substring(1));
                      if (level > previous + 1) out.push('h' + previous + ' then h' + level + ' "' + h.textContent.trim() + '"');
                      previous = level;
                    }
                    return out;""");
            ((List<?>) skipped).forEach(skip -> report(problems, where + "heading level skipped: " + skip));
            Object labelled = browser.driver().executeScript("""
                    return Array.from(document.querySelectorAll('span[aria-label]:not([role]), div[aria-label]:not([role])'))
                      .map(e => e.outerHTML.substring(0, 120));""");
            ((List<?>) labelled).forEach(element -> report(problems, where + "aria-label on an element without a role: " + element));
            Object wider = browser.driver().executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            if (((Number) wider).intValue() > 0) {
                // The outermost elements that stick out, to say what to fix.
                Object culprits = browser.driver().executeScript("""
                        const limit = document.documentElement.clientWidth;
                        return Array.from(document.querySelectorAll('body *'))
                          .filter(e => e.getBoundingClientRect().right > limit + 1)
                          .filter(e => { for (let a = e.parentElement; a; a = a.parentElement) {
                              if (getComputedStyle(a).overflowX !== 'visible') return a === document.documentElement
                                  || a === document.body; } return true; })
                          .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= limit + 1)
                          .slice(0, 3).map(e => e.outerHTML.substring(0, 160));""");
                report(problems, where + "the page is " + wider + " px wider than the window: " + culprits);
            }
            if (width >= 1200) {
                Object navigation = browser.driver().executeScript(
                        "return document.querySelector('header nav.navbar').getBoundingClientRect().height;");
                if (((Number) navigation).doubleValue() > 64) {
                    report(problems, where + "the navigation takes more than one line (" + navigation + " px high)");
                }
            }
        }
        nu.check(served(page)).forEach(error -> report(problems, role + " " + page + ": Nu HTML checker: " + error));
    }

    /**
     * The page as wide as a phone or as a laptop: the window keeps 1280 px (headless Chromium cannot grow
     * a window beyond its screen again) and narrower widths are emulated, as the developer tools do.
     */
    private void width(int pixels) {
        if (pixels >= 1280) {
            browser.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        } else {
            browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of(
                    "width", pixels, "height", 800, "deviceScaleFactor", 1, "mobile", false));
        }
    }

    /** Kept for the assertion at the end, and printed at once, so that a long run shows what it finds as it goes. */
    private static void report(List<String> problems, String problem) {
        System.out.println("PROBLEM " + problem);
        problems.add(problem);
    }

    /** The page's HTML as the server sends it (the browser's DOM would already be corrected). */
    private String served(String page) throws Exception {
        String cookies = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest request = HttpRequest.newBuilder(URI.create(browser.url(page))).header("Cookie", cookies).GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    // ---- accounts ------------------------------------------------------------------------------

    private void account(String username, String role, Long agency, Long unit) {
        jdbc.update("""
                insert into account (username, display_name, password_hash, role, agency_id, unit_id, must_change_password)
                values (?, ?, ?, ?, ?, ?, false)""",
                username, "Người kiểm tra trang " + role.toLowerCase(), passwordEncoder.encode(PASSWORD), role, agency, unit);
    }

    private void signIn(String username) {
        browser.open("/login", By.id("username"));
        browser.type(By.id("username"), username);
        browser.type(By.id("password"), PASSWORD);
        browser.submit(SUBMIT, "/", HEADING);
    }

    private void signInAsAdministrator() {
        String secret = new DefaultSecretGenerator().generate();
        String username = "trang.qt." + suffix;
        jdbc.update("""
                insert into account (username, display_name, password_hash, role, totp_secret, totp_enabled)
                values (?, 'Quản trị kiểm tra trang', ?, 'ADMIN', ?, true)""",
                username, passwordEncoder.encode(PASSWORD), secret);
        browser.open("/login", By.id("username"));
        browser.type(By.id("username"), username);
        browser.type(By.id("password"), PASSWORD);
        browser.submit(SUBMIT, "/login/totp", By.id("code"));
        browser.type(By.id("code"), Totp.codeFor(secret));
        browser.submit(SUBMIT, "/", HEADING);
    }

    private void signOut() {
        browser.driver().manage().deleteAllCookies();
    }
}
