package vn.laichau.hlg.tracker.report;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;

interface ProgressReportRepository extends JpaRepository<ProgressReport, Long> {

    Optional<ProgressReport> findByAgencyIdAndTaskIdAndYearAndKind(Long agencyId, Long taskId, int year, ReportKind kind);
}

interface ReportEventRepository extends JpaRepository<ReportEvent, Long> {
}

interface ReportAttachmentRepository extends JpaRepository<ReportAttachment, Long> {

    Optional<ReportAttachment> findByIdAndReportId(Long id, Long reportId);

    @Query("select coalesce(sum(a.sizeBytes), 0) from ReportAttachment a where a.reportId = :reportId")
    long totalSize(Long reportId);
}
