package vn.laichau.hlg.tracker.report.web;

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
import org.springframework.web.util.UriComponentsBuilder;
import vn.laichau.hlg.tracker.period.PeriodService;
import vn.laichau.hlg.tracker.report.DifficultyKind;
import vn.laichau.hlg.tracker.report.DifficultyService;
import vn.laichau.hlg.tracker.report.DifficultyStatus;
import vn.laichau.hlg.tracker.report.ReportService;
import vn.laichau.hlg.tracker.shared.CurrentUser;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** The difficulties and proposals of approved reports: the list, and one item with its status, answer and merging. */
@Controller
class DifficultyController {

    private final DifficultyService difficulties;
    private final ReportService reports;
    private final PeriodService periods;

    DifficultyController(DifficultyService difficulties, ReportService reports, PeriodService periods) {
        this.difficulties = difficulties;
        this.reports = reports;
        this.periods = periods;
    }

    @GetMapping("/difficulties")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam Optional<String> year,
                @RequestParam Optional<String> unit, @RequestParam Optional<String> status,
                @RequestParam Optional<String> kind, @RequestParam Optional<String> page, Model model) {
        Integer chosenYear = number(year).map(Long::intValue).orElse(null);
        Long chosenUnit = number(unit).orElse(null);
        DifficultyStatus chosenStatus = status.flatMap(s -> Arrays.stream(DifficultyStatus.values())
                .filter(v -> v.name().equals(s)).findFirst()).orElse(null);
        DifficultyKind chosenKind = kind.flatMap(k -> Arrays.stream(DifficultyKind.values())
                .filter(v -> v.name().equals(k)).findFirst()).orElse(null);
        int requested = number(page).map(p -> (int) Math.min(p, Integer.MAX_VALUE)).orElse(1) - 1;
        var rows = difficulties.list(user, new DifficultyService.Filter(chosenYear, chosenUnit, chosenStatus, chosenKind),
                requested);
        model.addAttribute("rows", rows);
        model.addAttribute("year", chosenYear);
        model.addAttribute("unit", chosenUnit);
        model.addAttribute("status", chosenStatus == null ? "" : chosenStatus.name());
        model.addAttribute("kind", chosenKind == null ? "" : chosenKind.name());
        model.addAttribute("years", periods.years());
        model.addAttribute("units", reports.reviewUnits(user));
        model.addAttribute("statuses", DifficultyStatus.values());
        model.addAttribute("kinds", DifficultyKind.values());
        UriComponentsBuilder base = UriComponentsBuilder.fromPath("/difficulties")
                .queryParamIfPresent("year", Optional.ofNullable(chosenYear))
                .queryParamIfPresent("unit", Optional.ofNullable(chosenUnit))
                .queryParamIfPresent("status", Optional.ofNullable(chosenStatus))
                .queryParamIfPresent("kind", Optional.ofNullable(chosenKind));
        model.addAttribute("previous", base.cloneBuilder().queryParam("page", rows.getNumber()).build().encode().toUriString());
        model.addAttribute("next", base.cloneBuilder().queryParam("page", rows.getNumber() + 2).build().encode().toUriString());
        return "report/difficulties";
    }

    @GetMapping("/difficulties/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        return page(user, id, model);
    }

    @PostMapping("/difficulties/{id}")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(required = false) String status, @RequestParam(required = false) String answer,
                  @RequestParam(required = false) Long version, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        Map<String, String> errors = difficulties.update(user, id, status, answer, version);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("errors", errors);
            model.addAttribute("chosenStatus", status);
            model.addAttribute("answer", answer);
            return page(user, id, model);
        }
        redirect.addFlashAttribute("flashSuccess", "difficulty.saved");
        return "redirect:/difficulties/" + id;
    }

    @PostMapping("/difficulties/{id}/merge")
    String merge(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                 @RequestParam(required = false) String into, Model model, RedirectAttributes redirect,
                 HttpServletResponse response) {
        Map<String, String> errors = difficulties.merge(user, id, into);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("errors", errors);
            model.addAttribute("into", into);
            return page(user, id, model);
        }
        redirect.addFlashAttribute("flashSuccess", "difficulty.merged");
        return "redirect:/difficulties/" + id;
    }

    private String page(CurrentUser user, long id, Model model) {
        DifficultyService.Item item = difficulties.item(user, id);
        model.addAttribute("item", item);
        model.addAttribute("canAct", difficulties.canAct(user));
        model.addAttribute("statuses", DifficultyStatus.values());
        model.addAttribute("limit", DifficultyService.ANSWER_LIMIT);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("chosenStatus")) {
            model.addAttribute("chosenStatus", item.status().name());
            model.addAttribute("answer", item.answer());
        }
        return "report/difficulty";
    }

    private static Optional<Long> number(Optional<String> text) {
        return text.map(String::strip).filter(t -> t.matches("\\d{1,9}")).map(Long::parseLong);
    }
}
