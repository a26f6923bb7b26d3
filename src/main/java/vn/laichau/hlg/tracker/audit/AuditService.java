package vn.laichau.hlg.tracker.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.laichau.hlg.tracker.shared.AuditEvent;
import vn.laichau.hlg.tracker.shared.Pages;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Records every {@link AuditEvent} and every sign-in and failed sign-in, and answers the audit page.
 * Events are recorded in the transaction that publishes them, so a change that is rolled back leaves
 * no audit line, and a change that is committed always does.
 */
@Service
@Transactional(readOnly = true)
public class AuditService {

    static final int PAGE_SIZE = 50;

    private final AuditEntryRepository entries;
    private final Clock clock;

    AuditService(AuditEntryRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRED)
    public void on(AuditEvent event) {
        String address = event.address() != null ? event.address() : currentAddress();
        String actor = event.actor() != null ? event.actor() : currentUser();
        entries.save(new AuditEntry(clock.instant(), event.kind(), actor, address, event.target(),
                event.oldValue(), event.newValue()));
    }

    @EventListener
    @Transactional
    public void on(AuthenticationSuccessEvent event) {
        // Success events also follow "remember me"-style re-authentications; only form sign-ins carry web details.
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            entries.save(new AuditEntry(clock.instant(), "LOGIN_SUCCEEDED", event.getAuthentication().getName(),
                    details.getRemoteAddress(), "account:" + event.getAuthentication().getName(), null, null));
        }
    }

    @EventListener
    @Transactional
    public void on(AbstractAuthenticationFailureEvent event) {
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : currentAddress();
        entries.save(new AuditEntry(clock.instant(), "LOGIN_FAILED", event.getAuthentication().getName(), address,
                "account:" + event.getAuthentication().getName(), null, event.getException().getClass().getSimpleName()));
    }

    /** One page of the trail, newest first, filtered by user, kind and dates (inclusive, in Vietnam's time). */
    public Page<AuditLine> search(String actor, String kind, LocalDate from, LocalDate to, int page) {
        ZoneId zone = clock.getZone();
        Instant start = from == null ? Instant.EPOCH : from.atStartOfDay(zone).toInstant();
        Instant end = to == null ? Instant.parse("9999-12-31T00:00:00Z") : to.plusDays(1).atStartOfDay(zone).toInstant();
        String actorFilter = actor == null || actor.isBlank() ? null : actor.trim().toLowerCase(Locale.ROOT);
        String kindFilter = kind == null || kind.isBlank() ? null : kind;
        return Pages.clamped(page, PAGE_SIZE, pageable -> entries.search(actorFilter, kindFilter, start, end, pageable))
                .map(entry -> new AuditLine(entry.getAt().atZone(zone).toLocalDateTime(), entry.getKind(),
                        entry.getActor(), entry.getAddress(), entry.getTarget(), entry.getOldValue(), entry.getNewValue()));
    }

    public List<String> kinds() {
        return entries.findKinds();
    }

    private static String currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? null : authentication.getName();
    }

    private static String currentAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    /** A line of the trail as the audit page shows it. */
    public record AuditLine(LocalDateTime at, String kind, String actor, String address, String target,
                            String oldValue, String newValue) {
    }
}
