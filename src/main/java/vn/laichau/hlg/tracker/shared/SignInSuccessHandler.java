package vn.laichau.hlg.tracker.shared;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

import java.io.IOException;
import java.time.Instant;

/**
 * After the password is accepted: notes where the session was opened (for the user's list of their
 * sessions) and, for accounts with an authenticator app, asks for its code before anything else.
 */
class SignInSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    SignInSuccessHandler() {
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws ServletException, IOException {
        HttpSession session = request.getSession();
        session.setAttribute(SignInSession.ADDRESS, request.getRemoteAddr());
        String userAgent = request.getHeader("User-Agent");
        session.setAttribute(SignInSession.USER_AGENT, userAgent == null ? "" : userAgent.substring(0, Math.min(200, userAgent.length())));
        session.setAttribute(SignInSession.AT, Instant.now().toEpochMilli());
        if (authentication.getPrincipal() instanceof CurrentUser user && user.secondFactorEnabled()) {
            session.setAttribute(SignInSession.SECOND_FACTOR_PENDING, Boolean.TRUE);
            getRedirectStrategy().sendRedirect(request, response, AccountGateFilter.SECOND_FACTOR_PATH);
            return;
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
