package vn.laichau.hlg.tracker.report;

/** A lead agency's report on its obligation, or a coordinating agency's contribution to a task's year. */
public enum ReportKind {
    LEAD,
    CONTRIBUTION
}
