package vn.laichau.hlg.tracker.support;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * Signs a MockMvc request in as a person of a role. Sessions live in the database, so the sign-in
 * travels with each request rather than in a mock session.
 */
public final class AdminRequests {

    private AdminRequests() {
    }

    public static RequestPostProcessor as(Role role) {
        CurrentUser user = new CurrentUser(-1, "test." + role.name().toLowerCase(java.util.Locale.ROOT), null,
                "Test " + role, role, null, null, true, false, false, true);
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    public static RequestPostProcessor admin() {
        return as(Role.ADMIN);
    }
}
