package vn.laichau.hlg.tracker.audit.web;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.laichau.hlg.tracker.audit.AuditService;

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
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(defaultValue = "0") int page,
                 Model model) {
        var lines = audit.search(actor, kind, from, to, page);
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
