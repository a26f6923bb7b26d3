package vn.laichau.hlg.tracker.account.web;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.laichau.hlg.tracker.account.AccountImport;
import vn.laichau.hlg.tracker.account.AccountImport.Imported;
import vn.laichau.hlg.tracker.account.AccountImport.Preview;
import vn.laichau.hlg.tracker.shared.CurrentUser;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Upload → preview of every row with its errors → confirm. The previewed rows stay on the server (in
 * the session), so what is saved is exactly what was shown.
 */
@Controller
class AccountImportController {

    static final String PREVIEW = "accountImport.preview";
    private static final long MAX_BYTES = 1024 * 1024;

    private final AccountImport accountImport;
    private final EmailLinks links;

    AccountImportController(AccountImport accountImport, EmailLinks links) {
        this.accountImport = accountImport;
        this.links = links;
    }

    @GetMapping("/admin/accounts/import")
    String form(Model model) {
        model.addAttribute("headers", AccountImport.HEADERS);
        return "account/admin/import";
    }

    @PostMapping("/admin/accounts/import")
    String preview(@RequestParam(value = "file", required = false) MultipartFile file, HttpSession session, Model model)
            throws IOException {
        model.addAttribute("headers", AccountImport.HEADERS);
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "admin.accounts.import.error.noFile");
            return "account/admin/import";
        }
        if (file.getSize() > MAX_BYTES) {
            model.addAttribute("fileError", "admin.accounts.import.error.tooLarge");
            return "account/admin/import";
        }
        Preview preview = accountImport.preview(file.getBytes());
        if (preview.fileError() != null) {
            model.addAttribute("fileError", preview.fileError());
            return "account/admin/import";
        }
        session.setAttribute(PREVIEW, preview);
        model.addAttribute("preview", preview);
        return "account/admin/import";
    }

    @PostMapping("/admin/accounts/import/confirm")
    String confirm(@AuthenticationPrincipal CurrentUser admin, HttpSession session, RedirectAttributes redirect) {
        Object stored = session.getAttribute(PREVIEW);
        session.removeAttribute(PREVIEW);
        if (!(stored instanceof Preview preview)) {
            redirect.addFlashAttribute("flashError", "admin.accounts.import.expired");
            return "redirect:/admin/accounts/import";
        }
        Optional<List<Imported>> imported = accountImport.save(preview, admin.getUsername(), links.base());
        if (imported.isEmpty()) {
            redirect.addFlashAttribute("flashError", "admin.accounts.import.notSaved");
            return "redirect:/admin/accounts/import";
        }
        redirect.addFlashAttribute("imported", imported.get());
        redirect.addFlashAttribute("flashSuccess", "admin.accounts.import.saved");
        return "redirect:/admin/accounts/import/result";
    }

    @GetMapping("/admin/accounts/import/result")
    String result(Model model) {
        if (!model.containsAttribute("imported")) {
            return "redirect:/admin/accounts";
        }
        return "account/admin/import-result";
    }
}
