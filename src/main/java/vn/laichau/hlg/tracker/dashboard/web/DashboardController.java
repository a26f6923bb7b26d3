package vn.laichau.hlg.tracker.dashboard.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import vn.laichau.hlg.tracker.dashboard.Dashboard.CellState;
import vn.laichau.hlg.tracker.dashboard.DashboardService;
import vn.laichau.hlg.tracker.shared.CurrentUser;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The consolidation of a year for the reviewer's or viewer's unit, or a unit below it. */
@Controller
class DashboardController {

    private static final String SECTIONS = "dashboard/sections :: sections";
    /** The blanks that start a line (the sections hold no pre, textarea or script; line breaks are kept). */
    private static final Pattern INDENTATION = Pattern.compile("\n[ \\t]+");

    private final DashboardService dashboards;
    private final MessageSource messages;
    private final DashboardPageCache cache;
    private final ViewResolver views;

    DashboardController(DashboardService dashboards, MessageSource messages, DashboardPageCache cache,
                        @Qualifier("thymeleafViewResolver") ViewResolver thymeleafViewResolver) {
        this.dashboards = dashboards;
        this.messages = messages;
        this.cache = cache;
        this.views = thymeleafViewResolver;
    }

    @GetMapping("/dashboard")
    String dashboard(@AuthenticationPrincipal CurrentUser user,
                     @RequestParam(required = false) Integer year,
                     @RequestParam(required = false) Long unit,
                     @RequestParam(required = false) String include,
                     @RequestParam(defaultValue = "1") int page,
                     HttpServletRequest request, HttpServletResponse response, WebRequest webRequest,
                     Locale locale, Model model) {
        int chosenYear = year == null ? dashboards.currentYear() : year;
        // The scope check runs on every request, before anything kept is looked at.
        var asked = dashboards.request(user, unit, "submitted".equals(include));
        var key = new DashboardPageCache.Key(asked.dataVersion(), asked.today(), user.role(), user.unitId(),
                asked.root(), chosenYear, asked.includeSubmitted(), Math.max(page, 1), locale, request.getContextPath());
        // A repeat view of a page whose data, scope and session have not changed is a 304: nothing is
        // computed or rendered. A page carrying a message from a redirect, or asked for without a session
        // (whose CSRF token the page's sign-out form would carry), is always sent whole.
        if (request.getSession(false) != null && !DashboardETag.carriesFlash(model)) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
            if (webRequest.checkNotModified(DashboardETag.of(key, user, request, model))) {
                return null;
            }
        }
        String sections = cache.get(key, () -> sections(user, chosenYear, unit, asked.includeSubmitted(), page,
                request, response, locale));
        model.addAttribute("year", chosenYear);
        model.addAttribute("sections", sections);
        return "dashboard/index";
    }

    /** Computes the dashboard and renders its sections to text. */
    private String sections(CurrentUser user, int year, Long unit, boolean includeSubmitted, int page,
                            HttpServletRequest request, HttpServletResponse response, Locale locale) {
        var dashboard = dashboards.dashboard(user, year, unit, includeSubmitted, page);
        Map<String, Object> model = new HashMap<>();
        model.put("d", dashboard);
        model.put("links", new DashboardLinks(request.getContextPath(), year, unit, dashboard.includeSubmitted()));
        model.put("mayIncludeSubmitted", dashboards.mayIncludeSubmitted(user));
        model.put("reportsBase", request.getContextPath() + "/reports/");
        // The matrix repeats six words a few thousand times: look each up once.
        Map<String, String> cellLabels = new HashMap<>();
        for (CellState state : CellState.values()) {
            cellLabels.put(state.name(), messages.getMessage("dashboard.cell." + state.name() + ".short", null, locale));
        }
        model.put("matrixRows", MatrixHtml.rows(dashboard.matrix(), cellLabels, request.getContextPath() + "/reports/",
                request.getContextPath() + "/dashboard/agencies/", year));
        model.put("matrixCards", MatrixHtml.cards(dashboard.matrix(), cellLabels, request.getContextPath() + "/reports/",
                request.getContextPath() + "/dashboard/agencies/", year));
        try {
            View view = views.resolveViewName(SECTIONS, locale);
            if (view == null) {
                throw new IllegalStateException("No view " + SECTIONS);
            }
            var text = new TextResponse(response);
            view.render(model, request, text);
            // Template indentation repeated in every row is a fifth of the page; browsers ignore it.
            return INDENTATION.matcher(text.toString()).replaceAll("\n");
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Rendering " + SECTIONS + " failed", e);
        }
    }

    /** A response whose body is written to a string, leaving the real response untouched. */
    private static final class TextResponse extends HttpServletResponseWrapper {

        private final StringWriter body = new StringWriter(64 * 1024);
        private final PrintWriter writer = new PrintWriter(body);

        TextResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public void setContentType(String type) {
            // the real response's type is set by the page around the sections
        }

        @Override
        public void setCharacterEncoding(String charset) {
            // likewise
        }

        @Override
        public void flushBuffer() {
            writer.flush();
        }

        @Override
        public String toString() {
            writer.flush();
            return body.toString();
        }
    }
}
