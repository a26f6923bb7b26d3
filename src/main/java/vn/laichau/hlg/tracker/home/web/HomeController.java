package vn.laichau.hlg.tracker.home.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.laichau.hlg.tracker.period.PeriodService;
import vn.laichau.hlg.tracker.plan.PlanService;
import vn.laichau.hlg.tracker.report.ReportService;
import vn.laichau.hlg.tracker.report.ReportStatus;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;

import java.time.Clock;
import java.time.LocalDate;

/** The page each person lands on after signing in. */
@Controller
class HomeController {

    private static final int QUEUE_ON_HOME = 10;
    private static final int LAGGARDS_ON_HOME = 10;

    private final PlanService plans;
    private final ReportService reports;
    private final PeriodService periods;
    private final Clock clock;

    HomeController(PlanService plans, ReportService reports, PeriodService periods, Clock clock) {
        this.plans = plans;
        this.reports = reports;
        this.periods = periods;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("plan", plans.overview());
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("today", today);
        if (user.role() == Role.REPORTER) {
            // A work list: what is still owed in every year, returned and most overdue first.
            model.addAttribute("year", periods.currentYear());
            model.addAttribute("obligations", reports.openObligations(user, today));
        }
        if (reports.canReview(user)) {
            model.addAttribute("waiting", reports.waitingCount(user));
            model.addAttribute("oldestWaiting", reports.reviewQueue(user, null, null, null, ReportStatus.SUBMITTED)
                    .stream().limit(QUEUE_ON_HOME).toList());
            model.addAttribute("laggards", reports.laggards(user, today, LAGGARDS_ON_HOME));
        }
        return "home/index";
    }
}
