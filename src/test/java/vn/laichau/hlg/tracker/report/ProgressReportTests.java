package vn.laichau.hlg.tracker.report;

import org.junit.jupiter.api.Test;
import vn.laichau.hlg.tracker.shared.Role;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report's state machine: each step only from the state the workflow allows. */
class ProgressReportTests {

    static final Instant NOW = Instant.parse("2026-06-01T03:00:00Z");
    static final long AGENCY = 10;
    static final long REPORTER = 1;
    static final long REVIEWER = 2;

    ProgressReport draft() {
        return ProgressReport.start(AGENCY, 5, 2026, ReportKind.LEAD, REPORTER, NOW);
    }

    ProgressReport submitted() {
        ProgressReport report = draft();
        report.submit(REPORTER, NOW);
        return report;
    }

    @Test
    void aDraftIsSubmittedThenApprovedAndLocked() {
        ProgressReport report = submitted();
        assertThat(report.getStatus()).isEqualTo(ReportStatus.SUBMITTED);
        report.approve(REVIEWER, 99L, NOW);
        assertThat(report.getStatus()).isEqualTo(ReportStatus.APPROVED);
        assertThatThrownBy(() -> report.edit(content("x"), REPORTER, NOW)).isInstanceOf(ReportWorkflowException.class)
                .hasMessage("report.workflow.locked");
        assertThatThrownBy(() -> report.submit(REPORTER, NOW)).isInstanceOf(ReportWorkflowException.class);
        assertThatThrownBy(() -> report.returnForRevision("lý do", REVIEWER, NOW)).isInstanceOf(ReportWorkflowException.class);
    }

    @Test
    void aReturnNeedsAReasonAndTheReportCanThenBeEditedAndResubmitted() {
        ProgressReport report = submitted();
        assertThatThrownBy(() -> report.returnForRevision("  ", REVIEWER, NOW)).hasMessage("report.workflow.reasonRequired");
        report.returnForRevision("Thiếu số liệu", REVIEWER, NOW);
        assertThat(report.getStatus()).isEqualTo(ReportStatus.RETURNED);
        assertThat(report.getReturnReason()).isEqualTo("Thiếu số liệu");
        assertThat(report.edit(content("Đã bổ sung"), REPORTER, NOW)).isNotEmpty();
        report.submit(REPORTER, NOW.plusSeconds(60));
        assertThat(report.getStatus()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(report.getFirstSubmittedAt()).as("the first submission counts for the deadline").isEqualTo(NOW);
    }

    @Test
    void aDraftCannotBeApprovedOrReturned() {
        ProgressReport report = draft();
        assertThatThrownBy(() -> report.approve(REVIEWER, null, NOW)).hasMessage("report.workflow.notAllowedIn.DRAFT");
        assertThatThrownBy(() -> report.returnForRevision("x", REVIEWER, NOW)).hasMessage("report.workflow.notAllowedIn.DRAFT");
        assertThatThrownBy(() -> report.reopen("x", Role.PROVINCE_REVIEWER, REVIEWER, NOW)).isInstanceOf(ReportWorkflowException.class);
    }

    @Test
    void aReviewerCannotApproveItsOwnAgencysReport() {
        ProgressReport report = submitted();
        assertThatThrownBy(() -> report.approve(REVIEWER, AGENCY, NOW)).hasMessage("report.workflow.ownAgency");
        assertThat(report.getStatus()).isEqualTo(ReportStatus.SUBMITTED);
    }

    @Test
    void aReviewerReopensAnApprovedReportWithAReason() {
        ProgressReport report = submitted();
        report.approve(REVIEWER, null, NOW);
        assertThatThrownBy(() -> report.reopen("x", Role.REPORTER, REVIEWER, NOW)).hasMessage("report.workflow.reopenReviewerOnly");
        assertThatThrownBy(() -> report.reopen(" ", Role.PROVINCE_REVIEWER, REVIEWER, NOW)).hasMessage("report.workflow.reasonRequired");
        report.reopen("Sai kinh phí", Role.PROVINCE_REVIEWER, REVIEWER, NOW);
        assertThat(report.getStatus()).isEqualTo(ReportStatus.RETURNED);
        assertThat(report.getApprovedAt()).isNull();
    }

    @Test
    void aDistrictReviewerReopensAnApprovedReportOfItsUnit() {
        ProgressReport report = submitted();
        report.approve(REVIEWER, null, NOW);
        report.reopen("Sai số liệu", Role.DISTRICT_REVIEWER, REVIEWER, NOW);
        assertThat(report.getStatus()).isEqualTo(ReportStatus.RETURNED);
    }

    @Test
    void onTimeMeansFirstSubmittedOnOrBeforeTheDueDayInVietnam() {
        ProgressReport report = draft();
        // 16:59 UTC on 14/12 is 23:59 in Vietnam: still the due day.
        report.submit(REPORTER, Instant.parse("2026-12-14T16:59:00Z"));
        assertThat(report.submittedOnTime(LocalDate.of(2026, 12, 14))).isTrue();
        ProgressReport late = draft();
        late.submit(REPORTER, Instant.parse("2026-12-14T17:01:00Z"));
        assertThat(late.submittedOnTime(LocalDate.of(2026, 12, 14))).isFalse();
    }

    @Test
    void editingRecordsEachChangedFieldWithOldAndNewValue() {
        ProgressReport report = draft();
        report.edit(new ReportContent(ImplementationStatus.IN_PROGRESS, 50, null, "a", null, null, new BigDecimal("1000"), null,
                null, null, Map.of(7L, new BigDecimal("3"))), REPORTER, NOW);
        var changes = report.edit(new ReportContent(ImplementationStatus.IN_PROGRESS, 60, "Kế hoạch số 1/KH-HLG", "a", null,
                null, new BigDecimal("1000.00"), null, new BigDecimal("2000000"), null, Map.of(7L, new BigDecimal("4"))),
                REPORTER, NOW);
        assertThat(changes).containsExactly(
                new ProgressReport.FieldChange("percentComplete", "50", "60"),
                new ProgressReport.FieldChange("documentsIssued", null, "Kế hoạch số 1/KH-HLG"),
                new ProgressReport.FieldChange("budgetOtherPlanned", null, "2000000"),
                new ProgressReport.FieldChange("indicator:7", "3", "4"));
        assertThat(report.getBudgetPlanned()).isEqualByComparingTo("1000");
        assertThat(report.getBudgetOtherPlanned()).isEqualByComparingTo("2000000");
        assertThat(report.getDocumentsIssued()).isEqualTo("Kế hoạch số 1/KH-HLG");
    }

    static ReportContent content(String results) {
        return new ReportContent(ImplementationStatus.IN_PROGRESS, 50, null, results, null, null, null, null, null, null,
                Map.of());
    }
}
