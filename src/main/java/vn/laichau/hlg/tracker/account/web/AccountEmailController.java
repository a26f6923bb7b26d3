package vn.laichau.hlg.tracker.account.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.laichau.hlg.tracker.account.AccountEmails;
import vn.laichau.hlg.tracker.shared.CurrentUser;

/** The person's own account page ({@code /account}): their e-mail address and its verification. */
@Controller
class AccountEmailController {

    private final AccountEmails emails;
    private final EmailLinks links;

    AccountEmailController(AccountEmails emails, EmailLinks links) {
        this.emails = emails;
        this.links = links;
    }

    /** The address as typed. */
    record EmailForm(String email) {
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal CurrentUser user, Model model) {
        AccountEmails.Email email = emails.of(user.id());
        return page(user, new EmailForm(email.address() == null ? "" : email.address()), model);
    }

    @PostMapping("/account/email")
    String change(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") EmailForm form, BindingResult binding,
                  Model model, RedirectAttributes redirect) {
        String problem = AccountEmails.problem(form.email());
        if (problem != null) {
            binding.rejectValue("email", problem);
            return page(user, form, model);
        }
        boolean changed = emails.change(user.id(), form.email(), user.getUsername(), links.base());
        boolean removed = AccountEmails.normalise(form.email()).isEmpty();
        redirect.addFlashAttribute("flashSuccess", !changed ? "account.email.unchanged"
                : removed ? "account.email.removed" : "account.email.sent");
        return "redirect:/account";
    }

    @PostMapping("/account/email/resend")
    String resend(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        redirect.addFlashAttribute("flashSuccess", emails.resend(user.id(), links.base())
                ? "account.email.sent" : "account.email.nothingToVerify");
        return "redirect:/account";
    }

    /** The link of the verification mail. */
    @GetMapping("/account/email/verify")
    String verify(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("outcome", emails.verify(token));
        return "account/email-verified";
    }

    private String page(CurrentUser user, EmailForm form, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        model.addAttribute("user", user);
        model.addAttribute("email", emails.of(user.id()));
        return "account/index";
    }
}
