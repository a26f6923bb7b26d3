package vn.laichau.hlg.tracker.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * The steps a signed-in person must take before anything else, in order: give the code of their
 * authenticator app (when they have one), replace a one-time password, and — for administrators, when
 * required — enrol an authenticator app. Until then every other page sends them to that step.
 */
class AccountGateFilter extends OncePerRequestFilter {

    static final String SECOND_FACTOR_PATH = "/login/totp";
    static final String CHANGE_PASSWORD_PATH = "/account/password";
    static final String ENROL_PATH = "/account/totp";

    private static final List<String> ALWAYS_ALLOWED = List.of(
            "/logout", "/error", "/css/", "/js/", "/img/", "/webjars/", "/favicon.ico");

    private final boolean adminSecondFactorRequired;

    AccountGateFilter(boolean adminSecondFactorRequired) {
        this.adminSecondFactorRequired = adminSecondFactorRequired;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            String step = requiredStep(user, request.getSession(false));
            if (step != null && !path.startsWith(step) && ALWAYS_ALLOWED.stream().noneMatch(path::startsWith)) {
                response.sendRedirect(request.getContextPath() + step);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private String requiredStep(CurrentUser user, HttpSession session) {
        if (session != null && Boolean.TRUE.equals(session.getAttribute(SignInSession.SECOND_FACTOR_PENDING))) {
            return SECOND_FACTOR_PATH;
        }
        if (user.mustChangePassword()) {
            return CHANGE_PASSWORD_PATH;
        }
        if (adminSecondFactorRequired && user.role() == Role.ADMIN && !user.secondFactorEnabled()) {
            return ENROL_PATH;
        }
        return null;
    }
}
