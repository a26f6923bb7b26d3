package vn.laichau.hlg.tracker.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Vietnam's time zone and "submitted on time", each defined here once: days (due dates, "today", the day
 * a report was handed in) are days in Vietnam, and a report is on time when it was first handed in on or
 * before its due date. Java code and SQL alike take them from here. (The dashboard tallies' trigger of
 * migration V32 spells the same rule in SQL; a migration is never edited.)
 */
public final class VietnamTime {

    /** For annotations ({@code @Scheduled(zone = VietnamTime.ZONE_ID)}) and SQL. */
    public static final String ZONE_ID = "Asia/Ho_Chi_Minh";
    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

    /** SQL: the day in Vietnam a report ({@code r}, a progress_report) was first handed in. */
    public static final String FIRST_SUBMITTED_DAY_SQL = dayInSql("coalesce(r.first_submitted_at, r.submitted_at)");

    private VietnamTime() {
    }

    /** SQL: the day in Vietnam of a timestamp expression. */
    public static String dayInSql(String timestamp) {
        return "(" + timestamp + " at time zone '" + ZONE_ID + "')::date";
    }

    /** On time: first handed in on or before the due date. */
    public static boolean onTime(LocalDate firstSubmittedDay, LocalDate dueOn) {
        return !firstSubmittedDay.isAfter(dueOn);
    }

    /** On time: first handed in (an instant) on or before the due date, a day in Vietnam. */
    public static boolean onTime(Instant firstSubmitted, LocalDate dueOn) {
        return onTime(LocalDate.ofInstant(firstSubmitted, ZONE), dueOn);
    }
}
