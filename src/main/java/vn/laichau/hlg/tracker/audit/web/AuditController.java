package vn.laichau.hlg.tracker.audit.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.laichau.hlg.tracker.audit.AuditService;

import vn.laichau.hlg.tracker.shared.Days;

import java.time.LocalDate;

/** The audit trail for administrators, filtered by user, kind and dates. */
@Controller
class AuditController {

    private final AuditService audit;
    private final AuditText text;

    AuditController(AuditService audit, AuditText text) {
        this.audit = audit;
        this.text = text;
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(required = false) String actor,
                 @RequestParam(required = false) String kind,
                 @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to,
                 @RequestParam(defaultValue = "0") int page,
                 Model model) {
        // Days as typed (dd/mm/yyyy); one that is no day is left out of the filter and said so at its field.
        LocalDate fromDay = Days.parse(from);
        LocalDate toDay = Days.parse(to);
        model.addAttribute("fromInvalid", fromDay == null && from != null && !from.isBlank());
        model.addAttribute("toInvalid", toDay == null && to != null && !to.isBlank());
        var lines = audit.search(actor, kind, fromDay, toDay, page);
        model.addAttribute("lines", lines);
        model.addAttribute("words", text.of(lines.getContent()));
        model.addAttribute("kinds", audit.kinds());
        model.addAttribute("actor", actor);
        model.addAttribute("kind", kind);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "audit/index";
    }
}
