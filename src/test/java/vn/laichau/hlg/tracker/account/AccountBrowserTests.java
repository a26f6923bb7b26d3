package vn.laichau.hlg.tracker.account;

import dev.samstevens.totp.secret.DefaultSecretGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import vn.laichau.hlg.tracker.support.Browser;
import vn.laichau.hlg.tracker.support.Totp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator creates a reporter for an agency; the reporter signs in with the one-time password
 * and must choose their own before anything else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AccountBrowserTests {

    private static final String ADMIN_PASSWORD = "mật khẩu quản trị của phòng CNTT";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    private ChromeDriver browser;
    private String adminSecret;
    private String adminUsername;

    @BeforeEach
    void anAdministratorWithAnAuthenticatorApp() {
        browser = Browser.start();
        adminSecret = new DefaultSecretGenerator().generate();
        adminUsername = "cntt." + System.nanoTime() % 1_000_000;
        jdbc.update("""
                insert into account (username, display_name, password_hash, role, totp_secret, totp_enabled)
                values (?, 'Phòng CNTT', ?, 'ADMIN', ?, true)""",
                adminUsername, passwordEncoder.encode(ADMIN_PASSWORD), adminSecret);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theAdministratorCreatesAReporterWhoSignsInAndMustChooseAPassword() {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(adminUsername);
        browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/login/totp");
        browser.findElement(By.id("code")).sendKeys(Totp.codeFor(adminSecret));
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        browser.get(url("/admin/accounts/new"));
        String reporter = "bc.phongtho." + System.nanoTime() % 1_000_000;
        browser.findElement(By.id("username")).sendKeys(reporter);
        browser.findElement(By.id("displayName")).sendKeys("Vàng A Páo");
        new Select(browser.findElement(By.id("role"))).selectByVisibleText("Cán bộ báo cáo của cơ quan, đơn vị");
        new Select(browser.findElement(By.id("agencyId"))).selectByVisibleText("UBND xã Phong Thổ");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).contains("Đã tạo tài khoản");
        String oneTimePassword = browser.findElement(By.id("one-time-password")).getText();
        assertThat(oneTimePassword).matches("[a-z2-9-]{14}");
        browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();

        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(reporter);
        browser.findElement(By.id("password")).sendKeys(oneTimePassword);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/account/password");

        browser.findElement(By.id("currentPassword")).sendKeys(oneTimePassword);
        browser.findElement(By.id("newPassword")).sendKeys("ruộng bậc thang Sì Lở Lầu");
        browser.findElement(By.id("confirmPassword")).sendKeys("ruộng bậc thang Sì Lở Lầu");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        assertThat(browser.getCurrentUrl()).isEqualTo(url("/"));
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("Xin chào, Vàng A Páo");
        assertThat(jdbc.queryForObject("select must_change_password from account where username = ?", Boolean.class, reporter)).isFalse();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
