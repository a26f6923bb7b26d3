package vn.laichau.hlg.tracker.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.DynamicUpdate;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;

import java.time.Instant;

/**
 * A person's account: role and scope (one agency for a reporter, one administrative unit for reviewers
 * and viewers). Its password state changes only through the methods below.
 */
@Entity
@Table(name = "account")
@DynamicUpdate // sign-in counters are updated in SQL beside the entity; never write them back stale
class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "agency_id")
    private Long agencyId;

    @Column(name = "unit_id")
    private Long unitId;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "totp_secret")
    private String totpSecret;

    @Column(name = "totp_enabled", nullable = false)
    private boolean totpEnabled;

    @Version
    private long version;

    protected Account() {
    }

    /** An administrator whose first password was given or generated, to be replaced at first sign-in. */
    static Account firstAdministrator(String username, String displayName, String passwordHash, Instant now) {
        return create(username, displayName, passwordHash, Role.ADMIN, null, null, true, now);
    }

    /** A new account with its role and scope; a first password must be changed at first sign-in when asked. */
    static Account create(String username, String displayName, String passwordHash, Role role, Long agencyId,
                          Long unitId, boolean mustChangePassword, Instant now) {
        Account account = new Account();
        account.username = username;
        account.displayName = displayName;
        account.passwordHash = passwordHash;
        account.role = role;
        account.agencyId = agencyId;
        account.unitId = unitId;
        account.mustChangePassword = mustChangePassword;
        account.createdAt = now;
        return account;
    }

    /** The holder chose a new password: the one-time password, if any, is spent. */
    void changePassword(String newPasswordHash, Instant now) {
        this.passwordHash = newPasswordHash;
        this.mustChangePassword = false;
        this.passwordChangedAt = now;
    }

    /** An administrator gave a new one-time password: it must be replaced at the next sign-in. */
    void resetPassword(String oneTimePasswordHash) {
        this.passwordHash = oneTimePasswordHash;
        this.mustChangePassword = true;
        this.failedAttempts = 0;
        this.lockedUntil = null;
    }

    /** Role, scope and name as an administrator sets them. */
    void assign(String displayName, Role role, Long agencyId, Long unitId) {
        this.displayName = displayName;
        this.role = role;
        this.agencyId = agencyId;
        this.unitId = unitId;
    }

    void disable() {
        this.enabled = false;
    }

    void enable() {
        this.enabled = true;
    }

    void unlock() {
        this.failedAttempts = 0;
        this.lockedUntil = null;
    }

    /** A secret is chosen for an authenticator app; it counts only once a code from the app confirms it. */
    void startSecondFactorEnrolment(String secret) {
        this.totpSecret = secret;
        this.totpEnabled = false;
    }

    void confirmSecondFactor() {
        if (totpSecret == null) {
            throw new IllegalStateException("No second factor enrolment in progress");
        }
        this.totpEnabled = true;
    }

    /** The authenticator app was lost: the holder enrols again at the next sign-in where required. */
    void removeSecondFactor() {
        this.totpSecret = null;
        this.totpEnabled = false;
    }

    boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    CurrentUser toCurrentUser(Instant now) {
        return new CurrentUser(id, username, passwordHash, displayName, role, agencyId, unitId, enabled, isLockedAt(now),
                mustChangePassword, totpEnabled);
    }

    String getDisplayName() {
        return displayName;
    }

    Role getRole() {
        return role;
    }

    Long getAgencyId() {
        return agencyId;
    }

    Long getUnitId() {
        return unitId;
    }

    boolean isEnabled() {
        return enabled;
    }

    Instant getLockedUntil() {
        return lockedUntil;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    String getTotpSecret() {
        return totpSecret;
    }

    boolean isTotpEnabled() {
        return totpEnabled;
    }

    long getVersion() {
        return version;
    }

    Long getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    boolean isMustChangePassword() {
        return mustChangePassword;
    }
}
