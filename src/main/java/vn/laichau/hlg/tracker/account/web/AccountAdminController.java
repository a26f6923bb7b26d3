package vn.laichau.hlg.tracker.account.web;

import jakarta.validation.Valid;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.laichau.hlg.tracker.account.AccountAdministration;
import vn.laichau.hlg.tracker.account.AccountEmails;
import vn.laichau.hlg.tracker.account.AccountAdministration.AccountCommand;
import vn.laichau.hlg.tracker.account.AccountAdministration.AccountView;
import vn.laichau.hlg.tracker.account.AccountAdministration.Created;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.shared.web.Choice;
import vn.laichau.hlg.tracker.shared.web.StaleEditException;

import java.util.Arrays;
import java.util.Map;

/** Account administration: one form for create and edit, actions as small POST forms. */
@Controller
class AccountAdminController {

    private final AccountAdministration administration;
    private final AccountEmails emails;
    private final EmailLinks links;

    AccountAdminController(AccountAdministration administration, AccountEmails emails, EmailLinks links) {
        this.administration = administration;
        this.emails = emails;
        this.links = links;
    }

    /**
     * The account form. A role or id that is not one fails the binding and comes back at its field (the
     * typed text kept by {@code FailedFormBinding}); the rules that need the database are the service's.
     */
    record AccountForm(String username, String displayName, Role role, Long agencyId, Long unitId, Long version,
                       @AccountEmailAddress String email) {

        AccountCommand command() {
            return new AccountCommand(username, displayName, role, agencyId, unitId, version);
        }

        static AccountForm of(AccountView view, AccountEmails.Email email) {
            return new AccountForm(view.username(), view.displayName(), view.role(), view.agencyId(), view.unitId(),
                    view.version(), email.address() == null ? "" : email.address());
        }
    }

    @GetMapping("/admin/accounts")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("accounts", administration.search(q, page));
        return "account/admin/list";
    }

    @GetMapping("/admin/accounts/new")
    String newForm(Model model) {
        return form(new AccountForm("", "", Role.REPORTER, null, null, null, ""), null, model);
    }

    @PostMapping("/admin/accounts")
    String create(@Valid @ModelAttribute("form") AccountForm form, BindingResult binding, @AuthenticationPrincipal CurrentUser admin,
                  Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return form(form, null, model);
        }
        Created created = administration.create(form.command(), admin.getUsername());
        if (!created.errors().isEmpty()) {
            created.errors().forEach((field, key) -> binding.rejectValue(field, key));
            return form(form, null, model);
        }
        emails.change(created.id(), form.email(), admin.getUsername(), links.base());
        redirect.addFlashAttribute("flashSuccess", "admin.accounts.created");
        redirect.addFlashAttribute("oneTimePassword", created.oneTimePassword());
        return "redirect:/admin/accounts/" + created.id();
    }

    @GetMapping("/admin/accounts/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("account", administration.get(id));
        model.addAttribute("email", emails.of(id));
        return "account/admin/show";
    }

    @GetMapping("/admin/accounts/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        AccountView account = administration.get(id);
        return form(AccountForm.of(account, emails.of(id)), account, model);
    }

    @PostMapping("/admin/accounts/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") AccountForm form, BindingResult binding,
                  @AuthenticationPrincipal CurrentUser admin, Model model, RedirectAttributes redirect) {
        AccountView account = administration.get(id);
        if (binding.hasErrors()) {
            return form(form, account, model);
        }
        try {
            Map<String, String> errors = administration.update(id, form.command(), admin.getUsername());
            if (!errors.isEmpty()) {
                errors.forEach((field, key) -> binding.rejectValue(field, key));
                return form(form, account, model);
            }
            emails.change(id, form.email(), admin.getUsername(), links.base());
        } catch (ObjectOptimisticLockingFailureException stale) {
            AccountView current = administration.get(id);
            throw new StaleEditException("admin.accounts.edit", "/admin/accounts/" + id + "/edit", current.version())
                    .field("admin.accounts.col.name", form.displayName(), current.displayName())
                    .choice("admin.accounts.col.role", form.role() == null ? null : "Role." + form.role(), "Role." + current.role());
        }
        redirect.addFlashAttribute("flashSuccess", "admin.accounts.updated");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/admin/accounts/{id}/disable")
    String disable(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
        if (id == admin.id()) {
            redirect.addFlashAttribute("flashError", "admin.accounts.cannotDisableSelf");
        } else {
            administration.disable(id, admin.getUsername());
            redirect.addFlashAttribute("flashSuccess", "admin.accounts.disabled");
        }
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/admin/accounts/{id}/enable")
    String enable(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
        administration.enable(id, admin.getUsername());
        redirect.addFlashAttribute("flashSuccess", "admin.accounts.enabled");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/admin/accounts/{id}/reset-password")
    String resetPassword(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
        redirect.addFlashAttribute("oneTimePassword", administration.resetPassword(id, admin.getUsername()));
        redirect.addFlashAttribute("flashSuccess", "admin.accounts.passwordReset");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/admin/accounts/{id}/unlock")
    String unlock(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
        administration.unlock(id, admin.getUsername());
        redirect.addFlashAttribute("flashSuccess", "admin.accounts.unlocked");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/admin/accounts/{id}/remove-second-factor")
    String removeSecondFactor(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
        administration.removeSecondFactor(id, admin.getUsername());
        redirect.addFlashAttribute("flashSuccess", "admin.accounts.secondFactorRemoved");
        return "redirect:/admin/accounts/" + id;
    }

    private String form(AccountForm form, AccountView account, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        model.addAttribute("account", account);
        var choices = administration.choices();
        model.addAttribute("roles", Arrays.stream(Role.values()).map(role -> Choice.keyed(role, "Role." + role)).toList());
        model.addAttribute("agencies", Choice.all(choices.agencies(), a -> a.id(), a -> a.name()));
        model.addAttribute("units", Choice.all(choices.units(), u -> u.id(), u -> u.name()));
        return "account/admin/form";
    }
}
