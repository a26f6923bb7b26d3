package vn.laichau.hlg.tracker.backup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dir      the folder that keeps the backups
 * @param cron     when the scheduled backup runs (Vietnam time); {@code -} for never
 * @param keepDays how many days a backup is kept; older ones are deleted after each successful backup
 */
@ConfigurationProperties("app.backup")
record BackupProperties(@DefaultValue("./data/backups") String dir, @DefaultValue("0 30 1 * * *") String cron,
                        @DefaultValue("14") int keepDays) {
}
