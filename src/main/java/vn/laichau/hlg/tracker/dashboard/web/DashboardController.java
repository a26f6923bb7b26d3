package vn.laichau.hlg.tracker.dashboard.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.laichau.hlg.tracker.dashboard.DashboardService;
import vn.laichau.hlg.tracker.shared.CurrentUser;

/** The consolidation of a year for the reviewer's or viewer's unit, or a unit below it. */
@Controller
class DashboardController {

    private final DashboardService dashboards;

    DashboardController(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping("/dashboard")
    String dashboard(@AuthenticationPrincipal CurrentUser user,
                     @RequestParam(required = false) Integer year,
                     @RequestParam(required = false) Long unit,
                     @RequestParam(required = false) String include,
                     @RequestParam(defaultValue = "1") int page,
                     Model model) {
        int chosenYear = year == null ? dashboards.currentYear() : year;
        boolean includeSubmitted = "submitted".equals(include);
        model.addAttribute("d", dashboards.dashboard(user, chosenYear, unit, includeSubmitted, page));
        model.addAttribute("mayIncludeSubmitted", dashboards.mayIncludeSubmitted(user));
        model.addAttribute("unitParam", unit);
        return "dashboard/index";
    }
}
