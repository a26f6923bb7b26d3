package vn.laichau.hlg.tracker.report;

/** Someone saved or acted on the report since the person loaded it: nothing was changed. */
public class ReportConflictException extends RuntimeException {

    private final long reportId;

    public ReportConflictException(long reportId) {
        super(null, null, false, false);
        this.reportId = reportId;
    }

    public long reportId() {
        return reportId;
    }
}
