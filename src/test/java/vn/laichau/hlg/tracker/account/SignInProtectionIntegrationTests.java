package vn.laichau.hlg.tracker.account;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.support.IntegrationTest;
import vn.laichau.hlg.tracker.support.TestAccounts;
import vn.laichau.hlg.tracker.support.Totp;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import static vn.laichau.hlg.tracker.support.TestAccounts.PASSWORD;
import static vn.laichau.hlg.tracker.support.TestAccounts.as;
import static vn.laichau.hlg.tracker.support.TestAccounts.signIn;

/** Lockout, no enumeration, sessions ended, CSRF, and the second factor, through the real sign-in. */
@IntegrationTest
class SignInProtectionIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AccountRepository accountRepository;

    @Autowired
    RecoveryCodeRepository recoveryCodeRepository;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    SignInAttempts signInAttempts;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutesWithTheSameAnswerAsAnyFailure() throws Exception {
        CurrentUser user = accounts.create("khoa", Role.REPORTER, "SO-TU-PHAP", null);
        for (int i = 0; i < 4; i++) {
            assertThat(failedSignIn(user.getUsername(), "sai mật khẩu " + i)).isEqualTo("/login?error");
        }
        assertThat(lockedUntil(user)).isNull();

        assertThat(failedSignIn(user.getUsername(), "sai mật khẩu lần năm")).isEqualTo("/login?error");
        Instant lockedUntil = lockedUntil(user);
        assertThat(lockedUntil).isBetween(Instant.now().plus(Duration.ofMinutes(14)), Instant.now().plus(Duration.ofMinutes(16)));

        // Even the right password is refused now, and the answer is the same as for a stranger.
        assertThat(failedSignIn(user.getUsername(), PASSWORD)).isEqualTo("/login?error");
        assertThat(failedSignIn("khong.co.ai.ten.nay", PASSWORD)).isEqualTo("/login?error");
        assertThat(jdbc.queryForList("select kind from audit_entry where target = ?", String.class, "account:" + user.getUsername()))
                .contains("LOGIN_FAILED", "ACCOUNT_LOCKED");

        CurrentUser admin = accounts.create("quantri", Role.ADMIN, null, null);
        mvc.perform(post("/admin/accounts/{id}/unlock", user.id()).with(as(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/accounts/" + user.id()));
        assertThat(signIn(mvc, user.getUsername(), PASSWORD)).isNotNull();
    }

    @Test
    void twentyFiveSignInsAtOnceGetAtMostFivePasswordChecksAndSignNobodyIn() throws Exception {
        CurrentUser user = accounts.create("songsong", Role.REPORTER, "SO-TU-PHAP", null);
        ExecutorService pool = Executors.newFixedThreadPool(25);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String guess = "sai mật khẩu song song " + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return failedSignIn(user.getUsername(), guess);
                }));
            }
            start.countDown();
            // The right password arrives while the wrong ones are still being checked or counted.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (jdbc.queryForObject("select failed_attempts from account where id = ?", Integer.class, user.id()) < 5
                    && lockedUntil(user) == null) {
                assertThat(System.nanoTime()).as("five attempts counted within a minute").isLessThan(deadline);
                Thread.onSpinWait();
            }
            answers.add(pool.submit(() -> failedSignIn(user.getUsername(), PASSWORD)));
            for (Future<String> answer : answers) {
                assertThat(answer.get(2, TimeUnit.MINUTES)).isEqualTo("/login?error");
            }
        } finally {
            pool.shutdownNow();
        }
        Integer passwordChecks = jdbc.queryForObject("""
                select count(*) from audit_entry where target = ?
                   and (kind = 'LOGIN_SUCCEEDED' or (kind = 'LOGIN_FAILED' and new_value = 'BadCredentialsException'))""",
                Integer.class, "account:" + user.getUsername());
        assertThat(passwordChecks).isBetween(1, 5);
        assertThat(lockedUntil(user)).isAfter(Instant.now().plus(Duration.ofMinutes(14)));
        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class,
                user.getUsername())).isZero();
    }

    @Test
    void anAuthenticatorCodeIsAcceptedOnlyOnce() throws Exception {
        CurrentUser user = accounts.create("motlan", Role.DISTRICT_REVIEWER, "HLG-TAM-DUONG", "106");
        Enrolled enrolled = enrol(user);

        Cookie pending = signInExpecting(user.getUsername(), "/login/totp");
        mvc.perform(post("/login/totp").cookie(pending).with(csrf()).param("code", enrolled.usedCode()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mã không đúng hoặc đã hết hạn")));
        String fresh = Totp.codeFor(enrolled.secret(), 1);
        mvc.perform(post("/login/totp").cookie(pending).with(csrf()).param("code", fresh)).andExpect(redirectedUrl("/"));

        Cookie again = signInExpecting(user.getUsername(), "/login/totp");
        mvc.perform(post("/login/totp").cookie(again).with(csrf()).param("code", fresh))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mã không đúng hoặc đã hết hạn")));
        mvc.perform(get("/").cookie(again)).andExpect(redirectedUrl("/login/totp"));
    }

    @Test
    void aSignInWaitingForItsCodeEndsWhenTheAccountIsLocked() throws Exception {
        CurrentUser user = accounts.create("chokhoa", Role.DISTRICT_REVIEWER, "HLG-TAM-DUONG", "106");
        Enrolled enrolled = enrol(user);
        Cookie pending = signInExpecting(user.getUsername(), "/login/totp");
        for (int i = 0; i < 5; i++) {
            assertThat(failedSignIn(user.getUsername(), "đoán sai từ nơi khác " + i)).isEqualTo("/login?error");
        }
        assertThat(lockedUntil(user)).isNotNull();

        mvc.perform(post("/login/totp").cookie(pending).with(csrf()).param("code", Totp.codeFor(enrolled.secret(), 1)))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/").cookie(pending)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void oneSignInMayGiveOnlyFiveWrongCodesThenItEnds() throws Exception {
        CurrentUser user = accounts.create("namma", Role.DISTRICT_REVIEWER, "HLG-TAM-DUONG", "106");
        Enrolled enrolled = enrol(user);
        Cookie pending = signInExpecting(user.getUsername(), "/login/totp");
        String wrong = Totp.wrongCodeFor(enrolled.secret());
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/login/totp").cookie(pending).with(csrf()).param("code", wrong))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Mã không đúng hoặc đã hết hạn")));
        }
        mvc.perform(post("/login/totp").cookie(pending).with(csrf()).param("code", wrong))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/login/totp").cookie(pending).with(csrf()).param("code", Totp.codeFor(enrolled.secret(), 1)))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/").cookie(pending)).andExpect(redirectedUrl("/login"));
        assertThat(lockedUntil(user)).isNotNull();
    }

    @Test
    void aWrongSixDigitCodeCostsNoHashingOfTheRecoveryCodes() throws Exception {
        CurrentUser user = accounts.create("bam", Role.DISTRICT_REVIEWER, "HLG-TAM-DUONG", "106");
        Enrolled enrolled = enrol(user);
        AtomicInteger hashings = new AtomicInteger();
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return passwordEncoder.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                hashings.incrementAndGet();
                return passwordEncoder.matches(raw, encoded);
            }
        };
        SecondFactorService service = new SecondFactorService(accountRepository, recoveryCodeRepository, counting,
                signInAttempts, publisher, clock);
        CurrentUser enrolledUser = user.withSecondFactorEnabled();

        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        transaction.executeWithoutResult(status -> service.verifySignIn(enrolledUser, Totp.wrongCodeFor(enrolled.secret())));
        assertThat(hashings).hasValue(0);

        transaction.executeWithoutResult(status -> service.verifySignIn(enrolledUser, enrolled.recoveryCodes().get(3)));
        assertThat(hashings).hasValueGreaterThan(0);
        assertThat(jdbc.queryForObject("select count(*) from account_recovery_code r join account a on a.id = r.account_id "
                + "where a.id = ? and r.used_at is not null", Integer.class, user.id())).isEqualTo(1);
    }

    private record Enrolled(String secret, String usedCode, List<String> recoveryCodes) {
    }

    /** Enrols an authenticator app for the account through its pages. */
    private Enrolled enrol(CurrentUser user) throws Exception {
        Cookie session = signIn(mvc, user.getUsername(), PASSWORD);
        String page = mvc.perform(get("/account/totp").cookie(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String secret = find(page, "id=\"totp-secret\">([A-Z2-7]+)<");
        String code = Totp.codeFor(secret);
        MvcResult enrolled = mvc.perform(post("/account/totp").cookie(session).with(csrf()).param("code", code))
                .andExpect(redirectedUrl("/account/totp/recovery-codes")).andReturn();
        @SuppressWarnings("unchecked")
        List<String> recoveryCodes = (List<String>) enrolled.getFlashMap().get("recoveryCodes");
        return new Enrolled(secret, code, recoveryCodes);
    }

    @Test
    void disablingAnAccountEndsItsOpenSessionsAtOnce() throws Exception {
        CurrentUser user = accounts.create("vohieu", Role.REPORTER, "SO-TU-PHAP", null);
        Cookie session = signIn(mvc, user.getUsername(), PASSWORD);
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());

        CurrentUser admin = accounts.create("quantri", Role.ADMIN, null, null);
        mvc.perform(post("/admin/accounts/{id}/disable", user.id()).with(as(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/accounts/" + user.id()));

        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login"));
        assertThat(failedSignIn(user.getUsername(), PASSWORD)).isEqualTo("/login?error");
        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class,
                user.getUsername())).isZero();
    }

    @Test
    void aFormWithoutItsCsrfTokenChangesNothing() throws Exception {
        CurrentUser user = accounts.create("csrf", Role.REPORTER, "SO-TU-PHAP", null);
        CurrentUser admin = accounts.create("quantri", Role.ADMIN, null, null);

        mvc.perform(post("/admin/accounts/{id}/disable", user.id()).with(as(admin))).andExpect(status().isForbidden());

        assertThat(jdbc.queryForObject("select enabled from account where id = ?", Boolean.class, user.id())).isTrue();
    }

    @Test
    void anAuthenticatorAppIsEnrolledThenAskedForAtEverySignInAndARecoveryCodeWorksOnce() throws Exception {
        CurrentUser user = accounts.create("haibuoc", Role.DISTRICT_REVIEWER, "HLG-TAM-DUONG", "106");
        Cookie session = signIn(mvc, user.getUsername(), PASSWORD);

        String page = mvc.perform(get("/account/totp").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("data:image/png;base64,")))
                .andReturn().getResponse().getContentAsString();
        String secret = find(page, "id=\"totp-secret\">([A-Z2-7]+)<");
        mvc.perform(post("/account/totp").cookie(session).with(csrf()).param("code", "000000"))
                .andExpect(content().string(containsString("id=\"code-error\"")));
        MvcResult enrolled = mvc.perform(post("/account/totp").cookie(session).with(csrf()).param("code", Totp.codeFor(secret)))
                .andExpect(redirectedUrl("/account/totp/recovery-codes")).andReturn();
        @SuppressWarnings("unchecked")
        List<String> recoveryCodes = (List<String>) enrolled.getFlashMap().get("recoveryCodes");
        assertThat(recoveryCodes).hasSize(10);

        Cookie second = signInExpecting(user.getUsername(), "/login/totp");
        mvc.perform(get("/").cookie(second)).andExpect(redirectedUrl("/login/totp"));
        mvc.perform(post("/login/totp").cookie(second).with(csrf()).param("code", "123456"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mã không đúng hoặc đã hết hạn")));
        Cookie verified = mvc.perform(post("/login/totp").cookie(second).with(csrf()).param("code", Totp.codeFor(secret, 1)))
                .andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie("SESSION");
        assertThat(verified.getValue()).as("a new session id once fully signed in").isNotEqualTo(second.getValue());
        mvc.perform(get("/").cookie(verified)).andExpect(status().isOk());

        Cookie third = signInExpecting(user.getUsername(), "/login/totp");
        mvc.perform(post("/login/totp").cookie(third).with(csrf()).param("code", recoveryCodes.get(0)))
                .andExpect(redirectedUrl("/"));
        Cookie fourth = signInExpecting(user.getUsername(), "/login/totp");
        mvc.perform(post("/login/totp").cookie(fourth).with(csrf()).param("code", recoveryCodes.get(0)))
                .andExpect(status().isOk());
        mvc.perform(get("/").cookie(fourth)).andExpect(redirectedUrl("/login/totp"));
    }

    @Test
    void administratorsMustEnrolAnAuthenticatorAppBeforeAnythingElse() throws Exception {
        CurrentUser admin = accounts.create("quantri.moi", Role.ADMIN, null, null);
        Cookie session = signIn(mvc, admin.getUsername(), PASSWORD);

        mvc.perform(get("/admin/accounts").cookie(session)).andExpect(redirectedUrl("/account/totp"));
        mvc.perform(get("/account/totp").cookie(session))
                .andExpect(content().string(containsString("Tài khoản quản trị bắt buộc dùng xác thực hai bước")));
    }

    @Test
    void peopleSeeTheirOwnSessionsAndEndTheOthers() throws Exception {
        CurrentUser user = accounts.create("phien", Role.VIEWER, null, "12");
        Cookie first = signIn(mvc, user.getUsername(), PASSWORD);
        String phone = "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
        Cookie second = mvc.perform(post("/login").with(csrf()).header("User-Agent", phone)
                        .param("username", user.getUsername()).param("password", PASSWORD))
                .andReturn().getResponse().getCookie("SESSION");

        String page = mvc.perform(get("/account/sessions").cookie(first)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Phiên này").doesNotContain(first.getValue()).doesNotContain(second.getValue());
        // The device in words; the header as sent only in the cell's title.
        assertThat(page).contains(">Chrome trên Android<").doesNotContain(">" + phone + "<");
        String handle = find(page, "/account/sessions/([0-9a-f]{24})/end");

        mvc.perform(post("/account/sessions/{handle}/end", handle).cookie(first).with(csrf()))
                .andExpect(redirectedUrl("/account/sessions"));
        mvc.perform(get("/").cookie(second)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/").cookie(first)).andExpect(status().isOk());
    }

    private String failedSignIn(String username, String password) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("username", username).param("password", password))
                .andReturn().getResponse().getRedirectedUrl();
    }

    private Cookie signInExpecting(String username, String target) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).param("username", username).param("password", PASSWORD))
                .andExpect(redirectedUrl(target)).andReturn();
        return result.getResponse().getCookie("SESSION");
    }

    private Instant lockedUntil(CurrentUser user) {
        Timestamp until = jdbc.queryForObject("select locked_until from account where id = ?", Timestamp.class, user.id());
        return until == null ? null : until.toInstant();
    }

    private static String find(String page, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(page);
        assertThat(matcher.find()).as(regex).isTrue();
        return matcher.group(1);
    }
}
