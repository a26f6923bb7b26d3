package vn.laichau.hlg.tracker.dashboard.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.laichau.hlg.tracker.dashboard.Dashboard.CellState;
import vn.laichau.hlg.tracker.dashboard.DashboardService;
import vn.laichau.hlg.tracker.shared.CurrentUser;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The consolidation of a year for the reviewer's or viewer's unit, or a unit below it. */
@Controller
class DashboardController {

    private final DashboardService dashboards;
    private final MessageSource messages;

    DashboardController(DashboardService dashboards, MessageSource messages) {
        this.dashboards = dashboards;
        this.messages = messages;
    }

    @GetMapping("/dashboard")
    String dashboard(@AuthenticationPrincipal CurrentUser user,
                     @RequestParam(required = false) Integer year,
                     @RequestParam(required = false) Long unit,
                     @RequestParam(required = false) String include,
                     @RequestParam(defaultValue = "1") int page,
                     HttpServletRequest request, Locale locale, Model model) {
        int chosenYear = year == null ? dashboards.currentYear() : year;
        boolean includeSubmitted = "submitted".equals(include);
        var dashboard = dashboards.dashboard(user, chosenYear, unit, includeSubmitted, page);
        model.addAttribute("d", dashboard);
        model.addAttribute("links", new DashboardLinks(request.getContextPath(), chosenYear, unit, dashboard.includeSubmitted()));
        model.addAttribute("mayIncludeSubmitted", dashboards.mayIncludeSubmitted(user));
        model.addAttribute("reportsBase", request.getContextPath() + "/reports/");
        // The matrix repeats six words a few thousand times: look each up once.
        Map<String, String> cellLabels = new HashMap<>();
        for (CellState state : CellState.values()) {
            cellLabels.put(state.name(), messages.getMessage("dashboard.cell." + state.name() + ".short", null, locale));
        }
        model.addAttribute("matrixRows", MatrixHtml.rows(dashboard.matrix(), cellLabels,
                request.getContextPath() + "/reports/"));
        return "dashboard/index";
    }
}
