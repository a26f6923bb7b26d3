package vn.laichau.hlg.tracker.report;

import vn.laichau.hlg.tracker.shared.VietnamTime;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Read models of reports, for pages and other modules. */
public final class ReportViews {

    private ReportViews() {
    }

    /**
     * A task an agency reports on for a year: its lead obligation, or a task it coordinates and may
     * contribute to. {@code reportId} and {@code status} are null until the report is started.
     */
    public record ObligationRow(long obligationId, long taskId, String taskCode, String taskTitle, int year,
                                Long reportId, ReportStatus status, LocalDate dueOn, String returnReason,
                                LocalDate partFrom, LocalDate partTo) {

        /** Days until the due date (negative when overdue), counted from {@code today}. */
        public long daysLeft(LocalDate today) {
            return dueOn == null ? 0 : java.time.temporal.ChronoUnit.DAYS.between(today, dueOn);
        }

        public boolean done() {
            return status == ReportStatus.SUBMITTED || status == ReportStatus.APPROVED;
        }
    }

    /** A report with everything its page shows. */
    public record ReportDetail(long id, long agencyId, String agencyName, String unitName, long taskId, String taskCode,
                               String taskTitle, int year, ReportKind kind, ReportStatus status,
                               ImplementationStatus implementationStatus, Integer percentComplete,
                               String documentsIssued, String results, String difficulties, String proposals,
                               BigDecimal budgetPlanned, BigDecimal budgetSpent, BigDecimal budgetOtherPlanned,
                               BigDecimal budgetOtherSpent, List<IndicatorValue> indicators, Instant firstSubmittedAt, Instant submittedAt,
                               Instant approvedAt, String returnReason, Instant updatedAt, long version, LocalDate dueOn,
                               Boolean onTime, List<AttachmentView> attachments, LocalDate partFrom, LocalDate partTo) {
    }

    /** An indicator of the report's task with the value reported (null when not filled in). */
    public record IndicatorValue(long indicatorId, String name, String unit, BigDecimal value) {
    }

    public record AttachmentView(long id, String fileName, String contentType, long sizeBytes, String sha256,
                                 Instant uploadedAt) {
    }

    /**
     * One line of a report's history; {@code indicatorName} names the indicator a changed value belongs
     * to (null for other fields).
     */
    public record HistoryLine(Instant at, String actorName, ReportAction action, String field, String oldValue,
                              String newValue, String comment, String indicatorName) {
    }

    /** A report in a reviewer's queue. */
    public record QueueRow(long reportId, int year, String agencyName, String unitName, long taskId, String taskCode,
                           String taskTitle, ReportStatus status, Instant submittedAt, Instant firstSubmittedAt) {

        /** Whole days since the report was last submitted, counted in Vietnam's calendar (null when never sent). */
        public Long daysWaiting(LocalDate today) {
            return submittedAt == null ? null
                    : java.time.temporal.ChronoUnit.DAYS.between(LocalDate.ofInstant(submittedAt, VietnamTime.ZONE), today);
        }
    }

    /** An agency behind with its reports: how many obligations are past due and unsubmitted, since when. */
    public record Laggard(long agencyId, String agencyName, String unitName, long overdue, LocalDate oldestDueOn) {
    }

    /** A file to download. */
    public record Download(String fileName, String contentType, byte[] content) {
    }

    /** Something that happened to a report and concerns the reader. */
    public record Notification(long reportId, Instant at, ReportAction action, String actorName, String agencyName,
                               String taskCode, int year, String comment, boolean unread, ReportKind kind) {

        /** The message that says what happened: a contribution sent to the lead agency reads as such. */
        public String messageKey() {
            return "notification." + (kind == ReportKind.CONTRIBUTION && action == ReportAction.SUBMITTED
                    ? "CONTRIBUTION_SENT" : action.name());
        }
    }
}
