package vn.laichau.hlg.tracker.report;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** An evidence file, kept in the database with its SHA-256. */
@Entity
@Table(name = "report_attachment")
class ReportAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "report_id", nullable = false)
    private Long reportId;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false, length = 64)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String sha256;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    @Column(name = "uploaded_by_id", nullable = false)
    private Long uploadedById;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected ReportAttachment() {
    }

    static ReportAttachment of(long reportId, String fileName, String contentType, byte[] content, String sha256,
                               long uploadedById, Instant now) {
        ReportAttachment attachment = new ReportAttachment();
        attachment.reportId = reportId;
        attachment.fileName = fileName;
        attachment.contentType = contentType;
        attachment.sizeBytes = content.length;
        attachment.content = content;
        attachment.sha256 = sha256;
        attachment.uploadedById = uploadedById;
        attachment.uploadedAt = now;
        return attachment;
    }

    Long getId() { return id; }
    Long getReportId() { return reportId; }
    String getFileName() { return fileName; }
    String getContentType() { return contentType; }
    byte[] getContent() { return content; }
}
