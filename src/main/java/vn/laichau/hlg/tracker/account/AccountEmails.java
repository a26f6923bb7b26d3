package vn.laichau.hlg.tracker.account;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.laichau.hlg.tracker.shared.AuditEvent;
import vn.laichau.hlg.tracker.shared.Mailer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An account's e-mail address and its verification. Setting or changing the address (by an
 * administrator, the account CSV import or the person at {@code /account}) clears its verified mark
 * and mails a link; following the link marks the address verified. Only verified addresses receive
 * reminders.
 *
 * <p>The link carries the account, an expiry and a digest of the address, signed with HMAC-SHA256
 * under a key kept in the database (migration V150), so nothing has to be stored per link; a link for
 * an address that has been changed since, or an expired or altered one, is refused.
 */
@Service
@Transactional
public class AccountEmails {

    /** Addresses as e-mail is usually written: something, one @, a domain with a dot, no blanks. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final int MAX_LENGTH = 254;
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private final JdbcClient jdbc;
    private final Mailer mailer;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration validity;

    AccountEmails(JdbcClient jdbc, Mailer mailer, MessageSource messages, ApplicationEventPublisher events, Clock clock,
                  @Value("${app.mail.verification-validity:72h}") Duration validity) {
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
        this.validity = validity;
    }

    /** An account's address and whether it has been verified. */
    public record Email(String address, boolean verified) {

        public static final Email NONE = new Email(null, false);
    }

    /** How following a link ended. */
    public enum Verification { VERIFIED, EXPIRED, INVALID }

    /** The address as it will be stored: trimmed, the domain in lower case; empty for none. */
    public static String normalise(String typed) {
        if (typed == null) {
            return "";
        }
        String address = typed.strip();
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(0, at) + address.substring(at).toLowerCase(Locale.ROOT);
    }

    /** The message key of what is wrong with a typed address, or null when it may be saved (empty included). */
    public static String problem(String typed) {
        String address = normalise(typed);
        if (address.isEmpty()) {
            return null;
        }
        if (address.length() > MAX_LENGTH) {
            return "account.email.error.tooLong";
        }
        return ADDRESS.matcher(address).matches() ? null : "account.email.error.format";
    }

    @Transactional(readOnly = true)
    public Email of(long accountId) {
        return jdbc.sql("select email, email_verified_at is not null from account where id = ?").param(accountId)
                .query((rs, row) -> new Email(rs.getString(1), rs.getBoolean(2))).optional().orElse(Email.NONE);
    }

    /**
     * Sets the account's address. A new address (not the one already there) is unverified and gets a
     * verification mail; an empty one removes the address. The caller has checked {@link #problem}.
     *
     * @param linkBase the application's address as the person sees it, e.g. {@code https://host/app}
     * @return whether the address changed
     */
    public boolean change(long accountId, String typed, String actor, String linkBase) {
        String address = normalise(typed);
        if (problem(address) != null) {
            throw new IllegalArgumentException("Invalid e-mail address");
        }
        Email before = of(accountId);
        if (address.equals(before.address() == null ? "" : before.address())) {
            return false;
        }
        String username = jdbc.sql("update account set email = ?, email_verified_at = null where id = ? returning username")
                .params(address.isEmpty() ? null : address, accountId).query(String.class).single();
        events.publishEvent(new AuditEvent("ACCOUNT_EMAIL_CHANGED", actor, null, "account:" + username,
                before.address(), address.isEmpty() ? null : address));
        if (!address.isEmpty()) {
            sendVerification(accountId, address, linkBase);
        }
        return true;
    }

    /** Sends (again) the verification link of the account's current, unverified address. */
    public boolean resend(long accountId, String linkBase) {
        Email email = of(accountId);
        if (email.address() == null || email.verified()) {
            return false;
        }
        sendVerification(accountId, email.address(), linkBase);
        return true;
    }

    /** Follows a verification link. */
    public Verification verify(String token) {
        Optional<Claim> claim = read(token);
        if (claim.isEmpty()) {
            return Verification.INVALID;
        }
        Email email = of(claim.get().accountId());
        if (email.address() == null || !digest(email.address()).equals(claim.get().digest())) {
            return Verification.INVALID;
        }
        if (clock.instant().isAfter(claim.get().expires())) {
            return Verification.EXPIRED;
        }
        if (!email.verified()) {
            String username = jdbc.sql("update account set email_verified_at = ? where id = ? returning username")
                    .params(java.sql.Timestamp.from(clock.instant()), claim.get().accountId()).query(String.class).single();
            events.publishEvent(new AuditEvent("ACCOUNT_EMAIL_VERIFIED", username, null, "account:" + username,
                    null, email.address()));
        }
        return Verification.VERIFIED;
    }

    private void sendVerification(long accountId, String address, String linkBase) {
        Instant expires = clock.instant().plus(validity);
        String link = linkBase + "/account/email/verify?token=" + token(accountId, address, expires);
        String displayName = jdbc.sql("select display_name from account where id = ?").param(accountId).query(String.class).single();
        String until = WHEN.format(expires.atZone(ZoneId.of("Asia/Ho_Chi_Minh")));
        mailer.send(address, messages.getMessage("account.email.mail.subject", null, VIETNAMESE),
                messages.getMessage("account.email.mail.body", new Object[] {displayName, link, until}, VIETNAMESE));
    }

    // ---------------------------------------------------------------- the signed link

    private record Claim(long accountId, Instant expires, String digest) {
    }

    String token(long accountId, String address, Instant expires) {
        String payload = accountId + "." + expires.getEpochSecond() + "." + digest(address);
        return payload + "." + sign(payload);
    }

    private Optional<Claim> read(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 4) {
            return Optional.empty();
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII), parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Claim(Long.parseLong(parts[0]), Instant.ofEpochSecond(Long.parseLong(parts[1])), parts[2]));
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }

    private String sign(String payload) {
        byte[] key = jdbc.sql("select secret from mail_signing_key where id = 1").query(byte[].class).single();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String digest(String address) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 12));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
