package vn.laichau.hlg.tracker.backup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar tracker.jar --restore=FILE}: starts without a web server, lets Flyway bring the
 * database to the current schema, loads the backup in place of the database's content, and stops
 * (exit code 0 when restored, 1 when not, with the reason in one line).
 */
@Component
@ConditionalOnProperty("restore")
@Order(Ordered.HIGHEST_PRECEDENCE)
class RestoreCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RestoreCommand.class);

    private final DatabaseRestore restore;
    private final ConfigurableApplicationContext context;
    private final Path file;

    RestoreCommand(DatabaseRestore restore, ConfigurableApplicationContext context, Environment environment) {
        this.restore = restore;
        this.context = context;
        this.file = Path.of(environment.getRequiredProperty("restore"));
    }

    @Override
    public void run(ApplicationArguments args) {
        int status;
        if (!Files.isRegularFile(file)) {
            log.error("Nothing restored: the backup file {} does not exist", file.toAbsolutePath());
            status = 1;
        } else {
            try {
                DatabaseRestore.Restored restored = restore.restore(file);
                log.info("Restore finished: {} tables, {} rows from {} (schema version {})", restored.tables(), restored.rows(),
                        file.toAbsolutePath(), restored.schemaVersion());
                status = 0;
            } catch (RuntimeException e) {
                log.error("Nothing restored: {}", e.getMessage());
                status = 1;
            }
        }
        int exit = status;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
