package vn.laichau.hlg.tracker.reorganisation;

import dev.samstevens.totp.secret.DefaultSecretGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.laichau.hlg.tracker.period.ObligationService;
import vn.laichau.hlg.tracker.support.Browser;
import vn.laichau.hlg.tracker.support.IntegrationTest;
import vn.laichau.hlg.tracker.support.Totp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator merges two communes into a new one from 1/1/2027 with one import: reads the preview
 * (the obligations that appear and disappear year by year), applies it, and a province reviewer then finds
 * the new commune owing its 2027 reports on the dashboard, while the two old communes owe nothing from
 * 2028 (in 2027 they still owe for 15–31/12/2026, the first days of that year's data window).
 */
@IntegrationTest
class ReorganisationBrowserTests {

    private static final By SUBMIT = By.cssSelector("main form button[type=submit]");
    private static final String PASSWORD = "sáp nhập xã từ đầu năm 2027";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    ObligationService obligations;

    @RegisterExtension
    final Browser browser = new Browser();

    private String suffix;
    private String adminSecret;
    private Path file;

    /** Two communes of this run, each with its UBND, open since 1/7/2025; an administrator; a province reviewer. */
    @BeforeEach
    void twoCommunesAndTheirPeople() throws Exception {
        suffix = Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
        suffix = suffix.substring(suffix.length() - 6);
        long province = jdbc.queryForObject("select id from administrative_unit where code = '12'", Long.class);
        long ubnd = jdbc.queryForObject("select id from agency_kind where code = 'UBND'", Long.class);
        for (String letter : List.of("A", "B")) {
            String name = "Xã Cũ " + letter + " " + suffix;
            long unit = jdbc.queryForObject("""
                    insert into administrative_unit (code, name, level, parent_id, opened_on, search_text)
                    values (?, ?, 'COMMUNE', ?, date '2025-07-01', lower(?)) returning id""", Long.class,
                    "BT" + suffix + letter, name, province, name);
            jdbc.update("""
                    insert into agency (code, name, kind_id, unit_id, opened_on, search_text)
                    values (?, ?, ?, ?, date '2025-07-01', lower(?))""",
                    "UBND-BT" + suffix + letter, "UBND xã Cũ " + letter + " " + suffix, ubnd, unit, name);
        }
        obligations.refresh();
        adminSecret = new DefaultSecretGenerator().generate();
        jdbc.update("""
                insert into account (username, display_name, password_hash, role, totp_secret, totp_enabled)
                values (?, 'Phòng CNTT (sắp xếp)', ?, 'ADMIN', ?, true)""",
                "qt.sx." + suffix.toLowerCase(Locale.ROOT), passwordEncoder.encode(PASSWORD), adminSecret);
        jdbc.update("""
                insert into account (username, display_name, password_hash, role, unit_id, must_change_password)
                values (?, 'Cán bộ thẩm định (sắp xếp)', ?, 'PROVINCE_REVIEWER', ?, false)""",
                "td.sx." + suffix.toLowerCase(Locale.ROOT), passwordEncoder.encode(PASSWORD), province);
        file = Files.createTempFile("sap-xep-", ".csv");
        Files.writeString(file, """
                thao_tac,ngay_hieu_luc,ma,ten,cap,loai,ma_don_vi,ma_ke_thua
                mo_don_vi,01/01/2027,BT%1$sN,Xã Hợp Nhất %1$s,COMMUNE,,12,
                mo_co_quan,01/01/2027,UBND-BT%1$sN,UBND xã Hợp Nhất %1$s,,UBND,BT%1$sN,
                dong_don_vi,01/01/2027,BT%1$sA,,,,,BT%1$sN
                dong_don_vi,01/01/2027,BT%1$sB,,,,,BT%1$sN
                """.formatted(suffix), StandardCharsets.UTF_8);
    }

    @AfterEach
    void removeTheFile() throws Exception {
        Files.deleteIfExists(file);
    }

    @Test
    void anAdministratorMergesTwoCommunesByImportAndTheDashboardOf2027ShowsTheNewOne() {
        String merged = "Xã Hợp Nhất " + suffix;
        String mergedAgency = "UBND xã Hợp Nhất " + suffix;
        String oldAgencyA = "UBND xã Cũ A " + suffix;
        String oldAgencyB = "UBND xã Cũ B " + suffix;

        browser.open("/login", By.id("username"));
        browser.type(By.id("username"), "qt.sx." + suffix.toLowerCase(Locale.ROOT));
        browser.type(By.id("password"), PASSWORD);
        browser.submit(SUBMIT, "/login/totp", By.id("code"));
        browser.type(By.id("code"), Totp.codeFor(adminSecret));
        browser.submit(SUBMIT, "/", By.tagName("h1"));

        browser.open("/admin/units", By.linkText("Sắp xếp lại đơn vị từ tệp CSV"));
        browser.follow(browser.find(By.linkText("Sắp xếp lại đơn vị từ tệp CSV")), "/admin/reorganisation", By.id("file"));
        browser.driver().findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.submit(SUBMIT, "/admin/reorganisation/preview", By.id("import-ready"));

        assertThat(browser.text(By.id("import-ready"))).contains("Cả 4 dòng đều đúng");
        assertThat(browser.text(By.id("import-rows"))).contains("Đóng cùng đơn vị: " + oldAgencyA, "Đóng cùng đơn vị: " + oldAgencyB);
        String year2027 = browser.text(By.id("changes-2027"));
        assertThat(year2027).startsWith("Năm 2027:").contains(mergedAgency + " — nhiệm vụ 1");
        String year2028 = browser.text(By.cssSelector("#changes-2028 ul.disappear"));
        assertThat(year2028).contains(oldAgencyA + " — nhiệm vụ 1", oldAgencyB + " — nhiệm vụ 1");
        assertThat(browser.text(By.cssSelector("#changes-2028 ul.appear"))).contains(mergedAgency + " — nhiệm vụ 1");
        assertThat(jdbc.queryForObject("select count(*) from administrative_unit where code = ?", Integer.class, "BT" + suffix + "N"))
                .as("the preview saved nothing").isZero();

        browser.submit(By.id("import-confirm"), "/admin/units", By.cssSelector(".alert-success"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).contains("Đã áp dụng lần sắp xếp lại");
        assertThat(browser.text(By.tagName("main"))).contains(merged);
        browser.submit(By.cssSelector("form[action$='/logout'] button"), "/login", By.id("username"));

        browser.type(By.id("username"), "td.sx." + suffix.toLowerCase(Locale.ROOT));
        browser.type(By.id("password"), PASSWORD);
        browser.submit(By.cssSelector("form button[type=submit]"), "/", By.linkText("Bảng theo dõi"));
        browser.open("/dashboard?year=2027", "/dashboard", By.id("unit"));
        List<String> units2027 = browser.findAll(By.cssSelector("#unit option")).stream().map(WebElement::getText).toList();
        assertThat(units2027).contains(merged, "Xã Cũ A " + suffix, "Xã Cũ B " + suffix);
        browser.select(By.id("unit"), merged);
        browser.submit(By.cssSelector("main form button[type=submit]"), "/dashboard", By.id("matrix-table"));
        assertThat(browser.text(By.cssSelector("h1"))).contains(merged, "2027");
        assertThat(browser.text(By.id("matrix-table"))).contains(mergedAgency);
        assertThat(Integer.parseInt(browser.text(By.id("sum-owed")))).isPositive();

        browser.open("/dashboard?year=2028", "/dashboard", By.id("unit"));
        List<String> units2028 = browser.findAll(By.cssSelector("#unit option")).stream().map(WebElement::getText).toList();
        assertThat(units2028).contains(merged).doesNotContain("Xã Cũ A " + suffix, "Xã Cũ B " + suffix);
    }
}
