package vn.laichau.hlg.tracker.period.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.laichau.hlg.tracker.agency.AgencyService;
import vn.laichau.hlg.tracker.period.ObligationService;
import vn.laichau.hlg.tracker.period.PeriodService;
import vn.laichau.hlg.tracker.period.PeriodView;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.web.NotFoundException;
import vn.laichau.hlg.tracker.shared.web.StaleEditException;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reporting periods: dates, closing, reopening for one agency. Province reviewers and administrators. */
@Controller
class PeriodAdminController {

    private final PeriodService periods;
    private final ObligationService obligations;
    private final AgencyService agencies;

    PeriodAdminController(PeriodService periods, ObligationService obligations, AgencyService agencies) {
        this.periods = periods;
        this.obligations = obligations;
        this.agencies = agencies;
    }

    record ScheduleForm(LocalDate opensOn,
                        LocalDate dueOn, long version) {
    }

    record ReopenForm(Long agencyId, LocalDate openUntil,
                      @Size(max = REASON_LIMIT, message = "period.reopen.reasonTooLong") String reason) {
    }

    /** As long as the form's field allows. */
    static final int REASON_LIMIT = 1_000;

    @GetMapping("/admin/periods")
    String list(Model model) {
        return page(model, null, Map.of(), null);
    }

    @PostMapping("/admin/periods/{year}/schedule")
    String schedule(@AuthenticationPrincipal CurrentUser user, @PathVariable int year, @ModelAttribute ScheduleForm form,
                    BindingResult binding, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return page(model, year, unreadable(binding), null);
        }
        Map<String, String> errors;
        try {
            errors = periods.schedule(user, year, form.opensOn(), form.dueOn(), form.version());
        } catch (ObjectOptimisticLockingFailureException stale) {
            PeriodView current = periods.find(year).orElseThrow(NotFoundException::new);
            throw new StaleEditException("period.admin.title", "/admin/periods/" + year + "/schedule", current.version())
                    .reloadFrom("/admin/periods")
                    .field("period.form.opensOn", form.opensOn(), current.opensOn())
                    .field("period.form.dueOn", form.dueOn(), current.dueOn());
        }
        if (!errors.isEmpty()) {
            return page(model, year, errors, null);
        }
        redirect.addFlashAttribute("flashSuccess", "period.saved");
        return "redirect:/admin/periods";
    }

    @PostMapping("/admin/periods/{year}/close")
    String close(@AuthenticationPrincipal CurrentUser user, @PathVariable int year, RedirectAttributes redirect) {
        periods.close(user, year);
        redirect.addFlashAttribute("flashSuccess", "period.closed");
        return "redirect:/admin/periods";
    }

    @PostMapping("/admin/periods/{year}/open")
    String open(@AuthenticationPrincipal CurrentUser user, @PathVariable int year, RedirectAttributes redirect) {
        periods.open(user, year);
        redirect.addFlashAttribute("flashSuccess", "period.opened");
        return "redirect:/admin/periods";
    }

    @PostMapping("/admin/periods/{year}/reopen")
    String reopen(@AuthenticationPrincipal CurrentUser user, @PathVariable int year, @Valid @ModelAttribute ReopenForm form,
                  BindingResult binding, Model model, RedirectAttributes redirect, HttpServletRequest request) {
        if (binding.hasErrors()) {
            // What was typed comes back, also when a field could not be read at all (then the form is null).
            ReopenForm typed = form != null ? form : new ReopenForm(null, null, request.getParameter("reason"));
            return page(model, year, unreadable(binding), typed);
        }
        Map<String, String> errors = periods.reopenFor(user, year, form.agencyId(), form.openUntil(), form.reason());
        if (!errors.isEmpty()) {
            return page(model, year, errors, form);
        }
        redirect.addFlashAttribute("flashSuccess", "period.reopened");
        return "redirect:/admin/periods";
    }

    /**
     * A date typed in another form (phones without a date picker) or a value that is not a number; or a
     * value the form's constraints refuse, under the message key the constraint names.
     */
    private static Map<String, String> unreadable(BindingResult binding) {
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(error -> errors.put(error.getField(),
                error.isBindingFailure() ? "period.form.unreadable" : error.getDefaultMessage()));
        return errors;
    }

    private String page(Model model, Integer failedYear, Map<String, String> errors, ReopenForm reopenForm) {
        List<PeriodView> all = periods.all();
        Map<Integer, Object> reopenings = new LinkedHashMap<>();
        for (PeriodView period : all) {
            if (period.closed()) {
                reopenings.put(period.year(), periods.reopenings(period.year()));
            }
        }
        model.addAttribute("periods", all);
        model.addAttribute("reopenings", reopenings);
        model.addAttribute("failedYear", failedYear);
        model.addAttribute("errors", errors);
        model.addAttribute("reopenForm", reopenForm);
        model.addAttribute("agencies", agencies.findAll(obligationAgencies()).stream()
                .sorted(Comparator.comparing(a -> a.unitLevel().ordinal())).toList());
        return "period/admin";
    }

    private List<Long> obligationAgencies() {
        return obligations.agenciesOwing();
    }
}
