package vn.laichau.hlg.tracker.account;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.laichau.hlg.tracker.shared.AuditEvent;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Counts failed sign-ins in the database, so that the count holds across instances: after
 * {@value #MAX_FAILURES} in a row an account is locked for 15 minutes. The counter is changed in one
 * SQL statement so that concurrent attempts cannot lose an increment.
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

    @EventListener
    @Transactional
    public void on(AuthenticationSuccessEvent event) {
        jdbc.update("update account set failed_attempts = 0 where username = ? and failed_attempts > 0",
                AccountUserDetailsService.normalise(event.getAuthentication().getName()));
    }

    /** One more failure (a wrong password or a wrong second-factor code); locks the account at the limit. */
    @Transactional
    public void recordFailure(String username) {
        Instant now = clock.instant();
        List<Timestamp> lockedUntil = jdbc.queryForList("""
                        update account
                           set failed_attempts = case when failed_attempts + 1 >= ? then 0 else failed_attempts + 1 end,
                               locked_until = case when failed_attempts + 1 >= ? then ? else locked_until end
                         where username = ? and (locked_until is null or locked_until <= ?)
                        returning locked_until""",
                Timestamp.class, MAX_FAILURES, MAX_FAILURES, Timestamp.from(now.plus(LOCK)), username, Timestamp.from(now));
        if (!lockedUntil.isEmpty() && lockedUntil.get(0) != null && lockedUntil.get(0).toInstant().isAfter(now)) {
            events.publishEvent(new AuditEvent("ACCOUNT_LOCKED", username, null, "account:" + username, null,
                    "locked_until=" + lockedUntil.get(0).toInstant()));
        }
    }
}
