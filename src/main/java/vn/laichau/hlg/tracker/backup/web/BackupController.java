package vn.laichau.hlg.tracker.backup.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.laichau.hlg.tracker.backup.DatabaseBackup;
import vn.laichau.hlg.tracker.shared.AuditEvent;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.VietnamTime;

import java.time.LocalDateTime;

/** Administrators see the backups kept on the server and make one at once; each one made is audited. */
@Controller
class BackupController {

    private static final Logger log = LoggerFactory.getLogger(BackupController.class);

    private final DatabaseBackup backup;
    private final ApplicationEventPublisher events;

    BackupController(DatabaseBackup backup, ApplicationEventPublisher events) {
        this.backup = backup;
        this.events = events;
    }

    record BackupLine(String name, long size, LocalDateTime createdAt) {
    }

    @GetMapping("/admin/backups")
    String list(Model model) {
        model.addAttribute("folder", backup.folder().toString());
        model.addAttribute("backups", backup.list().stream()
                .map(file -> new BackupLine(file.name(), file.size(), LocalDateTime.ofInstant(file.createdAt(), VietnamTime.ZONE)))
                .toList());
        return "backup/list";
    }

    @PostMapping("/admin/backups")
    String create(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        try {
            DatabaseBackup.BackupFile file = backup.create();
            events.publishEvent(new AuditEvent("BACKUP_CREATED", user.getUsername(), null, "backup:" + file.name(), null,
                    file.size() + " bytes"));
            redirect.addFlashAttribute("flashSuccess", "backup.created");
        } catch (RuntimeException e) {
            log.error("A backup asked for by {} failed: {}", user.getUsername(), e.getMessage(), e);
            redirect.addFlashAttribute("flashError", "backup.failed");
        }
        return "redirect:/admin/backups";
    }
}
