package vn.laichau.hlg.tracker;

import org.springframework.boot.SpringApplication;
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
        SpringApplication.run(TrackerApplication.class, args);
    }
}
