package vn.laichau.hlg.tracker.report;

/** Where a report stands in its workflow. */
public enum ReportStatus {
    DRAFT,
    SUBMITTED,
    RETURNED,
    APPROVED;

    /** Whether the reporting agency may still change the report. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
