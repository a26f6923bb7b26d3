package vn.laichau.hlg.tracker.shared;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

/**
 * The signed-in person as the rest of the application sees them: role and scope. Kept in the session,
 * so it holds nothing that cannot be serialised.
 */
public final class CurrentUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private String passwordHash;
    private final String displayName;
    private final Role role;
    private final Long agencyId;
    private final Long unitId;
    private final boolean enabled;
    private final boolean locked;
    private final boolean mustChangePassword;
    private final boolean secondFactorEnabled;

    public CurrentUser(long id, String username, String passwordHash, String displayName, Role role, Long agencyId,
                       Long unitId, boolean enabled, boolean locked, boolean mustChangePassword,
                       boolean secondFactorEnabled) {
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.agencyId = agencyId;
        this.unitId = unitId;
        this.enabled = enabled;
        this.locked = locked;
        this.mustChangePassword = mustChangePassword;
        this.secondFactorEnabled = secondFactorEnabled;
    }

    /** The same person after changing the password they were told to change. */
    public CurrentUser withPasswordChanged() {
        return new CurrentUser(id, username, null, displayName, role, agencyId, unitId, enabled, locked, false,
                secondFactorEnabled);
    }

    /** The same person after enrolling an authenticator app. */
    public CurrentUser withSecondFactorEnabled() {
        return new CurrentUser(id, username, null, displayName, role, agencyId, unitId, enabled, locked,
                mustChangePassword, true);
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public Long agencyId() {
        return agencyId;
    }

    public Long unitId() {
        return unitId;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public boolean secondFactorEnabled() {
        return secondFactorEnabled;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CurrentUser that && that.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "CurrentUser[" + username + ", " + role + "]";
    }
}
