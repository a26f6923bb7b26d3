package vn.laichau.hlg.tracker.agency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import vn.laichau.hlg.tracker.unit.AdministrativeUnit;

import java.time.LocalDate;

/**
 * An organisation that owes or reviews reports, located in an administrative unit. Agencies are
 * closed from a date, never deleted, so that their reports keep counting in the years they belong to.
 */
@Entity
@Table(name = "agency")
class Agency {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "kind_id")
    private AgencyKind kind;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id")
    private AdministrativeUnit unit;

    @Column(name = "opened_on", nullable = false)
    private LocalDate openedOn;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    @Version
    private long version;

    protected Agency() {
    }

    Long getId() {
        return id;
    }

    String getCode() {
        return code;
    }

    String getName() {
        return name;
    }

    AgencyKind getKind() {
        return kind;
    }

    AdministrativeUnit getUnit() {
        return unit;
    }

    LocalDate getOpenedOn() {
        return openedOn;
    }

    LocalDate getClosedOn() {
        return closedOn;
    }
}
