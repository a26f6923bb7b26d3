package vn.laichau.hlg.tracker.period;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A reporting period as pages and other modules see it.
 *
 * @param dataFrom first day of the data window (15/12 of the previous year)
 * @param dataTo   last day of the data window (14/12 of the year)
 * @param closedAt when it was closed; null while open
 */
public record PeriodView(long id, int year, LocalDate dataFrom, LocalDate dataTo, LocalDate opensOn, LocalDate dueOn,
                         Instant closedAt, long version) {

    public boolean closed() {
        return closedAt != null;
    }
}
