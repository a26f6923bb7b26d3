package vn.laichau.hlg.tracker.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import vn.laichau.hlg.tracker.shared.SearchText;

import java.time.LocalDate;

/**
 * A province, district/city or commune/ward/town. Units are never deleted: a reorganisation closes
 * them from a date and names their successor, so that reports made under the old unit stay where they
 * were made.
 */
@Entity
@Table(name = "administrative_unit")
public class AdministrativeUnit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UnitLevel level;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private AdministrativeUnit parent;

    /** The name folded for searching without diacritics; see {@link SearchText}. */
    @Column(name = "search_text", nullable = false)
    private String searchText;

    @Column(name = "opened_on", nullable = false)
    private LocalDate openedOn;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "successor_id")
    private AdministrativeUnit successor;

    @Version
    private long version;

    protected AdministrativeUnit() {
    }

    AdministrativeUnit(String code, String name, UnitLevel level, AdministrativeUnit parent, LocalDate openedOn) {
        this.code = code;
        this.level = level;
        this.parent = parent;
        this.openedOn = openedOn;
        setName(name);
    }

    void rename(String newName) {
        setName(newName);
    }

    /**
     * Closes the unit from a day on. Nothing below it or located in it moves: agencies, accounts and
     * reports keep pointing at this unit, which stays in the tree with its dates.
     */
    void close(LocalDate day, AdministrativeUnit successorUnit) {
        if (closedOn != null) {
            throw new IllegalStateException("unit " + code + " is already closed");
        }
        if (!day.isAfter(openedOn)) {
            throw new IllegalArgumentException("a unit closes after it opens");
        }
        this.closedOn = day;
        this.successor = successorUnit;
    }

    /** The single successor column, kept for what was recorded through it, forgets a successor taken back. */
    void forgetSuccessor() {
        this.successor = null;
    }

    private void setName(String newName) {
        this.name = newName;
        this.searchText = SearchText.fold(newName);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public UnitLevel getLevel() {
        return level;
    }

    public AdministrativeUnit getParent() {
        return parent;
    }

    public LocalDate getOpenedOn() {
        return openedOn;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }

    public AdministrativeUnit getSuccessor() {
        return successor;
    }

    public long getVersion() {
        return version;
    }

    /** Open on a day: opened on or before it, and not yet closed. */
    public boolean isOpenOn(LocalDate day) {
        return !openedOn.isAfter(day) && (closedOn == null || closedOn.isAfter(day));
    }
}
