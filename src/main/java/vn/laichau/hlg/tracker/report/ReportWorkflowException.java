package vn.laichau.hlg.tracker.report;

/**
 * A workflow step that the report's state or the person's role does not allow.
 * {@link #messageKey()} says why, in words for the user.
 */
public class ReportWorkflowException extends RuntimeException {

    private final String messageKey;

    public ReportWorkflowException(String messageKey) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
