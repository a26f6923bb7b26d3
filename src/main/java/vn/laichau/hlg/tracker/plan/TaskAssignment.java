package vn.laichau.hlg.tracker.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.laichau.hlg.tracker.unit.UnitLevel;

/** Task × role × party, with the party as the document words it. */
@Entity
@Table(name = "task_assignment")
class TaskAssignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "task_id", nullable = false)
    private Long taskId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AssignmentRole role;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String wording;

    @Enumerated(EnumType.STRING)
    @Column(name = "party_type", nullable = false)
    private PartyType partyType;

    @Column(name = "agency_id")
    private Long agencyId;

    @Column(name = "agency_kind_id")
    private Long agencyKindId;

    @Enumerated(EnumType.STRING)
    @Column(name = "unit_level")
    private UnitLevel unitLevel;

    protected TaskAssignment() {
    }

    Long getId() {
        return id;
    }

    Long getTaskId() {
        return taskId;
    }

    AssignmentRole getRole() {
        return role;
    }

    int getPosition() {
        return position;
    }

    String getWording() {
        return wording;
    }

    PartyType getPartyType() {
        return partyType;
    }

    Long getAgencyId() {
        return agencyId;
    }

    Long getAgencyKindId() {
        return agencyKindId;
    }

    UnitLevel getUnitLevel() {
        return unitLevel;
    }
}
