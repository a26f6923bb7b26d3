package vn.laichau.hlg.tracker.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** One line of the audit trail. Immutable: written once, never updated. */
@Entity
@Immutable
@Table(name = "audit_entry")
class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false)
    private String kind;

    private String actor;

    private String address;

    private String target;

    @Column(name = "old_value")
    private String oldValue;

    @Column(name = "new_value")
    private String newValue;

    protected AuditEntry() {
    }

    AuditEntry(Instant at, String kind, String actor, String address, String target, String oldValue, String newValue) {
        this.at = at;
        this.kind = kind;
        this.actor = actor;
        this.address = address;
        this.target = target;
        this.oldValue = oldValue;
        this.newValue = newValue;
    }

    Instant getAt() {
        return at;
    }

    String getKind() {
        return kind;
    }

    String getActor() {
        return actor;
    }

    String getAddress() {
        return address;
    }

    String getTarget() {
        return target;
    }

    String getOldValue() {
        return oldValue;
    }

    String getNewValue() {
        return newValue;
    }
}
