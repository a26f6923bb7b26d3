package vn.laichau.hlg.tracker.account;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.laichau.hlg.tracker.shared.AuditEvent;
import vn.laichau.hlg.tracker.shared.CurrentUser;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The second factor: a TOTP authenticator app (RFC 6238, 6 digits, 30 seconds) enrolled with a QR code
 * drawn on the server, and ten single-use recovery codes. Wrong codes count as failed sign-ins; each
 * code of the app is accepted once.
 */
@Service
@Transactional
public class SecondFactorService {

    static final String ISSUER = "De an 129 Lai Chau";

    private final AccountRepository accounts;
    private final RecoveryCodeRepository recoveryCodes;
    private final PasswordEncoder passwordEncoder;
    private final SignInAttempts attempts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private static final int PERIOD_SECONDS = 30;
    private static final DefaultCodeGenerator CODES = new DefaultCodeGenerator();
    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");
    /** As {@link RecoveryCodeGenerator} makes them: four groups of four letters or digits. */
    private static final Pattern RECOVERY_CODE = Pattern.compile("[a-z0-9]{4}(-[a-z0-9]{4}){3}");

    SecondFactorService(AccountRepository accounts, RecoveryCodeRepository recoveryCodes, PasswordEncoder passwordEncoder,
                        SignInAttempts attempts, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.recoveryCodes = recoveryCodes;
        this.passwordEncoder = passwordEncoder;
        this.attempts = attempts;
        this.events = events;
        this.clock = clock;
    }

    /** What the enrolment page shows: the secret as text (to type in) and as a QR code (to scan). */
    public record Enrolment(String secret, String qrCodeDataUri) {
    }

    /**
     * The enrolment in progress, started with a new secret when there is none; empty when an app is
     * already enrolled (an administrator removes it first when a phone is lost).
     */
    public Optional<Enrolment> enrolment(CurrentUser user) {
        Account account = accounts.findById(user.id()).orElseThrow();
        if (account.isTotpEnabled()) {
            return Optional.empty();
        }
        if (account.getTotpSecret() == null) {
            account.startSecondFactorEnrolment(new DefaultSecretGenerator().generate());
        }
        return Optional.of(new Enrolment(account.getTotpSecret(), qrCode(account.getUsername(), account.getTotpSecret())));
    }

    /**
     * Confirms enrolment with a code from the app.
     *
     * @return the recovery codes, shown once; empty when the code was wrong
     */
    public List<String> confirmEnrolment(CurrentUser user, String code) {
        Account account = accounts.findById(user.id()).orElseThrow();
        if (account.getTotpSecret() == null || !acceptTotp(account, digits(code))) {
            return List.of();
        }
        account.confirmSecondFactor();
        recoveryCodes.deleteByAccountId(account.getId());
        List<String> codes = Arrays.asList(new RecoveryCodeGenerator().generateCodes(10));
        codes.forEach(plain -> recoveryCodes.save(new RecoveryCode(account.getId(), passwordEncoder.encode(plain))));
        events.publishEvent(new AuditEvent("SECOND_FACTOR_ENROLLED", account.getUsername(), null,
                "account:" + account.getUsername(), null, null));
        return codes;
    }

    /** What became of a code given at sign-in. */
    public enum Outcome {
        /** The right code: the sign-in is complete. */
        ACCEPTED,
        /** A wrong (or already used) code; another may be tried. */
        REFUSED,
        /** The account is locked (now or before): no code is checked, and the pending sign-in must end. */
        LOCKED
    }

    /**
     * Checks the code given at sign-in: a TOTP code of the current time step (or the one before or after,
     * for clocks that drift) not used before, or an unused recovery code (then spent). The attempt is
     * counted against the account's lockout before the code is checked.
     */
    public Outcome verifySignIn(CurrentUser user, String code) {
        Account account = accounts.findById(user.id()).orElseThrow();
        if (!account.isTotpEnabled()) {
            return Outcome.ACCEPTED;
        }
        String username = account.getUsername();
        if (!attempts.reserve(username)) {
            return Outcome.LOCKED;
        }
        String typed = code == null ? "" : code.trim();
        if (acceptTotp(account, digits(typed)) || acceptRecoveryCode(account, typed)) {
            return attempts.succeeded(username) ? Outcome.ACCEPTED : Outcome.LOCKED;
        }
        attempts.recordFailure(username);
        events.publishEvent(new AuditEvent("SECOND_FACTOR_FAILED", username, null, "account:" + username, null, null));
        return attempts.isLocked(username) ? Outcome.LOCKED : Outcome.REFUSED;
    }

    /**
     * Whether the code is the app's code of a time step near now that is later than the last one used:
     * each code is accepted once (the step is written in the same statement that checks it).
     */
    private boolean acceptTotp(Account account, String digits) {
        if (!SIX_DIGITS.matcher(digits).matches()) {
            return false;
        }
        long now = clock.millis() / 1000 / PERIOD_SECONDS;
        for (long step = now - 1; step <= now + 1; step++) {
            if (MessageDigest.isEqual(codeAt(account.getTotpSecret(), step).getBytes(StandardCharsets.US_ASCII),
                    digits.getBytes(StandardCharsets.US_ASCII))) {
                return accounts.useTotpStep(account.getId(), step) == 1;
            }
        }
        return false;
    }

    /**
     * Recovery codes are compared (with bcrypt) only when the input looks like one, so that a wrong
     * six-digit code costs no hashing.
     */
    private boolean acceptRecoveryCode(Account account, String typed) {
        String recovery = typed.toLowerCase(Locale.ROOT);
        if (!RECOVERY_CODE.matcher(recovery).matches()) {
            return false;
        }
        for (RecoveryCode candidate : recoveryCodes.findByAccountIdAndUsedAtIsNull(account.getId())) {
            if (passwordEncoder.matches(recovery, candidate.getCodeHash())) {
                candidate.use(clock.instant());
                events.publishEvent(new AuditEvent("RECOVERY_CODE_USED", account.getUsername(), null,
                        "account:" + account.getUsername(), null, null));
                return true;
            }
        }
        return false;
    }

    private static String codeAt(String secret, long step) {
        try {
            return CODES.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("Could not compute the code", e);
        }
    }

    private static String digits(String code) {
        return code == null ? "" : code.replaceAll("\\s", "");
    }

    private static String qrCode(String username, String secret) {
        QrData data = new QrData.Builder().label(username).secret(secret).issuer(ISSUER)
                .algorithm(HashingAlgorithm.SHA1).digits(6).period(30).build();
        try {
            ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
            generator.setImageSize(240);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(generator.generate(data));
        } catch (QrGenerationException e) {
            throw new IllegalStateException("Could not draw the QR code", e);
        }
    }
}
