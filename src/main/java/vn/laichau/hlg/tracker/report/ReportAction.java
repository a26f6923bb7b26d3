package vn.laichau.hlg.tracker.report;

/** What a line of a report's history records. */
public enum ReportAction {
    CREATED,
    CHANGED,
    SUBMITTED,
    APPROVED,
    RETURNED,
    REOPENED,
    ATTACHMENT_ADDED,
    ATTACHMENT_REMOVED,
    /** A reviewer reminded the agency of a report it owes (kept in {@code agency_reminder}, not in the history). */
    REMINDED
}
