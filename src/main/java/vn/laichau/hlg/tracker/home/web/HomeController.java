package vn.laichau.hlg.tracker.home.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.laichau.hlg.tracker.plan.PlanService;
import vn.laichau.hlg.tracker.shared.CurrentUser;

/** The page each person lands on after signing in. */
@Controller
class HomeController {

    private final PlanService plans;

    HomeController(PlanService plans) {
        this.plans = plans;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("plan", plans.overview());
        return "home/index";
    }
}
