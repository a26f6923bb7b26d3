package vn.laichau.hlg.tracker.account;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import jakarta.servlet.http.Cookie;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The first administrator: created on an empty database, made to choose a password before anything else. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorIntegrationTests {

    private static final String FIRST_PASSWORD = "Quan-tri-lan-dau-2024";
    private static final String NEW_PASSWORD = "mùa lúa chín ở Tam Đường";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    AccountRepository accounts;

    @Autowired
    Clock clock;

    @BeforeEach
    void adminHasItsFirstPassword() {
        jdbc.update("delete from spring_session");
        // As the application left it at its first start, whatever a journey in the same database did since
        // (the first-visit journey changes this password and enrols an authenticator app).
        jdbc.update("delete from account_recovery_code where account_id = (select id from account where username = 'admin')");
        jdbc.update("""
                update account set password_hash = ?, must_change_password = true,
                       totp_secret = null, totp_enabled = false, totp_last_step = null
                where username = 'admin'""", passwordEncoder.encode(FIRST_PASSWORD));
    }

    @Test
    void theAdministratorFromApplicationStartupMustChangeThePasswordBeforeAnythingElse() throws Exception {
        assertThat(jdbc.queryForObject("select role from account where username = 'admin'", String.class)).isEqualTo("ADMIN");
        Cookie session = signIn(FIRST_PASSWORD);

        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/account/password").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bạn đang dùng mật khẩu được cấp lần đầu")));
        mvc.perform(get("/plan").cookie(session)).andExpect(redirectedUrl("/account/password"));

        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", FIRST_PASSWORD)
                        .param("newPassword", NEW_PASSWORD)
                        .param("confirmPassword", NEW_PASSWORD))
                .andExpect(redirectedUrl("/"));
        // Administrators then enrol an authenticator app before anything else (not in the demo profile).
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/account/totp"));
        assertThat(passwordEncoder.matches(NEW_PASSWORD,
                jdbc.queryForObject("select password_hash from account where username = 'admin'", String.class))).isTrue();
        assertThat(jdbc.queryForObject("select must_change_password from account where username = 'admin'", Boolean.class)).isFalse();
    }

    @Test
    void aWeakOrMistypedNewPasswordIsRefusedNextToItsField() throws Exception {
        Cookie session = signIn(FIRST_PASSWORD);

        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", "not the password")
                        .param("newPassword", "password2024!")
                        .param("confirmPassword", "something else"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"currentPassword-error\">Mật khẩu hiện tại không đúng.")))
                .andExpect(content().string(containsString("id=\"newPassword-error\">Mật khẩu này quá dễ đoán")))
                .andExpect(content().string(containsString("id=\"confirmPassword-error\">Hai lần nhập mật khẩu mới không giống nhau.")));
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/account/password"));
    }

    @Test
    void changingThePasswordEndsTheOtherSessions() throws Exception {
        Cookie first = signIn(FIRST_PASSWORD);
        Cookie second = signIn(FIRST_PASSWORD);
        assertThat(sessionsOfAdmin()).isEqualTo(2);

        mvc.perform(post("/account/password").cookie(second).with(csrf())
                        .param("currentPassword", FIRST_PASSWORD)
                        .param("newPassword", NEW_PASSWORD)
                        .param("confirmPassword", NEW_PASSWORD))
                .andExpect(redirectedUrl("/"));

        assertThat(sessionsOfAdmin()).isEqualTo(1);
        mvc.perform(get("/account/password").cookie(first)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() throws Exception {
        MvcResult wrong = mvc.perform(post("/login").with(csrf()).param("username", "admin").param("password", "wrong password"))
                .andReturn();
        MvcResult unknown = mvc.perform(post("/login").with(csrf()).param("username", "nobody").param("password", "wrong password"))
                .andReturn();

        assertThat(wrong.getResponse().getRedirectedUrl()).isEqualTo("/login?error")
                .isEqualTo(unknown.getResponse().getRedirectedUrl());
    }

    @Test
    @Transactional
    void onAnEmptyDatabaseAGeneratedPasswordIsWrittenOnceToTheLog(CapturedOutput output) {
        // Inside this test's transaction, rolled back afterwards: other tests' accounts come back.
        jdbc.execute("truncate account cascade");

        new FirstAdministrator(accounts, passwordEncoder, clock, "").run(null);

        Matcher logged = Pattern.compile("generated password: (\\S+)").matcher(output.getOut());
        assertThat(logged.find()).isTrue();
        String hash = jdbc.queryForObject("select password_hash from account where username = 'admin'", String.class);
        assertThat(passwordEncoder.matches(logged.group(1), hash)).isTrue();
        assertThat(hash).startsWith("{bcrypt}");
        assertThat(jdbc.queryForObject("select must_change_password from account where username = 'admin'", Boolean.class)).isTrue();
    }

    private Cookie signIn(String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).param("username", "admin").param("password", password))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        return result.getResponse().getCookie("SESSION");
    }

    private int sessionsOfAdmin() {
        return jdbc.queryForObject("select count(*) from spring_session where principal_name = 'admin'", Integer.class);
    }
}
