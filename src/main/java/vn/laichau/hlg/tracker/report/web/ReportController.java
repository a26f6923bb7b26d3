package vn.laichau.hlg.tracker.report.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.laichau.hlg.tracker.period.PeriodService;
import vn.laichau.hlg.tracker.report.ImplementationStatus;
import vn.laichau.hlg.tracker.report.ReportConflictException;
import vn.laichau.hlg.tracker.report.ReportForm;
import vn.laichau.hlg.tracker.report.ReportKind;
import vn.laichau.hlg.tracker.report.ReportService;
import vn.laichau.hlg.tracker.report.ReportViews.Download;
import vn.laichau.hlg.tracker.report.ReportViews.ReportDetail;
import vn.laichau.hlg.tracker.report.ReportWorkflowException;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A reporter's obligations, the report form, its attachments, and a report's page with its history. */
@Controller
class ReportController {

    private final ReportService reports;
    private final PeriodService periods;
    private final Clock clock;

    private final vn.laichau.hlg.tracker.report.DifficultyService difficulties;

    ReportController(ReportService reports, PeriodService periods, Clock clock,
                     vn.laichau.hlg.tracker.report.DifficultyService difficulties) {
        this.difficulties = difficulties;
        this.reports = reports;
        this.periods = periods;
        this.clock = clock;
    }

    @GetMapping("/reports")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam Optional<Integer> year, Model model) {
        if (user.role() != Role.REPORTER) {
            return user.role() == Role.VIEWER ? "redirect:/" : "redirect:/review";
        }
        int chosen = year.filter(y -> periods.find(y).isPresent()).orElseGet(periods::currentYear);
        model.addAttribute("year", chosen);
        model.addAttribute("years", periods.years());
        model.addAttribute("period", periods.find(chosen).orElse(null));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("obligations", reports.obligations(user, chosen));
        model.addAttribute("contributions", reports.contributionsToMake(user, chosen));
        java.util.Optional<LocalDate> closedOn = reports.agencyClosedBefore(user, chosen);
        model.addAttribute("agencyClosedOn", closedOn.orElse(null));
        model.addAttribute("acceptsEdits", closedOn.isEmpty() && periods.acceptsEdits(chosen, user.agencyId()));
        return "report/list";
    }

    @PostMapping("/reports/start")
    String start(@AuthenticationPrincipal CurrentUser user, @RequestParam long obligation, RedirectAttributes redirect) {
        try {
            return "redirect:/reports/" + reports.start(user, obligation) + "/edit";
        } catch (ReportWorkflowException refused) {
            redirect.addFlashAttribute("flashError", refused.messageKey());
            return "redirect:/reports";
        }
    }

    @PostMapping("/reports/contribute")
    String contribute(@AuthenticationPrincipal CurrentUser user, @RequestParam long task, @RequestParam int year,
                      RedirectAttributes redirect) {
        try {
            return "redirect:/reports/" + reports.startContribution(user, task, year) + "/edit";
        } catch (ReportWorkflowException refused) {
            redirect.addFlashAttribute("flashError", refused.messageKey());
            return "redirect:/reports?year=" + year;
        }
    }

    @GetMapping("/reports/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        ReportDetail report = reports.detail(user, id);
        model.addAttribute("report", report);
        model.addAttribute("history", reports.history(user, id));
        model.addAttribute("contributions", reports.contributionsFor(user, report));
        model.addAttribute("canEdit", reports.canEdit(user, report));
        model.addAttribute("canReview", reports.canReview(user));
        model.addAttribute("answers", difficulties.ofReport(user, id));
        model.addAttribute("user", user);
        return "report/show";
    }

    @GetMapping("/reports/{id}/edit")
    String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model, RedirectAttributes redirect) {
        ReportDetail report = reports.detail(user, id);
        if (!reports.canEdit(user, report)) {
            redirect.addFlashAttribute("flashError", reports.whyNotEditable(user, report));
            return "redirect:/reports/" + id;
        }
        return form(model, report, formOf(report), Map.of(), null);
    }

    @PostMapping("/reports/{id}/edit")
    String save(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @ModelAttribute ReportForm form,
                @RequestParam(defaultValue = "save") String action,
                @RequestParam(name = "files", required = false) List<MultipartFile> files,
                Model model, RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        boolean submit = "submit".equals(action);
        ReportDetail report = reports.detail(user, id);
        if (!reports.canEdit(user, report)) {
            redirect.addFlashAttribute("flashError", reports.whyNotEditable(user, report));
            return "redirect:/reports/" + id;
        }
        Map<String, String> errors = new LinkedHashMap<>(reports.validate(user, id, form, submit));
        List<MultipartFile> uploads = files == null ? List.of()
                : files.stream().filter(file -> file != null && !file.isEmpty()).toList();
        if (!errors.isEmpty()) {
            if (!uploads.isEmpty()) {
                errors.put("files", "report.attachment.error.notStoredWithErrors");
            }
            return form(model, report, form, errors, null);
        }
        try {
            // Files first: a refused file stores nothing and the typed text comes back with the message.
            List<String> refusals = new ArrayList<>();
            if (!uploads.isEmpty()) {
                if (!Long.valueOf(report.version()).equals(form.version())) {
                    throw new ReportConflictException(id);
                }
                for (MultipartFile file : uploads) {
                    // Read from the part's temporary file as a stream, never whole (see AttachmentInspector).
                    reports.addAttachment(user, id, file.getOriginalFilename(), file.getSize(), file).ifPresent(refusals::add);
                }
            }
            if (!refusals.isEmpty()) {
                errors.put("files", refusals.get(0));
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
                return form(model, reports.detail(user, id), form, errors, null);
            }
            errors.putAll(reports.save(user, id, form, submit));
        } catch (ReportConflictException | ObjectOptimisticLockingFailureException stale) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return form(model, reports.detail(user, id), form, Map.of(), reports.detail(user, id));
        }
        if (!errors.isEmpty()) {
            return form(model, reports.detail(user, id), form, errors, null);
        }
        boolean contribution = submit && reports.detail(user, id).kind() == ReportKind.CONTRIBUTION;
        redirect.addFlashAttribute("flashSuccess",
                contribution ? "report.contributionSent" : submit ? "report.submitted" : "report.saved");
        return submit ? "redirect:/reports/" + id : "redirect:/reports/" + id + "/edit";
    }

    @PostMapping("/reports/{id}/attachments/{attachmentId}/delete")
    String deleteAttachment(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long attachmentId,
                            RedirectAttributes redirect) {
        reports.removeAttachment(user, id, attachmentId);
        redirect.addFlashAttribute("flashSuccess", "report.attachment.removed");
        return "redirect:/reports/" + id + "/edit";
    }

    /** Always a download under the stored safe name, never shown inline. */
    @GetMapping("/reports/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                    @PathVariable long attachmentId) {
        Download file = reports.attachment(user, id, attachmentId);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.content());
    }

    private String form(Model model, ReportDetail report, ReportForm form, Map<String, String> errors, ReportDetail saved) {
        model.addAttribute("report", report);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", saved);
        model.addAttribute("statuses", ImplementationStatus.values());
        model.addAttribute("indicators", reports.indicatorsOf(report));
        return "report/edit";
    }

    private static ReportForm formOf(ReportDetail report) {
        Map<String, String> indicators = new LinkedHashMap<>();
        report.indicators().forEach(i -> indicators.put(String.valueOf(i.indicatorId()), format(i.value())));
        return new ReportForm(report.version(),
                report.implementationStatus() == null ? "" : report.implementationStatus().name(),
                report.percentComplete() == null ? "" : String.valueOf(report.percentComplete()),
                report.documentsIssued(), report.results(), report.difficulties(), report.proposals(),
                format(report.budgetPlanned()), format(report.budgetSpent()), format(report.budgetOtherPlanned()),
                format(report.budgetOtherSpent()), indicators);
    }

    /** 1234567 → "1.234.567", as Vietnamese write numbers. */
    static String format(BigDecimal value) {
        if (value == null) {
            return "";
        }
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        return new DecimalFormat("#,##0.##", symbols).format(value);
    }
}
