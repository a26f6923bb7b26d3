package vn.laichau.hlg.tracker.backup;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.laichau.hlg.tracker.shared.AuditEvent;
import vn.laichau.hlg.tracker.shared.VietnamTime;

/**
 * The nightly backup (by default 01:30, Vietnam time; {@code app.backup.cron}), made by one instance
 * only (ShedLock); backups older than {@code app.backup.keep-days} are then deleted.
 */
@Component
class BackupSchedule {

    private static final Logger log = LoggerFactory.getLogger(BackupSchedule.class);

    private final DatabaseBackup backup;
    private final ApplicationEventPublisher events;

    BackupSchedule(DatabaseBackup backup, ApplicationEventPublisher events) {
        this.backup = backup;
        this.events = events;
    }

    @Scheduled(cron = "${app.backup.cron:0 30 1 * * *}", zone = VietnamTime.ZONE_ID)
    @SchedulerLock(name = "database-backup", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
    void run() {
        try {
            DatabaseBackup.BackupFile file = backup.create();
            int deleted = backup.deleteOlderThanKept();
            events.publishEvent(new AuditEvent("BACKUP_CREATED", "system", null, "backup:" + file.name(), null,
                    file.size() + " bytes; " + deleted + " old backups deleted"));
        } catch (RuntimeException e) {
            log.error("The scheduled database backup failed: {}", e.getMessage(), e);
        }
    }
}
