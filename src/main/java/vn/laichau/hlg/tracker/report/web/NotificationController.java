package vn.laichau.hlg.tracker.report.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.laichau.hlg.tracker.report.ReportService;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;

/** In-app notifications: new submissions for reviewers, returned or approved reports for reporters. */
@Controller
class NotificationController {

    private final ReportService reports;

    NotificationController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("notifications", reports.notifications(user));
        // A reviewer's notification opens the review page, where approving and returning are.
        model.addAttribute("reviewer", reports.canReview(user));
        return "report/notifications";
    }

    @PostMapping("/notifications/read")
    String markRead(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        reports.markNotificationsRead(user);
        redirect.addFlashAttribute("flashSuccess", "notification.markedRead");
        return "redirect:/notifications";
    }

    /** The badge in the navigation bar: how many notifications are unread. */
    @ControllerAdvice
    static class Badge {

        private final ReportService reports;

        Badge(ReportService reports) {
            this.reports = reports;
        }

        @ModelAttribute("unreadNotifications")
        Long unreadNotifications(@AuthenticationPrincipal CurrentUser user, jakarta.servlet.http.HttpServletRequest request) {
            // Only pages show the badge, and only to those who get notifications; a POST answers with a
            // redirect, and administrators and viewers have no notifications to count.
            boolean hasNotifications = user != null && (user.role() == Role.REPORTER
                    || user.role() == Role.PROVINCE_REVIEWER || user.role() == Role.DISTRICT_REVIEWER);
            return hasNotifications && "GET".equals(request.getMethod()) ? reports.unreadCount(user) : null;
        }
    }
}
