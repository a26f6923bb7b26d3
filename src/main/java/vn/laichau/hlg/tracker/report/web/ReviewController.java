package vn.laichau.hlg.tracker.report.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.laichau.hlg.tracker.period.PeriodService;
import vn.laichau.hlg.tracker.plan.PlanService;
import vn.laichau.hlg.tracker.report.ReportConflictException;
import vn.laichau.hlg.tracker.report.ReportService;
import vn.laichau.hlg.tracker.report.ReportStatus;
import vn.laichau.hlg.tracker.report.ReportViews.ReportDetail;
import vn.laichau.hlg.tracker.report.ReportWorkflowException;
import vn.laichau.hlg.tracker.shared.CurrentUser;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The reviewer's queue and the review page: the report beside the same agency's report of the year before. */
@Controller
class ReviewController {

    /** What a reviewer acts on, and how the action ended. */
    private interface Step {
        void run();
    }

    private final ReportService reports;
    private final PeriodService periods;
    private final PlanService plan;
    private final java.time.Clock clock;

    ReviewController(ReportService reports, PeriodService periods, PlanService plan, java.time.Clock clock) {
        this.clock = clock;
        this.reports = reports;
        this.periods = periods;
        this.plan = plan;
    }

    @GetMapping("/review")
    String queue(@AuthenticationPrincipal CurrentUser user, @RequestParam Optional<Integer> year,
                 @RequestParam Optional<Long> unit, @RequestParam Optional<Long> task,
                 @RequestParam Optional<String> status, Model model) {
        ReportStatus chosenStatus = status.isEmpty() ? ReportStatus.SUBMITTED
                : Arrays.stream(ReportStatus.values()).filter(s -> s.name().equals(status.get())).findFirst().orElse(null);
        model.addAttribute("rows", reports.reviewQueue(user, year.orElse(null), unit.orElse(null), task.orElse(null), chosenStatus));
        model.addAttribute("year", year.orElse(null));
        model.addAttribute("unit", unit.orElse(null));
        model.addAttribute("task", task.orElse(null));
        model.addAttribute("status", chosenStatus == null ? "" : chosenStatus.name());
        model.addAttribute("years", periods.years());
        model.addAttribute("tasks", plan.taskRefs());
        model.addAttribute("statuses", List.of(ReportStatus.SUBMITTED, ReportStatus.RETURNED, ReportStatus.APPROVED));
        model.addAttribute("units", reports.reviewUnits(user));
        model.addAttribute("today", java.time.LocalDate.now(clock));
        return "report/queue";
    }

    @GetMapping("/review/{id}")
    String review(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        return reviewPage(user, id, model);
    }

    private String reviewPage(CurrentUser user, long id, Model model) {
        ReportDetail report = reports.detail(user, id);
        model.addAttribute("report", report);
        model.addAttribute("previous", reports.previousYear(user, report).orElse(null));
        model.addAttribute("contributions", reports.contributionsFor(user, report));
        model.addAttribute("history", reports.history(user, id));
        model.addAttribute("user", user);
        return "report/review";
    }

    /**
     * Approval is asked for twice, without script: the review page's button leads here, to a page that
     * names the report and holds the form that approves it.
     */
    @GetMapping("/review/{id}/approve")
    String confirmApproval(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        ReportDetail report = reports.detail(user, id);
        if (!reports.canReview(user) || report.status() != ReportStatus.SUBMITTED) {
            return "redirect:/review/" + id;
        }
        model.addAttribute("report", report);
        return "report/approve-confirm";
    }

    @PostMapping("/review/{id}/approve")
    String approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) Long version,
                   @RequestParam(required = false) String confirmed,
                   Model model, RedirectAttributes redirect, HttpServletResponse response) {
        if (!"1".equals(confirmed)) {
            // Not confirmed on the confirmation page: ask there, once the report is known to be in scope.
            reports.detail(user, id);
            return "redirect:/review/" + id + "/approve";
        }
        return act(user, id, model, redirect, response, "report.approved", () -> reports.approve(user, id, version));
    }

    @PostMapping("/review/{id}/return")
    String returnReport(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                        @RequestParam(required = false) Long version, @RequestParam(required = false) String reason,
                        Model model, RedirectAttributes redirect, HttpServletResponse response) {
        if (tooLong(reason)) {
            return reasonTooLong(user, id, reason, model, response);
        }
        return act(user, id, model, redirect, response, "report.returned",
                () -> reports.returnForRevision(user, id, version, reason));
    }

    @PostMapping("/review/{id}/reopen")
    String reopen(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(required = false) Long version, @RequestParam(required = false) String reason,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        if (tooLong(reason)) {
            return reasonTooLong(user, id, reason, model, response);
        }
        return act(user, id, model, redirect, response, "report.reopened", () -> reports.reopen(user, id, version, reason));
    }

    private static boolean tooLong(String reason) {
        return reason != null && reason.strip().length() > ReportService.REASON_LIMIT;
    }

    /** The review page again, with the reason as typed and the message next to it. */
    private String reasonTooLong(CurrentUser user, long id, String reason, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        model.addAttribute("reason", reason);
        model.addAttribute("reasonError", "report.workflow.reasonTooLong");
        return reviewPage(user, id, model);
    }

    private String act(CurrentUser user, long id, Model model, RedirectAttributes redirect, HttpServletResponse response,
                       String successKey, Step step) {
        try {
            step.run();
        } catch (ReportConflictException | ObjectOptimisticLockingFailureException stale) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("report", reports.detail(user, id));
            return "report/review-conflict";
        } catch (ReportWorkflowException refused) {
            redirect.addFlashAttribute("flashError", refused.messageKey());
            return "redirect:/review/" + id;
        }
        redirect.addFlashAttribute("flashSuccess", successKey);
        return "redirect:/review/" + id;
    }
}
