package vn.laichau.hlg.tracker.period;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** A closed period opened again for one agency until a date, with the reason. */
@Entity
@Table(name = "period_reopening")
class PeriodReopening {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "period_id", nullable = false)
    private Long periodId;

    @Column(name = "agency_id", nullable = false)
    private Long agencyId;

    @Column(name = "open_until", nullable = false)
    private LocalDate openUntil;

    @Column(nullable = false)
    private String reason;

    @Column(name = "reopened_by_id", nullable = false)
    private Long reopenedById;

    @Column(name = "reopened_at", nullable = false)
    private Instant reopenedAt;

    protected PeriodReopening() {
    }

    static PeriodReopening of(long periodId, long agencyId) {
        PeriodReopening reopening = new PeriodReopening();
        reopening.periodId = periodId;
        reopening.agencyId = agencyId;
        return reopening;
    }

    void extend(LocalDate openUntil, String reason, long byId, Instant now) {
        this.openUntil = openUntil;
        this.reason = reason;
        this.reopenedById = byId;
        this.reopenedAt = now;
    }

    Long getPeriodId() {
        return periodId;
    }

    Long getAgencyId() {
        return agencyId;
    }

    LocalDate getOpenUntil() {
        return openUntil;
    }

    String getReason() {
        return reason;
    }

    Instant getReopenedAt() {
        return reopenedAt;
    }
}
