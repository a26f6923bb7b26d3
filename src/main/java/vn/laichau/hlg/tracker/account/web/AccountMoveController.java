package vn.laichau.hlg.tracker.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.laichau.hlg.tracker.account.AccountMoves;
import vn.laichau.hlg.tracker.account.AccountMoves.Stranded;
import vn.laichau.hlg.tracker.shared.CurrentUser;

/**
 * Moving an account of a closed agency or unit to a successor: chosen on the administration's front page,
 * confirmed here, then done in one POST that carries {@code confirmed=1}.
 */
@Controller
class AccountMoveController {

    private final AccountMoves moves;

    AccountMoveController(AccountMoves moves) {
        this.moves = moves;
    }

    @GetMapping("/admin/accounts/{id}/move")
    String confirm(@PathVariable long id, @RequestParam(name = "target", required = false) String target, Model model) {
        Stranded account = moves.get(id);
        return page(account, id(target), String.valueOf(account.version()), null, model);
    }

    @PostMapping("/admin/accounts/{id}/move")
    String move(@PathVariable long id, @RequestParam(name = "target", required = false) String target,
                @RequestParam(name = "version", required = false) String version,
                @RequestParam(name = "confirmed", required = false) String confirmed,
                @AuthenticationPrincipal CurrentUser admin, HttpServletRequest request, HttpServletResponse response,
                Model model, RedirectAttributes redirect) {
        Stranded account = moves.get(id);
        Long targetId = id(target);
        Long read = id(version);
        if (!"1".equals(confirmed)) {
            // Nothing moves without the confirmation page's explicit answer.
            return page(account, targetId, version, null, model);
        }
        if (read == null || read != account.version()) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("stale", true);
            return page(account, targetId, String.valueOf(account.version()), null, model);
        }
        try {
            String error = moves.move(id, read, targetId, admin.getUsername(), request.getRemoteAddr());
            if (error != null) {
                return page(account, targetId, version, error, model);
            }
        } catch (ObjectOptimisticLockingFailureException stale) {
            Stranded current = moves.get(id);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("stale", true);
            return page(current, targetId, String.valueOf(current.version()), null, model);
        }
        redirect.addFlashAttribute("flashSuccess", "admin.moves.moved");
        return "redirect:/admin";
    }

    private static String page(Stranded account, Long target, String version, String error, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("target", target);
        model.addAttribute("targetName", account.choices().stream().filter(choice -> choice.id() == (target == null ? -1 : target))
                .map(AccountMoves.Choice::name).findFirst().orElse(null));
        model.addAttribute("version", version);
        model.addAttribute("error", error);
        return "account/admin/move";
    }

    private static Long id(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
