package vn.laichau.hlg.tracker.agency.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.data.domain.Page;
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
import org.springframework.web.util.UriComponentsBuilder;
import vn.laichau.hlg.tracker.agency.AgencyChangeRejected;
import vn.laichau.hlg.tracker.agency.AgencyService;
import vn.laichau.hlg.tracker.agency.AgencyViews.AgencyData;
import vn.laichau.hlg.tracker.agency.AgencyViews.Details;
import vn.laichau.hlg.tracker.agency.AgencyViews.Filter;
import vn.laichau.hlg.tracker.agency.AgencyViews.Kind;
import vn.laichau.hlg.tracker.agency.AgencyViews.ListItem;
import vn.laichau.hlg.tracker.agency.AgencyViews.Status;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Pages;
import vn.laichau.hlg.tracker.shared.web.Choice;
import vn.laichau.hlg.tracker.shared.web.StaleEditException;
import vn.laichau.hlg.tracker.unit.UnitService;
import vn.laichau.hlg.tracker.unit.UnitSummary;

import java.time.LocalDate;

/** The agencies: list and search them, add one, edit one, close one from a date. */
@Controller
@RequestMapping("/admin/agencies")
class AgencyAdminController {

    static final int PAGE_SIZE = 25;

    private final AgencyService agencies;
    private final UnitService units;

    AgencyAdminController(AgencyService agencies, UnitService units) {
        this.agencies = agencies;
        this.units = units;
    }

    @GetMapping
    String list(@RequestParam(name = "q", required = false) String text,
                @RequestParam(name = "kind", required = false) Long kindId,
                @RequestParam(name = "unit", required = false) Long unitId,
                @RequestParam(name = "status", required = false) Status status,
                @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        String typed = text == null ? "" : text.strip();
        Filter filter = new Filter(typed, kindId, unitId, status);
        Page<ListItem> result = Pages.clamped(page, PAGE_SIZE, pageable -> agencies.search(filter, pageable));
        model.addAttribute("agencies", result);
        model.addAttribute("q", typed);
        model.addAttribute("kind", kindId);
        model.addAttribute("unit", unitId);
        model.addAttribute("status", status == null ? Status.ALL : status);
        model.addAttribute("statuses", Status.values());
        model.addAttribute("kinds", agencies.kinds());
        model.addAttribute("units", units.all());
        if (unitId != null) {
            units.findById(unitId).filter(unit -> unit.closedOn() != null)
                    .ifPresent(unit -> model.addAttribute("closedUnit", unit));
        }
        model.addAttribute("pageBase", UriComponentsBuilder.fromPath("/admin/agencies")
                .queryParamIfPresent("q", typed.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(typed))
                .queryParamIfPresent("kind", java.util.Optional.ofNullable(kindId))
                .queryParamIfPresent("unit", java.util.Optional.ofNullable(unitId))
                .queryParamIfPresent("status", java.util.Optional.ofNullable(status))
                .encode().build().toUriString());
        return "admin/agencies/list";
    }

    @GetMapping("/new")
    String newForm(@RequestParam(name = "unit", required = false) Long unitId, Model model) {
        model.addAttribute("form", new AgencyForm("", "", null, unitId, null, 0));
        return formPage(null, model);
    }

    @PostMapping
    String create(@ModelAttribute("form") AgencyForm form, BindingResult binding, Model model,
                  @AuthenticationPrincipal CurrentUser user, HttpServletRequest request, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return formPage(null, model);
        }
        try {
            agencies.create(form.data(), user.getUsername(), request.getRemoteAddr());
        } catch (AgencyChangeRejected rejected) {
            rejected.errors().forEach(binding::rejectValue);
            return formPage(null, model);
        }
        redirect.addFlashAttribute("flashSuccess", "admin.agencies.created");
        return "redirect:/admin/agencies";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Details agency = agencies.get(id);
        model.addAttribute("form", new AgencyForm(agency.code(), agency.name(), agency.kindId(), agency.unitId(),
                agency.openedOn(), agency.version()));
        return formPage(agency, model);
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable long id, @ModelAttribute("form") AgencyForm form, BindingResult binding, Model model,
                  @AuthenticationPrincipal CurrentUser user, HttpServletRequest request,
                  RedirectAttributes redirect) {
        Details agency = agencies.get(id);
        if (binding.hasErrors()) {
            return formPage(agency, model);
        }
        try {
            agencies.update(id, form.version(), form.data(), user.getUsername(), request.getRemoteAddr());
        } catch (AgencyChangeRejected rejected) {
            rejected.errors().forEach(binding::rejectValue);
            return formPage(agency, model);
        } catch (ObjectOptimisticLockingFailureException stale) {
            throw staleEdit(id, form);
        }
        redirect.addFlashAttribute("flashSuccess", "admin.agencies.updated");
        return "redirect:/admin/agencies";
    }

    @GetMapping("/{id}/close")
    String closeForm(@PathVariable long id, Model model) {
        Details agency = agencies.get(id);
        model.addAttribute("agency", agency);
        model.addAttribute("form", new CloseForm(null, agency.version()));
        return "admin/agencies/close";
    }

    @PostMapping("/{id}/close")
    String close(@PathVariable long id, @ModelAttribute("form") CloseForm form, BindingResult binding, Model model,
                 @AuthenticationPrincipal CurrentUser user, HttpServletRequest request,
                 RedirectAttributes redirect) {
        Details agency = agencies.get(id);
        model.addAttribute("agency", agency);
        if (binding.hasErrors()) {
            return "admin/agencies/close";
        }
        try {
            agencies.close(id, form.version(), form.closedOn(), user.getUsername(), request.getRemoteAddr());
        } catch (AgencyChangeRejected rejected) {
            rejected.errors().forEach(binding::rejectValue);
            return "admin/agencies/close";
        } catch (ObjectOptimisticLockingFailureException stale) {
            Details current = agencies.get(id);
            throw new StaleEditException("admin.agencies.close.title", "/admin/agencies/" + id + "/close", current.version())
                    .field("admin.agencies.name", current.name(), current.name())
                    .field("admin.units.closedOnLabel", form.closedOn(), current.closedOn());
        }
        redirect.addFlashAttribute("flashSuccess", "admin.agencies.closed");
        return "redirect:/admin/agencies";
    }

    /** Someone saved the agency first: the shared 409 page, the typed values beside the saved ones. */
    private StaleEditException staleEdit(long id, AgencyForm form) {
        Details current = agencies.get(id);
        return new StaleEditException("admin.agencies.edit.title", "/admin/agencies/" + id + "/edit", current.version())
                .field("admin.agencies.code", form.code(), current.code())
                .field("admin.agencies.name", form.name(), current.name())
                .field("admin.agencies.kind", kindName(form.kindId()), kindName(current.kindId()))
                .field("admin.agencies.unit", form.unitId() == null ? null
                        : units.findById(form.unitId()).map(UnitSummary::name).orElse(null), current.unitName())
                .field("admin.agencies.openedOn", form.openedOn(), current.openedOn());
    }

    private String kindName(Long kindId) {
        return agencies.kinds().stream().filter(kind -> kindId != null && kind.id() == kindId)
                .map(Kind::name).findFirst().orElse(null);
    }

    private String formPage(Details agency, Model model) {
        model.addAttribute("agency", agency);
        model.addAttribute("kinds", Choice.all(agencies.kinds(), Kind::id, Kind::name));
        model.addAttribute("units", units.all());
        return "admin/agencies/form";
    }

    /** The add and edit form; {@code version} is the one read, so that a concurrent change is noticed. */
    record AgencyForm(String code, String name, Long kindId, Long unitId,
                      LocalDate openedOn, long version) {

        AgencyData data() {
            return new AgencyData(code, name, kindId, unitId, openedOn);
        }
    }

    /** The close form: from which day, and the version read. */
    record CloseForm(LocalDate closedOn, long version) {
    }
}
