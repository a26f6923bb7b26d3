package vn.laichau.hlg.tracker.account.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.laichau.hlg.tracker.account.SessionService;
import vn.laichau.hlg.tracker.shared.CurrentUser;

/** Where people see where they are signed in and sign out elsewhere. */
@Controller
class SessionController {

    private final SessionService sessions;

    SessionController(SessionService sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/account/sessions")
    String list(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request, Model model) {
        model.addAttribute("sessions", sessions.sessionsOf(user, request.getSession().getId()));
        return "account/sessions";
    }

    @PostMapping("/account/sessions/{handle}/end")
    String end(@AuthenticationPrincipal CurrentUser user, @PathVariable String handle, HttpServletRequest request,
               RedirectAttributes redirect) {
        boolean ended = sessions.end(user, handle, request.getSession().getId());
        redirect.addFlashAttribute(ended ? "flashSuccess" : "flashError", ended ? "account.sessions.ended" : "account.sessions.notFound");
        return "redirect:/account/sessions";
    }

    @PostMapping("/account/sessions/end-others")
    String endOthers(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request, RedirectAttributes redirect) {
        sessions.endOthers(user, request.getSession().getId());
        redirect.addFlashAttribute("flashSuccess", "account.sessions.endedOthers");
        return "redirect:/account/sessions";
    }
}
