package vn.laichau.hlg.tracker.agency.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.laichau.hlg.tracker.agency.AgencyService;
import vn.laichau.hlg.tracker.agency.AgencyViews.ImportPreview;
import vn.laichau.hlg.tracker.shared.CurrentUser;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Import of agencies from a CSV file in two steps: upload and preview every row with its problems, then
 * confirm. The uploaded bytes stay on the server (in the session) between the two steps, so the rows
 * saved are exactly the rows previewed; the confirmation names the upload by a random token.
 */
@Controller
@RequestMapping("/admin/agencies/import")
class AgencyImportController {

    static final String PENDING = "agencyImportPending";
    static final long MAX_BYTES = 1024 * 1024;

    private final AgencyService agencies;

    AgencyImportController(AgencyService agencies) {
        this.agencies = agencies;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("kinds", agencies.kinds());
        return "admin/agencies/import";
    }

    @PostMapping
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, HttpSession session,
                  RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("flashError", "admin.agencies.import.error.noFile");
            return "redirect:/admin/agencies/import";
        }
        if (file.getSize() > MAX_BYTES) {
            redirect.addFlashAttribute("flashError", "admin.agencies.import.error.tooLarge");
            return "redirect:/admin/agencies/import";
        }
        byte[] content = file.getBytes();
        session.setAttribute(PENDING, new PendingImport(UUID.randomUUID().toString(),
                file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), content, sha256(content)));
        return "redirect:/admin/agencies/import/preview";
    }

    @GetMapping("/preview")
    String preview(HttpSession session, Model model) {
        if (!(session.getAttribute(PENDING) instanceof PendingImport pending)) {
            return "redirect:/admin/agencies/import";
        }
        ImportPreview preview = agencies.previewImport(pending.content());
        model.addAttribute("pending", pending);
        model.addAttribute("preview", preview);
        return "admin/agencies/preview";
    }

    @PostMapping("/confirm")
    String confirm(@RequestParam("token") String token, HttpSession session, @AuthenticationPrincipal CurrentUser user,
                   HttpServletRequest request, RedirectAttributes redirect) {
        if (!(session.getAttribute(PENDING) instanceof PendingImport pending) || !pending.token().equals(token)) {
            redirect.addFlashAttribute("flashError", "admin.agencies.import.error.expired");
            return "redirect:/admin/agencies/import";
        }
        ImportPreview result;
        try {
            result = agencies.importAgencies(pending.content(), user.getUsername(), request.getRemoteAddr());
        } catch (DataIntegrityViolationException concurrent) {
            // Someone saved one of these codes since the check: the transaction saved nothing.
            redirect.addFlashAttribute("flashError", "admin.agencies.import.error.notSaved");
            return "redirect:/admin/agencies/import/preview";
        }
        if (!result.saveable()) {
            redirect.addFlashAttribute("flashError", "admin.agencies.import.error.notSaved");
            return "redirect:/admin/agencies/import/preview";
        }
        session.removeAttribute(PENDING);
        redirect.addFlashAttribute("flashSuccess", "admin.agencies.import.saved");
        return "redirect:/admin/agencies";
    }

    @PostMapping("/cancel")
    String cancel(HttpSession session, RedirectAttributes redirect) {
        session.removeAttribute(PENDING);
        redirect.addFlashAttribute("flashSuccess", "admin.agencies.import.cancelled");
        return "redirect:/admin/agencies/import";
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An uploaded file waiting for confirmation, kept in the session (which lives in the database). */
    record PendingImport(String token, String fileName, byte[] content, String sha256) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;
    }
}
