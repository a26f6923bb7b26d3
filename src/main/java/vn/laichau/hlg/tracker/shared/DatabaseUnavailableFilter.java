package vn.laichau.hlg.tracker.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

/**
 * The first filter of every request: when the database cannot be reached (stopped, restarting, an
 * external server away) anywhere in the request, also in filters such as the one that loads the
 * session, the visitor gets a Vietnamese "try again in a moment" page with status 503 at once, never
 * the servlet container's own English page. Also answers, with the general Vietnamese error page text,
 * when rendering the error page itself fails.
 */
final class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    DatabaseUnavailableFilter(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            boolean unavailable = databaseUnavailable(e);
            boolean errorDispatch = request.getDispatcherType() == jakarta.servlet.DispatcherType.ERROR;
            if ((!unavailable && !errorDispatch) || response.isCommitted()) {
                throw e;
            }
            if (unavailable) {
                log.warn("{} {} answered 503: the database cannot be reached ({})", request.getMethod(), request.getRequestURI(),
                        rootMessage(e));
            } else {
                log.error("The error page for {} could not be shown", request.getRequestURI(), e);
            }
            render(response, unavailable);
        }
    }

    static boolean databaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof CannotCreateTransactionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private void render(HttpServletResponse response, boolean unavailable) throws IOException {
        // The locale filters have not run (or have already been undone) here: the application's own language.
        Locale locale = VIETNAMESE;
        String prefix = unavailable ? "error.503." : "error.5xx.";
        response.resetBuffer();
        response.setStatus(unavailable ? HttpServletResponse.SC_SERVICE_UNAVAILABLE : HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        if (unavailable) {
            response.setHeader("Retry-After", "10");
        }
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + text(prefix + "title", locale) + "</title></head><body><main>"
                + "<h1>" + text(prefix + "heading", locale) + "</h1>"
                + "<p>" + text(prefix + "text", locale) + "</p>"
                + "<p><a href=\"/\">" + text("error.backHome", locale) + "</a></p>"
                + "</main></body></html>");
        response.flushBuffer();
    }

    private String text(String key, Locale locale) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, null, key, locale), "UTF-8");
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
