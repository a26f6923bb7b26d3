package vn.laichau.hlg.tracker.report.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.laichau.hlg.tracker.report.AgencyReminders;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.web.NotFoundException;

import java.util.Locale;

/**
 * An agency's obligations of a year, opened from a dashboard cell without a report or from the
 * agency's name, with the "Nhắc" buttons: plain forms, no script needed.
 */
@Controller
class AgencyReminderController {

    private final AgencyReminders reminders;

    AgencyReminderController(AgencyReminders reminders) {
        this.reminders = reminders;
    }

    @GetMapping("/dashboard/agencies/{id}")
    String obligations(@AuthenticationPrincipal CurrentUser user, @PathVariable("id") long agencyId, @RequestParam int year,
                       Model model) {
        model.addAttribute("agency", reminders.obligations(user, agencyId, year).orElseThrow(NotFoundException::new));
        return "report/agency-reminders";
    }

    @PostMapping("/dashboard/agencies/{id}/remind")
    String remind(@AuthenticationPrincipal CurrentUser user, @PathVariable("id") long agencyId, @RequestParam int year,
                  @RequestParam(required = false) Long task, Locale locale, RedirectAttributes redirect) {
        AgencyReminders.Outcome outcome = reminders.remind(user, agencyId, year, task, locale).orElseThrow(NotFoundException::new);
        redirect.addFlashAttribute(outcome.sent() ? "reminderSent" : "reminderRefused", outcome.message());
        return "redirect:/dashboard/agencies/" + agencyId + "?year=" + year;
    }
}
