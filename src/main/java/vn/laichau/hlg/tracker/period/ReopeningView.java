package vn.laichau.hlg.tracker.period;

import java.time.Instant;
import java.time.LocalDate;

/** A period reopened for one agency. */
public record ReopeningView(long agencyId, String agencyName, LocalDate openUntil, String reason, Instant reopenedAt) {
}
