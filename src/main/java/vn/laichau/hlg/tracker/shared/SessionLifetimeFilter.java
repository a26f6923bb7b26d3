package vn.laichau.hlg.tracker.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * Ends any session older than the absolute limit (12 hours), however active it has been, so that a
 * stolen or forgotten session does not live for ever. The idle limit is the session timeout itself.
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

    private final Duration maximum;
    private final Clock clock;

    SessionLifetimeFilter(Duration maximum, Clock clock) {
        this.maximum = maximum;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && clock.millis() - session.getCreationTime() > maximum.toMillis()) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + "/login?expired");
            return;
        }
        chain.doFilter(request, response);
    }
}
