package vn.laichau.hlg.tracker.account;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import vn.laichau.hlg.tracker.shared.CurrentUser;

/**
 * The password check of the sign-in form, counted against the account's lockout before the password is
 * compared (see {@link SignInAttempts}): parallel attempts cannot get more than the allowed number of
 * guesses, and a right password arriving after the account was locked is refused like any other.
 */
@Component
class CountedAuthenticationProvider extends DaoAuthenticationProvider {

    private final SignInAttempts attempts;

    CountedAuthenticationProvider(AccountUserDetailsService users, PasswordEncoder passwordEncoder, SignInAttempts attempts) {
        super(users);
        setPasswordEncoder(passwordEncoder);
        this.attempts = attempts;
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication)
            throws AuthenticationException {
        String username = AccountUserDetailsService.normalise(user.getUsername());
        if (!attempts.reserve(username)) {
            throw new LockedException("Locked");
        }
        super.additionalAuthenticationChecks(user, authentication);
        boolean codeToCome = user instanceof CurrentUser current && current.secondFactorEnabled();
        if (!(codeToCome ? attempts.passwordRightCodeToCome(username) : attempts.succeeded(username))) {
            throw new LockedException("Locked");
        }
    }
}
