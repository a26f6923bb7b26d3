package vn.laichau.hlg.tracker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Đề án 129 plan tracker of Lai Châu: agencies report yearly progress on the provincial plan, the
 * provincial Lawyers' Association reviews and consolidates.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TrackerApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(TrackerApplication.class);
        if (java.util.Arrays.stream(args).anyMatch(arg -> arg.startsWith("--restore="))) {
            // Restoring a backup (see backup.RestoreCommand) needs the database, not the web server.
            application.setWebApplicationType(WebApplicationType.NONE);
        }
        application.run(args);
    }
}
