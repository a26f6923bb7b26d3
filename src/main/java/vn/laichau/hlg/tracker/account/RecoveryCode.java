package vn.laichau.hlg.tracker.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A single-use code that stands in for the authenticator app when the phone is lost. Only its hash is kept. */
@Entity
@Table(name = "account_recovery_code")
class RecoveryCode {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "code_hash", nullable = false)
    private String codeHash;

    @Column(name = "used_at")
    private Instant usedAt;

    protected RecoveryCode() {
    }

    RecoveryCode(Long accountId, String codeHash) {
        this.accountId = accountId;
        this.codeHash = codeHash;
    }

    String getCodeHash() {
        return codeHash;
    }

    boolean isUsed() {
        return usedAt != null;
    }

    void use(Instant now) {
        this.usedAt = now;
    }
}
