package vn.laichau.hlg.tracker.report;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.shared.VietnamTime;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A progress report for one obligation (or a coordinating agency's contribution). Its status changes
 * only through the intent methods, each of which checks the state it starts from:
 * <pre>
 * DRAFT → submit → SUBMITTED → approve → APPROVED (locked)
 * SUBMITTED → return (reason) → RETURNED → edit, submit → SUBMITTED
 * APPROVED → reopen (a reviewer of the agency's unit, reason) → RETURNED
 * </pre>
 * The {@code version} column makes a stale save or a second reviewer's simultaneous step fail instead
 * of overwriting.
 */
@Entity
@Table(name = "progress_report")
class ProgressReport {


    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "agency_id", nullable = false)
    private Long agencyId;

    @Column(name = "task_id", nullable = false)
    private Long taskId;

    @Column(nullable = false)
    private int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReportKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReportStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "implementation_status")
    private ImplementationStatus implementationStatus;

    @Column(name = "percent_complete")
    private Integer percentComplete;

    private String results;
    private String difficulties;
    private String proposals;

    @Column(name = "budget_planned")
    private BigDecimal budgetPlanned;

    @Column(name = "budget_spent")
    private BigDecimal budgetSpent;

    @Column(name = "budget_other_planned")
    private BigDecimal budgetOtherPlanned;

    @Column(name = "budget_other_spent")
    private BigDecimal budgetOtherSpent;

    @Column(name = "documents_issued")
    private String documentsIssued;

    @Column(name = "first_submitted_at")
    private Instant firstSubmittedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "approved_by_id")
    private Long approvedById;

    @Column(name = "return_reason")
    private String returnReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by_id")
    private Long createdById;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by_id")
    private Long updatedById;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "report_indicator_value", joinColumns = @JoinColumn(name = "report_id"))
    @MapKeyColumn(name = "indicator_id")
    @Column(name = "value", nullable = false)
    private Map<Long, BigDecimal> indicatorValues = new HashMap<>();

    @Version
    private long version;

    protected ProgressReport() {
    }

    /** A new, empty draft. */
    static ProgressReport start(long agencyId, long taskId, int year, ReportKind kind, long actorId, Instant now) {
        ProgressReport report = new ProgressReport();
        report.agencyId = agencyId;
        report.taskId = taskId;
        report.year = year;
        report.kind = kind;
        report.status = ReportStatus.DRAFT;
        report.createdAt = now;
        report.createdById = actorId;
        report.updatedAt = now;
        report.updatedById = actorId;
        return report;
    }

    /** One field's old and new value, as readable text, for the history. */
    record FieldChange(String field, String oldValue, String newValue) {
    }

    /**
     * Replaces the content; allowed while the report is a draft or returned.
     *
     * @return what changed, field by field
     */
    List<FieldChange> edit(ReportContent content, long actorId, Instant now) {
        if (!status.editable()) {
            throw new ReportWorkflowException("report.workflow.locked");
        }
        List<FieldChange> changes = new ArrayList<>();
        implementationStatus = change(changes, "implementationStatus", implementationStatus, content.implementationStatus());
        percentComplete = change(changes, "percentComplete", percentComplete, content.percentComplete());
        documentsIssued = change(changes, "documentsIssued", documentsIssued, blankToNull(content.documentsIssued()));
        results = change(changes, "results", results, blankToNull(content.results()));
        difficulties = change(changes, "difficulties", difficulties, blankToNull(content.difficulties()));
        proposals = change(changes, "proposals", proposals, blankToNull(content.proposals()));
        budgetPlanned = changeNumber(changes, "budgetPlanned", budgetPlanned, content.budgetPlanned());
        budgetSpent = changeNumber(changes, "budgetSpent", budgetSpent, content.budgetSpent());
        budgetOtherPlanned = changeNumber(changes, "budgetOtherPlanned", budgetOtherPlanned, content.budgetOtherPlanned());
        budgetOtherSpent = changeNumber(changes, "budgetOtherSpent", budgetOtherSpent, content.budgetOtherSpent());
        Map<Long, BigDecimal> wanted = content.indicators() == null ? Map.of() : content.indicators();
        for (Long indicatorId : new TreeSet<>(union(indicatorValues.keySet(), wanted.keySet()))) {
            BigDecimal before = indicatorValues.get(indicatorId);
            BigDecimal after = wanted.get(indicatorId);
            if (!sameNumber(before, after)) {
                changes.add(new FieldChange("indicator:" + indicatorId, text(before), text(after)));
                if (after == null) {
                    indicatorValues.remove(indicatorId);
                } else {
                    indicatorValues.put(indicatorId, after);
                }
            }
        }
        if (!changes.isEmpty()) {
            updatedAt = now;
            updatedById = actorId;
        }
        return changes;
    }

    /** Sends the report for review. The first submission decides whether it was on time. */
    void submit(long actorId, Instant now) {
        if (!status.editable()) {
            throw new ReportWorkflowException(status == ReportStatus.SUBMITTED
                    ? "report.workflow.alreadySubmitted" : "report.workflow.locked");
        }
        status = ReportStatus.SUBMITTED;
        if (firstSubmittedAt == null) {
            firstSubmittedAt = now;
        }
        submittedAt = now;
        updatedAt = now;
        updatedById = actorId;
    }

    /** A reviewer accepts the report; it is locked from then on. Never by a reviewer of the same agency. */
    void approve(long reviewerId, Long reviewerAgencyId, Instant now) {
        requireStatus(ReportStatus.SUBMITTED);
        if (reviewerAgencyId != null && reviewerAgencyId.equals(agencyId)) {
            throw new ReportWorkflowException("report.workflow.ownAgency");
        }
        status = ReportStatus.APPROVED;
        approvedAt = now;
        approvedById = reviewerId;
        returnReason = null;
        updatedAt = now;
        updatedById = reviewerId;
    }

    /** A reviewer sends the report back to its agency, saying why. */
    void returnForRevision(String reason, long reviewerId, Instant now) {
        requireStatus(ReportStatus.SUBMITTED);
        requireReason(reason);
        status = ReportStatus.RETURNED;
        returnReason = reason.strip();
        updatedAt = now;
        updatedById = reviewerId;
    }

    /**
     * A reviewer opens an approved report again for correction, saying why: a province reviewer any
     * report, a district reviewer those of its unit (the scope is checked by the service).
     */
    void reopen(String reason, Role role, long reviewerId, Instant now) {
        requireStatus(ReportStatus.APPROVED);
        if (role != Role.PROVINCE_REVIEWER && role != Role.DISTRICT_REVIEWER) {
            throw new ReportWorkflowException("report.workflow.reopenReviewerOnly");
        }
        requireReason(reason);
        status = ReportStatus.RETURNED;
        returnReason = reason.strip();
        approvedAt = null;
        approvedById = null;
        updatedAt = now;
        updatedById = reviewerId;
    }

    /** On time = first submitted on or before the due date (see {@link VietnamTime#onTime}). */
    boolean submittedOnTime(LocalDate dueOn) {
        return firstSubmittedAt != null && VietnamTime.onTime(firstSubmittedAt, dueOn);
    }

    private void requireStatus(ReportStatus expected) {
        if (status != expected) {
            throw new ReportWorkflowException("report.workflow.notAllowedIn." + status.name());
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ReportWorkflowException("report.workflow.reasonRequired");
        }
        if (reason.strip().length() > ReportService.REASON_LIMIT) {
            throw new ReportWorkflowException("report.workflow.reasonTooLong");
        }
    }

    private static <T> T change(List<FieldChange> changes, String field, T before, T after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before == null ? null : before.toString(), after == null ? null : after.toString()));
        }
        return after;
    }

    private static BigDecimal changeNumber(List<FieldChange> changes, String field, BigDecimal before, BigDecimal after) {
        if (!sameNumber(before, after)) {
            changes.add(new FieldChange(field, text(before), text(after)));
            return after;
        }
        return before;
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static <T> java.util.Set<T> union(java.util.Set<T> a, java.util.Set<T> b) {
        java.util.Set<T> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    Long getId() { return id; }
    Long getAgencyId() { return agencyId; }
    Long getTaskId() { return taskId; }
    int getYear() { return year; }
    ReportKind getKind() { return kind; }
    ReportStatus getStatus() { return status; }
    ImplementationStatus getImplementationStatus() { return implementationStatus; }
    Integer getPercentComplete() { return percentComplete; }
    String getResults() { return results; }
    String getDifficulties() { return difficulties; }
    String getProposals() { return proposals; }
    BigDecimal getBudgetPlanned() { return budgetPlanned; }
    BigDecimal getBudgetSpent() { return budgetSpent; }
    BigDecimal getBudgetOtherPlanned() { return budgetOtherPlanned; }
    BigDecimal getBudgetOtherSpent() { return budgetOtherSpent; }
    String getDocumentsIssued() { return documentsIssued; }
    Instant getFirstSubmittedAt() { return firstSubmittedAt; }
    Instant getSubmittedAt() { return submittedAt; }
    Instant getApprovedAt() { return approvedAt; }
    String getReturnReason() { return returnReason; }
    Instant getUpdatedAt() { return updatedAt; }
    Map<Long, BigDecimal> getIndicatorValues() { return Map.copyOf(indicatorValues); }
    long getVersion() { return version; }
}
