package vn.laichau.hlg.tracker.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.laichau.hlg.tracker.account.AccountService;
import vn.laichau.hlg.tracker.shared.CurrentUser;

import java.util.Map;

/** Where people choose their own password, and where a one-time password must be replaced. */
@Controller
class PasswordController {

    private final AccountService accounts;

    PasswordController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/account/password")
    String form(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("form", new PasswordForm("", "", ""));
        model.addAttribute("forced", user.mustChangePassword());
        return "account/password";
    }

    @PostMapping("/account/password")
    String change(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") PasswordForm form,
                  BindingResult binding, Model model, HttpServletRequest request, HttpServletResponse response,
                  RedirectAttributes redirect) {
        Map<String, String> errors = accounts.changePassword(user, form.currentPassword(), form.newPassword(),
                form.confirmPassword(), request.getSession().getId());
        if (!errors.isEmpty()) {
            errors.forEach((field, key) -> binding.rejectValue(field, key));
            model.addAttribute("forced", user.mustChangePassword());
            return "account/password";
        }
        if (user.mustChangePassword()) {
            SessionSupport.replacePrincipal(user.withPasswordChanged(), request, response);
        }
        redirect.addFlashAttribute("flashSuccess", "account.password.changed");
        return "redirect:/";
    }

    /** The three fields of the form. */
    record PasswordForm(String currentPassword, String newPassword, String confirmPassword) {
    }
}
