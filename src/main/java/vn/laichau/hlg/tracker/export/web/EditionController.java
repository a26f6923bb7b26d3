package vn.laichau.hlg.tracker.export.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.laichau.hlg.tracker.export.EditionService;
import vn.laichau.hlg.tracker.export.EditionService.Edition;
import vn.laichau.hlg.tracker.export.EditionService.EditionRefusedException;
import vn.laichau.hlg.tracker.export.EditionService.InvalidFormException;
import vn.laichau.hlg.tracker.export.EditionService.IssueForm;
import vn.laichau.hlg.tracker.export.EditionService.Period;
import vn.laichau.hlg.tracker.export.EditionService.StaleSectionException;
import vn.laichau.hlg.tracker.export.Section;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.web.NotFoundException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The editions of the consolidated report (see {@link EditionService}): the unit's list, an edition with its
 * sections, a section's editor with its history, issuing, superseding and the DOCX.
 */
@Controller
class EditionController {

    private final EditionService editions;
    private final Clock clock;

    EditionController(EditionService editions, Clock clock) {
        this.editions = editions;
        this.clock = clock;
    }

    @GetMapping("/editions")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long unit, Model model) {
        long root = editions.unitFor(user, unit);
        model.addAttribute("unit", root);
        model.addAttribute("unitName", editions.unitName(root));
        model.addAttribute("editions", editions.list(user, root));
        model.addAttribute("periods", Period.all());
        return "export/editions";
    }

    @PostMapping("/editions")
    String start(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long unit,
                 @RequestParam(required = false) String period, Locale locale, RedirectAttributes redirect) {
        long root = editions.unitFor(user, unit);
        Period chosen = Period.parse(period);
        if (chosen == null) {
            redirect.addFlashAttribute("flashError", "edition.error.period");
            return "redirect:/editions?unit=" + root;
        }
        try {
            return "redirect:/editions/" + editions.start(user, root, chosen, locale);
        } catch (EditionRefusedException refused) {
            redirect.addFlashAttribute("flashError", refused.messageKey());
            return "redirect:/editions?unit=" + root;
        }
    }

    @GetMapping("/editions/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Edition edition = editions.edition(user, id);
        model.addAttribute("edition", edition);
        model.addAttribute("sections", Section.values());
        if (!model.containsAttribute("issue") && edition.draft()) {
            model.addAttribute("issue", new IssueForm("", LocalDate.now(clock).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                    edition.signerName(), edition.signerTitle(), edition.recipients(), edition.version()));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "export/edition";
    }

    @GetMapping("/editions/{id}/sections/{section}")
    String section(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable String section,
                   @RequestParam(required = false) Long revision, Model model) {
        Section chosen = section(section);
        Edition edition = editions.edition(user, id);
        var current = edition.section(chosen);
        model.addAttribute("body", current.body());
        model.addAttribute("version", current.version());
        return sectionPage(user, edition, chosen, revision, model);
    }

    private String sectionPage(CurrentUser user, Edition edition, Section section, Long revision, Model model) {
        var history = editions.history(user, edition.id(), section);
        model.addAttribute("edition", edition);
        model.addAttribute("section", section);
        model.addAttribute("history", history);
        model.addAttribute("shown", revision == null ? null
                : history.stream().filter(r -> r.id() == revision).findFirst().orElse(null));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "export/section";
    }

    @PostMapping("/editions/{id}/sections/{section}")
    String save(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable String section,
                @RequestParam(required = false) String body, @RequestParam(required = false) Long version,
                Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Section chosen = section(section);
        try {
            editions.save(user, id, chosen, body, version);
        } catch (StaleSectionException stale) {
            // Saved by someone else meanwhile: their text beside this one, which is kept in the editor;
            // saving again (over their version) is a deliberate choice.
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("body", body);
            model.addAttribute("version", stale.current().version());
            model.addAttribute("theirs", stale.current());
            return sectionPage(user, editions.edition(user, id), chosen, null, model);
        } catch (InvalidFormException invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("body", body);
            model.addAttribute("version", version);
            model.addAttribute("errors", invalid.errors());
            return sectionPage(user, editions.edition(user, id), chosen, null, model);
        } catch (EditionRefusedException refused) {
            redirect.addFlashAttribute("flashError", refused.messageKey());
            return "redirect:/editions/" + id;
        }
        redirect.addFlashAttribute("flashSuccess", "edition.saved");
        return "redirect:/editions/" + id + "#section-" + chosen.name();
    }

    @PostMapping("/editions/{id}/issue")
    String issue(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                 @RequestParam(required = false) String number, @RequestParam(required = false) String issuedOn,
                 @RequestParam(required = false) String signerName, @RequestParam(required = false) String signerTitle,
                 @RequestParam(required = false) String recipients, @RequestParam(required = false) Long version,
                 Model model, RedirectAttributes redirect, HttpServletResponse response) {
        IssueForm form = new IssueForm(number, issuedOn, signerName, signerTitle, recipients, version);
        try {
            editions.issue(user, id, form);
        } catch (InvalidFormException invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("issue", form);
            model.addAttribute("errors", invalid.errors());
            return show(user, id, model);
        } catch (EditionRefusedException refused) {
            redirect.addFlashAttribute("flashError", refused.messageKey());
            return "redirect:/editions/" + id;
        }
        redirect.addFlashAttribute("flashSuccess", "edition.issued");
        return "redirect:/editions/" + id;
    }

    @PostMapping("/editions/{id}/supersede")
    String supersede(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                     @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect,
                     HttpServletResponse response) {
        try {
            return "redirect:/editions/" + editions.supersede(user, id, reason);
        } catch (InvalidFormException invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("reason", reason);
            model.addAttribute("errors", invalid.errors());
            return show(user, id, model);
        } catch (EditionRefusedException refused) {
            redirect.addFlashAttribute("flashError", refused.messageKey());
            return "redirect:/editions/" + id;
        }
    }

    @GetMapping("/editions/{id}/edition.docx")
    void docx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Locale locale,
              HttpServletResponse response) throws IOException {
        Edition edition = editions.edition(user, id);
        var out = new ByteArrayOutputStream();
        editions.docx(user, id, locale, out);
        String kind = edition.period().equals(Period.INTERIM) ? "so-ket" : edition.period().equals(Period.FINAL) ? "tong-ket" : "tong-hop";
        String name = "bao-cao-" + kind + "-" + edition.period().code() + (edition.draft() ? "-du-thao" : "-" + edition.id()) + ".docx";
        ExportController.send(response, out, ExportController.DOCX, name);
    }

    private static Section section(String name) {
        return Arrays.stream(Section.values()).filter(s -> s.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(NotFoundException::new);
    }
}
