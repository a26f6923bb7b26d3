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
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;

import java.time.Instant;

/**
 * A person's account: role and scope (one agency for a reporter, one administrative unit for reviewers
 * and viewers). Its password state changes only through the methods below.
 */
@Entity
@Table(name = "account")
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

    CurrentUser toCurrentUser(Instant now) {
        boolean locked = lockedUntil != null && lockedUntil.isAfter(now);
        return new CurrentUser(id, username, passwordHash, displayName, role, agencyId, unitId, enabled, locked,
                mustChangePassword);
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
