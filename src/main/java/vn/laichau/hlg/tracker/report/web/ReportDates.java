package vn.laichau.hlg.tracker.report.web;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Moments shown as Vietnamese read them, in the province's time zone: 14/12/2025 08:30. */
@Component("reportDates")
class ReportDates {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final Clock clock;

    ReportDates(Clock clock) {
        this.clock = clock;
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(clock.getZone()));
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(clock.getZone()));
    }
}
