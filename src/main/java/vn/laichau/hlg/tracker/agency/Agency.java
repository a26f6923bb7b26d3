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
import vn.laichau.hlg.tracker.shared.SearchText;
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

    /** The name folded for searching without diacritics; see {@link SearchText}. */
    @Column(name = "search_text", nullable = false)
    private String searchText;

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

    Agency(String code, String name, AgencyKind kind, AdministrativeUnit unit, LocalDate openedOn) {
        this.code = code;
        this.kind = kind;
        this.unit = unit;
        this.openedOn = openedOn;
        setName(name);
    }

    /**
     * Changes what the administrator may correct. Moving an agency to another unit moves its whole
     * history with it; a reorganisation is recorded instead by closing the agency and adding a new one.
     */
    void update(String newCode, String newName, AgencyKind newKind, AdministrativeUnit newUnit, LocalDate newOpenedOn) {
        if (closedOn != null && !closedOn.isAfter(newOpenedOn)) {
            throw new IllegalArgumentException("an agency opens before it closes");
        }
        this.code = newCode;
        this.kind = newKind;
        this.unit = newUnit;
        this.openedOn = newOpenedOn;
        setName(newName);
    }

    /** Closes the agency from a day on; its reports and obligations stay, counted in the years they belong to. */
    void close(LocalDate day) {
        if (closedOn != null) {
            throw new IllegalStateException("agency " + code + " is already closed");
        }
        if (!day.isAfter(openedOn)) {
            throw new IllegalArgumentException("an agency closes after it opens");
        }
        this.closedOn = day;
    }

    private void setName(String newName) {
        this.name = newName;
        this.searchText = SearchText.fold(newName);
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

    long getVersion() {
        return version;
    }
}
