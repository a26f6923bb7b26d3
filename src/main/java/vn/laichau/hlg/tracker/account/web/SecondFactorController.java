package vn.laichau.hlg.tracker.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.laichau.hlg.tracker.account.SecondFactorService;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.SignInSession;

import java.util.List;

/** Enrolling an authenticator app, and giving its code at sign-in. */
@Controller
class SecondFactorController {

    /** Wrong codes one pending sign-in may give before it is ended (the account's own count also applies). */
    static final int MAX_CODES_PER_SESSION = 5;

    private final SecondFactorService secondFactor;

    SecondFactorController(SecondFactorService secondFactor) {
        this.secondFactor = secondFactor;
    }

    @GetMapping("/login/totp")
    String codeForm(HttpSession session) {
        if (!Boolean.TRUE.equals(session.getAttribute(SignInSession.SECOND_FACTOR_PENDING))) {
            return "redirect:/";
        }
        return "account/totp-login";
    }

    @PostMapping("/login/totp")
    String verify(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String code,
                  HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        if (session == null || !Boolean.TRUE.equals(session.getAttribute(SignInSession.SECOND_FACTOR_PENDING))) {
            return "redirect:/";
        }
        SecondFactorService.Outcome outcome = secondFactor.verifySignIn(user, code);
        if (outcome == SecondFactorService.Outcome.REFUSED) {
            Object before = session.getAttribute(SignInSession.SECOND_FACTOR_FAILURES);
            int failures = (before instanceof Integer count ? count : 0) + 1;
            session.setAttribute(SignInSession.SECOND_FACTOR_FAILURES, failures);
            if (failures < MAX_CODES_PER_SESSION) {
                model.addAttribute("codeError", true);
                return "account/totp-login";
            }
        }
        if (outcome != SecondFactorService.Outcome.ACCEPTED) {
            // Locked, or too many wrong codes in this session: the half-done sign-in ends here.
            SecurityContextHolder.clearContext();
            session.invalidate();
            return "redirect:/login?error";
        }
        // A new session id once fully signed in, as after the password step.
        request.changeSessionId();
        request.getSession().removeAttribute(SignInSession.SECOND_FACTOR_PENDING);
        request.getSession().removeAttribute(SignInSession.SECOND_FACTOR_FAILURES);
        return "redirect:/";
    }

    @GetMapping("/account/totp")
    String enrolment(@AuthenticationPrincipal CurrentUser user, Model model) {
        secondFactor.enrolment(user).ifPresentOrElse(
                enrolment -> model.addAttribute("enrolment", enrolment),
                () -> model.addAttribute("enrolled", true));
        model.addAttribute("required", user.role().name().equals("ADMIN") && !user.secondFactorEnabled());
        return "account/totp-enrol";
    }

    @PostMapping("/account/totp")
    String confirm(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String code,
                   HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        List<String> recoveryCodes = secondFactor.confirmEnrolment(user, code);
        if (recoveryCodes.isEmpty()) {
            model.addAttribute("codeError", true);
            return enrolment(user, model);
        }
        SessionSupport.replacePrincipal(user.withSecondFactorEnabled(), request, response);
        redirect.addFlashAttribute("recoveryCodes", recoveryCodes);
        return "redirect:/account/totp/recovery-codes";
    }

    /** Shown once, right after enrolment: a flash attribute, gone on reload. */
    @GetMapping("/account/totp/recovery-codes")
    String recoveryCodes(Model model) {
        if (!model.containsAttribute("recoveryCodes")) {
            return "redirect:/account/totp";
        }
        return "account/totp-recovery";
    }
}
