package vn.laichau.hlg.tracker.support;

import jakarta.servlet.http.Cookie;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;

import java.util.concurrent.atomic.AtomicInteger;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Accounts made for one test, with unique usernames, and ways to act as them: through the real sign-in
 * form (a {@code SESSION} cookie, as Spring Session keeps sessions in PostgreSQL) or as an already
 * authenticated principal.
 */
@Component
public class TestAccounts {

    public static final String PASSWORD = "một mật khẩu đủ dài cho kiểm thử";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwordEncoder;

    TestAccounts(JdbcTemplate jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    /** A new account; {@code agencyCode} and {@code unitCode} may be null. */
    public CurrentUser create(String prefix, Role role, String agencyCode, String unitCode) {
        String username = prefix + "." + System.nanoTime() % 1_000_000_000L + "." + SEQUENCE.incrementAndGet();
        Long agencyId = agencyCode == null ? null : jdbc.queryForObject("select id from agency where code = ?", Long.class, agencyCode);
        Long unitId = unitCode == null ? null : jdbc.queryForObject("select id from administrative_unit where code = ?", Long.class, unitCode);
        Long id = jdbc.queryForObject("""
                        insert into account (username, display_name, password_hash, role, agency_id, unit_id)
                        values (?, ?, ?, ?, ?, ?) returning id""", Long.class,
                username, "Người dùng " + username, passwordEncoder.encode(PASSWORD), role.name(), agencyId, unitId);
        return new CurrentUser(id, username, null, "Người dùng " + username, role, agencyId, unitId, true, false, false,
                role == Role.ADMIN);
    }

    /** Acts as the user without going through the sign-in form. */
    public static RequestPostProcessor as(CurrentUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    /** Signs in through the form and returns the session cookie. */
    public static Cookie signIn(MockMvc mvc, String username, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).param("username", username).param("password", password))
                .andReturn();
        return result.getResponse().getCookie("SESSION");
    }
}
