package vn.laichau.hlg.tracker.unit.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.web.StaleEditException;
import vn.laichau.hlg.tracker.unit.UnitChangeRejected;
import vn.laichau.hlg.tracker.unit.UnitLevel;
import vn.laichau.hlg.tracker.unit.UnitService;
import vn.laichau.hlg.tracker.unit.UnitSummary;
import vn.laichau.hlg.tracker.unit.UnitViews.Details;
import vn.laichau.hlg.tracker.unit.UnitViews.NewUnit;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The administrative tree: view it, add a unit, rename one, close one from a date naming its successor,
 * and name or confirm a closed unit's successors for the scopes of those who oversaw it.
 */
@Controller
@RequestMapping("/admin/units")
class UnitAdminController {

    private final UnitService units;

    UnitAdminController(UnitService units) {
        this.units = units;
    }

    @GetMapping
    String tree(Model model) {
        model.addAttribute("rows", units.tree());
        return "admin/units/tree";
    }

    @GetMapping("/new")
    String newForm(@RequestParam(name = "parent", required = false) Long parentId, Model model) {
        model.addAttribute("form", new UnitForm("", "", null, parentId, null));
        return newPage(model);
    }

    @PostMapping
    String create(@ModelAttribute("form") UnitForm form, BindingResult binding, Model model,
                  @AuthenticationPrincipal CurrentUser user, HttpServletRequest request, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return newPage(model);
        }
        try {
            units.create(new NewUnit(form.code(), form.name(), form.level(), form.parentId(), form.openedOn()),
                    user.getUsername(), request.getRemoteAddr());
        } catch (UnitChangeRejected rejected) {
            rejected.errors().forEach(binding::rejectValue);
            return newPage(model);
        }
        redirect.addFlashAttribute("flashSuccess", "admin.units.created");
        return "redirect:/admin/units";
    }

    @GetMapping("/{id}/rename")
    String renameForm(@PathVariable long id, Model model) {
        Details unit = units.get(id);
        model.addAttribute("unit", unit);
        model.addAttribute("form", new RenameForm(unit.name(), unit.version()));
        return "admin/units/rename";
    }

    @PostMapping("/{id}/rename")
    String rename(@PathVariable long id, @ModelAttribute("form") RenameForm form, BindingResult binding, Model model,
                  @AuthenticationPrincipal CurrentUser user, HttpServletRequest request,
                  RedirectAttributes redirect) {
        Details unit = units.get(id);
        model.addAttribute("unit", unit);
        if (binding.hasErrors()) {
            return "admin/units/rename";
        }
        try {
            units.rename(id, form.version(), form.name(), user.getUsername(), request.getRemoteAddr());
        } catch (UnitChangeRejected rejected) {
            rejected.errors().forEach(binding::rejectValue);
            return "admin/units/rename";
        } catch (ObjectOptimisticLockingFailureException stale) {
            Details current = units.get(id);
            throw new StaleEditException("admin.units.rename.title", "/admin/units/" + id + "/rename", current.version())
                    .field("admin.units.newName", form.name(), current.name());
        }
        redirect.addFlashAttribute("flashSuccess", "admin.units.renamed");
        return "redirect:/admin/units";
    }

    @GetMapping("/{id}/close")
    String closeForm(@PathVariable long id, Model model) {
        Details unit = units.get(id);
        model.addAttribute("form", new CloseForm(null, null, unit.version()));
        return closePage(unit, model);
    }

    @PostMapping("/{id}/close")
    String close(@PathVariable long id, @ModelAttribute("form") CloseForm form, BindingResult binding, Model model,
                 @AuthenticationPrincipal CurrentUser user, HttpServletRequest request,
                 RedirectAttributes redirect) {
        Details unit = units.get(id);
        if (binding.hasErrors()) {
            return closePage(unit, model);
        }
        try {
            units.close(id, form.version(), form.closedOn(), form.successorId(), user.getUsername(), request.getRemoteAddr());
        } catch (UnitChangeRejected rejected) {
            rejected.errors().forEach(binding::rejectValue);
            return closePage(unit, model);
        } catch (ObjectOptimisticLockingFailureException stale) {
            Details current = units.get(id);
            throw new StaleEditException("admin.units.close.title", "/admin/units/" + id + "/close", current.version())
                    .field("admin.units.closedOnLabel", form.closedOn(), current.closedOn())
                    .field("admin.units.successor", form.successorId() == null ? null
                            : units.findById(form.successorId()).map(UnitSummary::name).orElse(null), current.successorName());
        }
        // Agencies located in the unit stay open until the administrator closes or moves them: show them now.
        redirect.addFlashAttribute("flashSuccess", "admin.units.closed");
        return "redirect:/admin/agencies?unit=" + id + "&status=OPEN";
    }

    @GetMapping("/{id}/successors")
    String successorsPage(@PathVariable long id, Model model) {
        model.addAttribute("form", new SuccessorForm(null, false));
        return successorsPage(units.get(id), model);
    }

    @PostMapping("/{id}/successors")
    String nameSuccessor(@PathVariable long id, @ModelAttribute("form") SuccessorForm form, BindingResult binding, Model model,
                         @AuthenticationPrincipal CurrentUser user, HttpServletRequest request, RedirectAttributes redirect) {
        Details unit = units.get(id);
        if (binding.hasErrors()) {
            return successorsPage(unit, model);
        }
        try {
            units.nameSuccessor(id, form.successorId(), Boolean.TRUE.equals(form.scopeConfirmed()),
                    user.getUsername(), request.getRemoteAddr());
        } catch (UnitChangeRejected rejected) {
            rejected.errors().forEach(binding::rejectValue);
            return successorsPage(unit, model);
        }
        redirect.addFlashAttribute("flashSuccess", "admin.units.successors.named");
        return "redirect:/admin/units/" + id + "/successors";
    }

    @PostMapping("/{id}/successors/{successorId}/scope")
    String confirmScope(@PathVariable long id, @PathVariable long successorId,
                        @RequestParam(name = "confirmed", defaultValue = "false") boolean confirmed,
                        @AuthenticationPrincipal CurrentUser user, HttpServletRequest request, RedirectAttributes redirect) {
        units.confirmSuccessorScope(id, successorId, confirmed, user.getUsername(), request.getRemoteAddr());
        redirect.addFlashAttribute("flashSuccess",
                confirmed ? "admin.units.successors.confirmed" : "admin.units.successors.withdrawn");
        return "redirect:/admin/units/" + id + "/successors";
    }

    @PostMapping("/{id}/successors/{successorId}/remove")
    String removeSuccessor(@PathVariable long id, @PathVariable long successorId,
                           @AuthenticationPrincipal CurrentUser user, HttpServletRequest request, RedirectAttributes redirect) {
        units.removeSuccessor(id, successorId, user.getUsername(), request.getRemoteAddr());
        redirect.addFlashAttribute("flashSuccess", "admin.units.successors.removed");
        return "redirect:/admin/units/" + id + "/successors";
    }

    private String successorsPage(Details unit, Model model) {
        model.addAttribute("unit", unit);
        model.addAttribute("successors", units.successors(unit.id()));
        model.addAttribute("candidates", units.successorCandidates(unit.id()));
        return "admin/units/successors";
    }

    private String newPage(Model model) {
        model.addAttribute("levels", UnitLevel.values());
        model.addAttribute("parents", units.all().stream().filter(unit -> unit.level() != UnitLevel.COMMUNE).toList());
        return "admin/units/new";
    }

    private String closePage(Details unit, Model model) {
        Set<Long> inside = Set.copyOf(units.subtreeIds(unit.id()));
        List<UnitSummary> candidates = units.all().stream()
                .filter(candidate -> !inside.contains(candidate.id()))
                .toList();
        model.addAttribute("unit", unit);
        model.addAttribute("successors", candidates);
        return "admin/units/close";
    }

    /** The add form: a new unit below a parent. */
    record UnitForm(String code, String name, UnitLevel level, Long parentId,
                    LocalDate openedOn) {
    }

    /** The rename form, carrying the version that was read so that a concurrent change is noticed. */
    record RenameForm(String name, long version) {
    }

    /** Naming one more successor of a closed unit, and whether its overseers oversee it too. */
    record SuccessorForm(Long successorId, Boolean scopeConfirmed) {
    }

    /** The close form: from which day, which unit takes over (optional), and the version read. */
    record CloseForm(LocalDate closedOn, Long successorId, long version) {
    }
}
