package vn.laichau.hlg.tracker.account.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security handles the POST. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(Authentication authentication, @RequestParam(required = false) String error,
                 @RequestParam(required = false) String logout, @RequestParam(required = false) String expired,
                 Model model) {
        if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        model.addAttribute("loginError", error != null);
        model.addAttribute("loggedOut", logout != null);
        model.addAttribute("expired", expired != null);
        return "account/login";
    }
}
