package vn.laichau.hlg.tracker.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The province's clock: "today", due dates and deadlines are days in Vietnam's time zone. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(VietnamTime.ZONE);
    }
}
