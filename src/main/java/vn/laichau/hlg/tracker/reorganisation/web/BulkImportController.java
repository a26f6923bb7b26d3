package vn.laichau.hlg.tracker.reorganisation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.laichau.hlg.tracker.reorganisation.ImportViews.Preview;
import vn.laichau.hlg.tracker.reorganisation.ReorganisationService;
import vn.laichau.hlg.tracker.reorganisation.UnitImportService;
import vn.laichau.hlg.tracker.shared.CurrentUser;

import java.io.IOException;
import java.util.List;

/**
 * The two bulk imports, each in two steps like the agency import: upload and preview (every row with its
 * problems; for a reorganisation also the obligations that appear and disappear), then confirm.
 * {@code /admin/units/import} adds units; {@code /admin/reorganisation} applies a dated reorganisation.
 */
@Controller
class BulkImportController {

    private static final String UNITS = "/admin/units/import";
    private static final String REORGANISATION = "/admin/reorganisation";

    private final UnitImportService unitImport;
    private final ReorganisationService reorganisation;

    BulkImportController(UnitImportService unitImport, ReorganisationService reorganisation) {
        this.unitImport = unitImport;
        this.reorganisation = reorganisation;
    }

    /** Which import a request is about: its address, its session slot and its templates. */
    private enum Kind {
        UNITS(BulkImportController.UNITS, "unitImportPending", "admin/units/import", "admin/reorganisation/preview",
                "redirect:/admin/units", "admin.units.import."),
        REORGANISATION(BulkImportController.REORGANISATION, "reorganisationPending", "admin/reorganisation/import",
                "admin/reorganisation/preview", "redirect:/admin/units", "admin.reorganisation.");

        final String path;
        final String slot;
        final String form;
        final String preview;
        final String done;
        final String messages;

        Kind(String path, String slot, String form, String preview, String done, String messages) {
            this.path = path;
            this.slot = slot;
            this.form = form;
            this.preview = preview;
            this.done = done;
            this.messages = messages;
        }
    }

    @GetMapping(UNITS)
    String unitForm(Model model) {
        return form(Kind.UNITS, model);
    }

    @GetMapping(REORGANISATION)
    String reorganisationForm(Model model) {
        return form(Kind.REORGANISATION, model);
    }

    @PostMapping(UNITS)
    String unitUpload(@RequestParam(name = "file", required = false) MultipartFile file, HttpSession session,
                      RedirectAttributes redirect) throws IOException {
        return upload(Kind.UNITS, file, session, redirect);
    }

    @PostMapping(REORGANISATION)
    String reorganisationUpload(@RequestParam(name = "file", required = false) MultipartFile file, HttpSession session,
                                RedirectAttributes redirect) throws IOException {
        return upload(Kind.REORGANISATION, file, session, redirect);
    }

    @GetMapping(UNITS + "/preview")
    String unitPreview(HttpSession session, Model model) {
        return preview(Kind.UNITS, session, model);
    }

    @GetMapping(REORGANISATION + "/preview")
    String reorganisationPreview(HttpSession session, Model model) {
        return preview(Kind.REORGANISATION, session, model);
    }

    @PostMapping(UNITS + "/confirm")
    String unitConfirm(@RequestParam(name = "token", required = false) String token, HttpSession session,
                       @AuthenticationPrincipal CurrentUser user, HttpServletRequest request, RedirectAttributes redirect) {
        return confirm(Kind.UNITS, token, session, user, request, redirect);
    }

    @PostMapping(REORGANISATION + "/confirm")
    String reorganisationConfirm(@RequestParam(name = "token", required = false) String token, HttpSession session,
                                 @AuthenticationPrincipal CurrentUser user, HttpServletRequest request,
                                 RedirectAttributes redirect) {
        return confirm(Kind.REORGANISATION, token, session, user, request, redirect);
    }

    @PostMapping({UNITS + "/cancel", REORGANISATION + "/cancel"})
    String cancel(HttpServletRequest request, HttpSession session, RedirectAttributes redirect) {
        Kind kind = request.getRequestURI().contains(REORGANISATION) ? Kind.REORGANISATION : Kind.UNITS;
        session.removeAttribute(kind.slot);
        redirect.addFlashAttribute("flashSuccess", kind.messages + "cancelled");
        return "redirect:" + kind.path;
    }

    private String form(Kind kind, Model model) {
        model.addAttribute("columns", columns(kind));
        return kind.form;
    }

    private String upload(Kind kind, MultipartFile file, HttpSession session, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("flashError", "admin.units.import.error.noFile");
            return "redirect:" + kind.path;
        }
        if (file.getSize() > PendingUpload.MAX_BYTES) {
            redirect.addFlashAttribute("flashError", "admin.units.import.error.tooLarge");
            return "redirect:" + kind.path;
        }
        session.setAttribute(kind.slot, PendingUpload.of(file.getOriginalFilename(), file.getBytes()));
        return "redirect:" + kind.path + "/preview";
    }

    private String preview(Kind kind, HttpSession session, Model model) {
        if (!(session.getAttribute(kind.slot) instanceof PendingUpload pending)) {
            return "redirect:" + kind.path;
        }
        Preview preview = kind == Kind.UNITS ? unitImport.preview(pending.content()) : reorganisation.preview(pending.content());
        model.addAttribute("pending", pending);
        model.addAttribute("preview", preview);
        model.addAttribute("importPath", kind.path);
        model.addAttribute("importKey", kind.messages);
        return kind.preview;
    }

    private String confirm(Kind kind, String token, HttpSession session, CurrentUser user, HttpServletRequest request,
                           RedirectAttributes redirect) {
        if (!(session.getAttribute(kind.slot) instanceof PendingUpload pending) || !pending.token().equals(token)) {
            redirect.addFlashAttribute("flashError", "admin.units.import.error.expired");
            return "redirect:" + kind.path;
        }
        Preview result;
        try {
            result = kind == Kind.UNITS
                    ? unitImport.importUnits(pending.content(), user.getUsername(), request.getRemoteAddr())
                    : reorganisation.apply(pending.content(), user.getUsername(), request.getRemoteAddr());
        } catch (DataIntegrityViolationException concurrent) {
            // Someone saved a clashing change since the preview: the transaction saved nothing.
            redirect.addFlashAttribute("flashError", "admin.units.import.error.notSaved");
            return "redirect:" + kind.path + "/preview";
        }
        if (!result.saveable()) {
            redirect.addFlashAttribute("flashError", "admin.units.import.error.notSaved");
            return "redirect:" + kind.path + "/preview";
        }
        session.removeAttribute(kind.slot);
        redirect.addFlashAttribute("flashSuccess", kind.messages + "saved");
        return kind.done;
    }

    private static List<String> columns(Kind kind) {
        return switch (kind) {
            case UNITS -> UnitImportService.COLUMNS;
            case REORGANISATION -> ReorganisationService.COLUMNS;
        };
    }
}
