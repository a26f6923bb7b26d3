package vn.laichau.hlg.tracker.period;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;

/** One reporting year. Its data window is fixed by decree; dates and closing change through the methods below. */
@Entity
@Table(name = "reporting_period")
class ReportingPeriod {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private int year;

    @Column(name = "data_from", nullable = false)
    private LocalDate dataFrom;

    @Column(name = "data_to", nullable = false)
    private LocalDate dataTo;

    @Column(name = "opens_on", nullable = false)
    private LocalDate opensOn;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private long version;

    protected ReportingPeriod() {
    }

    void schedule(LocalDate opensOn, LocalDate dueOn) {
        if (opensOn.isAfter(dueOn)) {
            throw new IllegalArgumentException("opens after due");
        }
        this.opensOn = opensOn;
        this.dueOn = dueOn;
    }

    void close(Instant now) {
        if (closedAt == null) {
            closedAt = now;
        }
    }

    void open() {
        closedAt = null;
    }

    PeriodView toView() {
        return new PeriodView(id, year, dataFrom, dataTo, opensOn, dueOn, closedAt, version);
    }

    Long getId() {
        return id;
    }

    int getYear() {
        return year;
    }

    long getVersion() {
        return version;
    }
}
