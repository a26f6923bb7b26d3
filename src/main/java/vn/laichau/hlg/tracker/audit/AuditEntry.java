package vn.laichau.hlg.tracker.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import vn.laichau.hlg.tracker.shared.InputText;

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
        // Whatever was typed (a user name of 100,000 characters at the sign-in) still leaves its line,
        // cut to the columns' lengths.
        this.kind = InputText.truncate(kind, 60);
        this.actor = InputText.truncate(InputText.clean(actor), 100);
        this.address = InputText.truncate(address, 64);
        this.target = InputText.truncate(InputText.clean(target), 200);
        this.oldValue = InputText.clean(oldValue);
        this.newValue = InputText.clean(newValue);
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
