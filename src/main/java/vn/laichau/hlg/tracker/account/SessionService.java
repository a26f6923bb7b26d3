package vn.laichau.hlg.tracker.account;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.SignInSession;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * A person's own open sessions, which they can see and end. Pages never show session ids (they are
 * keys to the account); each session is named by a hash of its id instead.
 */
@Service
public class SessionService {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final Clock clock;

    SessionService(FindByIndexNameSessionRepository<? extends Session> sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * One open session as its owner sees it; {@code browser} and {@code system} name the device (null
     * when not recognised), {@code device} is the User-Agent as sent.
     */
    public record OpenSession(String handle, LocalDateTime signedInAt, LocalDateTime lastActive, String address,
                              String device, String browser, String system, boolean current) {
    }

    public List<OpenSession> sessionsOf(CurrentUser user, String currentSessionId) {
        return sessions.findByPrincipalName(user.getUsername()).values().stream()
                .filter(session -> !session.isExpired())
                .map(session -> {
                    Long at = session.getAttribute(SignInSession.AT);
                    String address = session.getAttribute(SignInSession.ADDRESS);
                    String device = session.getAttribute(SignInSession.USER_AGENT);
                    UserAgents.Device named = UserAgents.describe(device);
                    return new OpenSession(handle(session.getId()),
                            at == null ? null : LocalDateTime.ofInstant(Instant.ofEpochMilli(at), clock.getZone()),
                            LocalDateTime.ofInstant(session.getLastAccessedTime(), clock.getZone()),
                            address == null ? "" : address, device == null ? "" : device, named.browser(), named.system(),
                            session.getId().equals(currentSessionId));
                })
                .sorted(Comparator.comparing(OpenSession::lastActive).reversed())
                .toList();
    }

    /** Ends one of the user's own sessions; a handle that names no session of theirs changes nothing. */
    public boolean end(CurrentUser user, String handle, String currentSessionId) {
        return sessions.findByPrincipalName(user.getUsername()).keySet().stream()
                .filter(id -> !id.equals(currentSessionId) && handle(id).equals(handle))
                .findFirst()
                .map(id -> {
                    sessions.deleteById(id);
                    return true;
                })
                .orElse(false);
    }

    public void endOthers(CurrentUser user, String currentSessionId) {
        sessions.findByPrincipalName(user.getUsername()).keySet().stream()
                .filter(id -> !id.equals(currentSessionId))
                .forEach(sessions::deleteById);
    }

    static String handle(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
