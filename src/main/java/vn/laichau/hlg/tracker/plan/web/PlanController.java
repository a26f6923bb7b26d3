package vn.laichau.hlg.tracker.plan.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.laichau.hlg.tracker.plan.PlanService;
import vn.laichau.hlg.tracker.shared.web.NotFoundException;

import java.time.Clock;
import java.time.LocalDate;

/** The plan as the document has it, open to everyone. */
@Controller
class PlanController {

    private final PlanService plans;
    private final Clock clock;

    PlanController(PlanService plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    @GetMapping("/plan")
    String plan(Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("plan", plans.overview());
        model.addAttribute("document", plans.document());
        model.addAttribute("carriers", plans.carriersOn(today));
        model.addAttribute("today", today);
        return "plan/index";
    }

    @GetMapping("/plan/tasks/{code}")
    String task(@PathVariable String code, Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("detail", plans.task(code, today).orElseThrow(NotFoundException::new));
        model.addAttribute("today", today);
        return "plan/task";
    }
}
