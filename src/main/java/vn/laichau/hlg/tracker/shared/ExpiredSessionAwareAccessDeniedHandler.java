package vn.laichau.hlg.tracker.shared;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

import java.io.IOException;

/**
 * A form posted after its session expired carries a CSRF token that died with the session. That is not
 * an attack but a slow phone or a long lunch: send the person to sign in again (the report form keeps
 * what was typed in the browser) instead of showing "access denied".
 */
class ExpiredSessionAwareAccessDeniedHandler implements AccessDeniedHandler {

    private final AccessDeniedHandler denied = new AccessDeniedHandlerImpl();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException, ServletException {
        boolean sessionExpired = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
        if (exception instanceof CsrfException && sessionExpired) {
            response.sendRedirect(request.getContextPath() + "/login?expired");
            return;
        }
        denied.handle(request, response, exception);
    }
}
