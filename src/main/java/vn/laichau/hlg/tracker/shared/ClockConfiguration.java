package vn.laichau.hlg.tracker.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/** The province's clock: "today", due dates and deadlines are days in Vietnam's time zone. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Bean
    Clock clock() {
        return Clock.system(VIETNAM);
    }
}
