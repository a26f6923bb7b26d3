package vn.laichau.hlg.tracker.report;

/** How far the task has been carried out, as the reporting agency judges it. */
public enum ImplementationStatus {
    NOT_STARTED,
    IN_PROGRESS,
    COMPLETED,
    NOT_APPLICABLE
}
