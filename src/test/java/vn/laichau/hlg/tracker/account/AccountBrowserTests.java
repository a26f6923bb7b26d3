package vn.laichau.hlg.tracker.account;

import dev.samstevens.totp.secret.DefaultSecretGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.laichau.hlg.tracker.support.Browser;
import vn.laichau.hlg.tracker.support.IntegrationTest;
import vn.laichau.hlg.tracker.support.Totp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator creates a reporter for an agency; the reporter signs in with the one-time password
 * and must choose their own before anything else.
 */
@IntegrationTest
class AccountBrowserTests {

    private static final By SUBMIT = By.cssSelector("main form button[type=submit]");
    private static final String ADMIN_PASSWORD = "mật khẩu quản trị của phòng CNTT";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    @RegisterExtension
    final Browser browser = new Browser();

    private String adminSecret;
    private String adminUsername;

    @BeforeEach
    void anAdministratorWithAnAuthenticatorApp() {
        adminSecret = new DefaultSecretGenerator().generate();
        adminUsername = "cntt." + System.nanoTime() % 1_000_000;
        jdbc.update("""
                insert into account (username, display_name, password_hash, role, totp_secret, totp_enabled)
                values (?, 'Phòng CNTT', ?, 'ADMIN', ?, true)""",
                adminUsername, passwordEncoder.encode(ADMIN_PASSWORD), adminSecret);
    }

    @Test
    void theAdministratorCreatesAReporterWhoSignsInAndMustChooseAPassword() {
        browser.open("/login", By.id("username"));
        browser.type(By.id("username"), adminUsername);
        browser.type(By.id("password"), ADMIN_PASSWORD);
        browser.submit(SUBMIT, "/login/totp", By.id("code"));
        browser.type(By.id("code"), Totp.codeFor(adminSecret));
        browser.submit(SUBMIT, "/", By.tagName("h1"));

        browser.open("/admin/accounts/new", By.id("username"));
        String reporter = "bc.phongtho." + System.nanoTime() % 1_000_000;
        browser.type(By.id("username"), reporter);
        browser.type(By.id("displayName"), "Vàng A Páo");
        browser.select(By.id("role"), "Cán bộ báo cáo của cơ quan, đơn vị");
        browser.select(By.id("agencyId"), "UBND xã Phong Thổ");
        browser.submit(SUBMIT, "/admin/accounts/\\d+", By.id("one-time-password"));

        assertThat(browser.text(By.cssSelector(".alert-success"))).contains("Đã tạo tài khoản");
        String oneTimePassword = browser.text(By.id("one-time-password"));
        assertThat(oneTimePassword).matches("[a-z2-9-]{14}");
        browser.submit(By.cssSelector("form[action$='/logout'] button"), "/login", By.id("username"));

        browser.type(By.id("username"), reporter);
        browser.type(By.id("password"), oneTimePassword);
        browser.submit(SUBMIT, "/account/password", By.id("currentPassword"));

        browser.type(By.id("currentPassword"), oneTimePassword);
        browser.type(By.id("newPassword"), "ruộng bậc thang Sì Lở Lầu");
        browser.type(By.id("confirmPassword"), "ruộng bậc thang Sì Lở Lầu");
        browser.submit(SUBMIT, "/", By.tagName("h1"));

        assertThat(browser.currentUrl()).isEqualTo(browser.url("/"));
        assertThat(browser.text(By.cssSelector("h1"))).isEqualTo("Xin chào, Vàng A Páo");
        assertThat(jdbc.queryForObject("select must_change_password from account where username = ?", Boolean.class, reporter)).isFalse();
    }
}
