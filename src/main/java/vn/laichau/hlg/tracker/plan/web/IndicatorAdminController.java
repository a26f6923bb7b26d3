package vn.laichau.hlg.tracker.plan.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.laichau.hlg.tracker.plan.PlanService;
import vn.laichau.hlg.tracker.plan.PlanViews;
import vn.laichau.hlg.tracker.plan.PlanViews.IndicatorView;
import vn.laichau.hlg.tracker.agency.AgencyService;
import vn.laichau.hlg.tracker.shared.Days;
import vn.laichau.hlg.tracker.shared.web.NotFoundException;
import vn.laichau.hlg.tracker.shared.web.StaleEditException;
import vn.laichau.hlg.tracker.unit.UnitLevel;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Administration of the plan: indicators (add and change them, attach them to tasks and detach them), and
 * who carries an assignment from a day on, and the plan's own number and date of issue.
 */
@Controller
class IndicatorAdminController {

    private final PlanService plan;
    private final AgencyService agencies;
    private final Clock clock;

    IndicatorAdminController(PlanService plan, AgencyService agencies, Clock clock) {
        this.plan = plan;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** An indicator as typed; the position stays text so that a typo comes back with its message. */
    record IndicatorForm(String code, String name, String unit, String memberCategory, String position, Boolean active,
                         Long version) {
    }

    @GetMapping("/admin/plan")
    String page(Model model) {
        return page(model, null, new IndicatorForm("", "", "", "", "100", true, null), Map.of());
    }

    @GetMapping("/admin/plan/indicators/{id}")
    String edit(@PathVariable long id, Model model) {
        IndicatorView indicator = plan.indicator(id).orElseThrow(NotFoundException::new);
        return page(model, id, new IndicatorForm(indicator.code(), indicator.name(), indicator.unit(),
                indicator.memberCategory(), String.valueOf(indicator.position()), indicator.active(), indicator.version()), Map.of());
    }

    @PostMapping("/admin/plan/indicators")
    String add(@ModelAttribute IndicatorForm form, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = plan.addIndicator(form.code(), form.name(), form.unit(), form.memberCategory(), position(form));
        if (!errors.isEmpty()) {
            return page(model, null, form, errors);
        }
        redirect.addFlashAttribute("flashSuccess", "plan.admin.saved");
        return "redirect:/admin/plan";
    }

    @PostMapping("/admin/plan/indicators/{id}")
    String update(@PathVariable long id, @ModelAttribute IndicatorForm form, Model model, RedirectAttributes redirect) {
        plan.indicator(id).orElseThrow(NotFoundException::new);
        Map<String, String> errors = plan.updateIndicator(id, form.version() == null ? -1 : form.version(), form.name(),
                form.unit(), form.memberCategory(), position(form), Boolean.TRUE.equals(form.active()));
        if (errors.containsKey("version")) {
            IndicatorView current = plan.indicator(id).orElseThrow(NotFoundException::new);
            throw new StaleEditException("plan.admin.indicator.editTitle", "/admin/plan/indicators/" + id, current.version())
                    .field("plan.admin.indicator.name", form.name(), current.name())
                    .field("plan.admin.indicator.unit", form.unit(), current.unit())
                    .field("plan.admin.indicator.memberCategory", form.memberCategory(), current.memberCategory())
                    .field("plan.admin.indicator.position", form.position(), String.valueOf(current.position()));
        }
        if (!errors.isEmpty()) {
            return page(model, id, form, errors);
        }
        redirect.addFlashAttribute("flashSuccess", "plan.admin.saved");
        return "redirect:/admin/plan";
    }

    @PostMapping("/admin/plan/tasks/{taskId}/indicators")
    String attach(@PathVariable long taskId, @RequestParam(required = false) Long indicator, RedirectAttributes redirect) {
        plan.taskRef(taskId).orElseThrow(NotFoundException::new);
        if (indicator == null) {
            redirect.addFlashAttribute("flashError", "plan.admin.attachNone");
            return "redirect:/admin/plan#task-" + taskId;
        }
        plan.indicator(indicator).orElseThrow(NotFoundException::new);
        plan.attachIndicator(taskId, indicator);
        redirect.addFlashAttribute("flashSuccess", "plan.admin.attached");
        return "redirect:/admin/plan#task-" + taskId;
    }

    @PostMapping("/admin/plan/tasks/{taskId}/indicators/{indicator}/detach")
    String detach(@PathVariable long taskId, @PathVariable long indicator, RedirectAttributes redirect) {
        plan.detachIndicator(taskId, indicator);
        redirect.addFlashAttribute("flashSuccess", "plan.admin.detached");
        return "redirect:/admin/plan#task-" + taskId;
    }

    /** A re-pointing as typed: the day stays text so that a typo comes back with its message. */
    record CarrierForm(Long assignmentId, String validFrom, Long agencyId, Long kindId, String unitLevel, String reason) {

        static CarrierForm empty() {
            return new CarrierForm(null, "", null, null, "", "");
        }
    }

    @PostMapping("/admin/plan/carriers")
    String repoint(@ModelAttribute CarrierForm carrier, Principal user, Model model,
                   RedirectAttributes redirect) {
        LocalDate from = Days.parse(carrier.validFrom());
        UnitLevel level = carrier.unitLevel() == null || carrier.unitLevel().isBlank() ? null
                : Arrays.stream(UnitLevel.values()).filter(l -> l.name().equals(carrier.unitLevel())).findFirst()
                .orElse(null);
        Map<String, String> errors = plan.repoint(carrier.assignmentId(), from, carrier.agencyId(), carrier.kindId(), level,
                carrier.reason(), user.getName());
        if (!errors.isEmpty()) {
            return page(model, null, new IndicatorForm("", "", "", "", "100", true, null), Map.of(), carrier, errors);
        }
        redirect.addFlashAttribute("flashSuccess", "plan.admin.carrier.saved");
        return "redirect:/admin/plan#carriers";
    }

    /** The plan's number and date as typed: the date stays text so that a typo comes back with its message. */
    record DocumentForm(String documentNumber, String issuedOn) {
    }

    @PostMapping("/admin/plan/document")
    String identify(@ModelAttribute DocumentForm document, Principal user, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = plan.identify(document.documentNumber(), Days.parse(document.issuedOn()),
                document.issuedOn(), user.getName());
        if (!errors.isEmpty()) {
            model.addAttribute("documentForm", document);
            model.addAttribute("documentErrors", errors);
            return page(model, null, new IndicatorForm("", "", "", "", "100", true, null), Map.of());
        }
        redirect.addFlashAttribute("flashSuccess", "plan.admin.document.saved");
        return "redirect:/admin/plan#plan-document";
    }

    private String page(Model model, Long editing, IndicatorForm form, Map<String, String> errors) {
        return page(model, editing, form, errors, CarrierForm.empty(), Map.of());
    }

    private String page(Model model, Long editing, IndicatorForm form, Map<String, String> errors, CarrierForm carrier,
                        Map<String, String> carrierErrors) {
        model.addAttribute("carrierForm", carrier);
        model.addAttribute("carrierErrors", carrierErrors);
        if (!model.containsAttribute("documentForm")) {
            PlanViews.PlanDocument document = plan.document();
            model.addAttribute("documentForm", new DocumentForm(document.number() == null ? "" : document.number(),
                    document.issuedOn() == null ? "" : document.issuedOn().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
            model.addAttribute("documentErrors", Map.of());
        }
        model.addAttribute("assignments", plan.repointableAssignments());
        model.addAttribute("carriers", plan.carrierHistory());
        model.addAttribute("agencies", agencies.findOpenOn(LocalDate.now(clock)));
        model.addAttribute("kinds", agencies.kinds());
        model.addAttribute("levels", UnitLevel.values());
        model.addAttribute("tasks", plan.taskRefs());
        Map<Long, List<IndicatorView>> byTask = plan.indicatorsByTask(false);
        model.addAttribute("byTask", byTask);
        // The indicators a task already has are not offered again in its select.
        model.addAttribute("attachedIds", byTask.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> entry.getValue().stream().map(IndicatorView::id).collect(Collectors.toSet()))));
        model.addAttribute("indicators", plan.indicators());
        model.addAttribute("editing", editing);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "plan/admin";
    }


    private static Integer position(IndicatorForm form) {
        try {
            return form.position() == null ? null : Integer.valueOf(form.position().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
