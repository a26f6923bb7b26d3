package vn.laichau.hlg.tracker.account;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.laichau.hlg.tracker.shared.AuditEvent;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Counts sign-in attempts in the database, so that the count holds across instances: after
 * {@value #MAX_FAILURES} wrong passwords or second-factor codes in a row an account is locked for 15
 * minutes.
 * <p>
 * An attempt is counted <em>before</em> its password or code is checked, in one SQL statement that also
 * checks the lock and the count under the row's lock: however many attempts arrive at once, at most
 * {@value #MAX_FAILURES} of them get as far as a check. A right password or code gives its attempt back;
 * a wrong one keeps it and locks the account when the count is full.
 */
@Component
class SignInAttempts {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignInAttempts(JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void on(AuthenticationFailureBadCredentialsEvent event) {
        recordFailure(AccountUserDetailsService.normalise(event.getAuthentication().getName()));
    }

    /**
     * Takes one attempt for the account before a password or code is checked.
     *
     * @return false when the account is locked or its attempts are used up: then nothing may be checked
     */
    @Transactional
    public boolean reserve(String username) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.update("""
                        update account set failed_attempts = failed_attempts + 1
                         where username = ? and (locked_until is null or locked_until <= ?) and failed_attempts < ?""",
                username, now, MAX_FAILURES) == 1;
    }

    /**
     * The checked password or code was right: the count starts again, unless the account was locked in
     * the meantime by attempts made at the same time (then false, and the sign-in is refused).
     */
    @Transactional
    public boolean succeeded(String username) {
        return jdbc.update("""
                        update account set failed_attempts = 0
                         where username = ? and (locked_until is null or locked_until <= ?)""",
                username, Timestamp.from(clock.instant())) == 1;
    }

    /**
     * The password was right but a second-factor code is still to come: the attempt is given back, while
     * the wrong ones before it still count (so that signing in again does not buy more code guesses).
     */
    @Transactional
    public boolean passwordRightCodeToCome(String username) {
        return jdbc.update("""
                        update account set failed_attempts = greatest(failed_attempts - 1, 0)
                         where username = ? and (locked_until is null or locked_until <= ?)""",
                username, Timestamp.from(clock.instant())) == 1;
    }

    /** Whether the account is locked now. */
    @Transactional(readOnly = true)
    public boolean isLocked(String username) {
        List<Timestamp> until = jdbc.queryForList("select locked_until from account where username = ?", Timestamp.class, username);
        return !until.isEmpty() && until.get(0) != null && until.get(0).toInstant().isAfter(clock.instant());
    }

    /**
     * A wrong password or second-factor code, its attempt already counted by {@link #reserve}: locks the
     * account once the count is full.
     */
    @Transactional
    public void recordFailure(String username) {
        Instant now = clock.instant();
        List<Timestamp> lockedUntil = jdbc.queryForList("""
                        update account
                           set failed_attempts = 0, locked_until = ?
                         where username = ? and failed_attempts >= ? and (locked_until is null or locked_until <= ?)
                        returning locked_until""",
                Timestamp.class, Timestamp.from(now.plus(LOCK)), username, MAX_FAILURES, Timestamp.from(now));
        if (!lockedUntil.isEmpty()) {
            events.publishEvent(new AuditEvent("ACCOUNT_LOCKED", username, null, "account:" + username, null,
                    "locked_until=" + lockedUntil.get(0).toInstant()));
        }
    }
}
