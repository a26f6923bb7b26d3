package vn.laichau.hlg.tracker.account;

import dev.samstevens.totp.code.CodeVerifier;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.time.SystemTimeProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.laichau.hlg.tracker.shared.AuditEvent;
import vn.laichau.hlg.tracker.shared.CurrentUser;

import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The second factor: a TOTP authenticator app (RFC 6238, 6 digits, 30 seconds) enrolled with a QR code
 * drawn on the server, and ten single-use recovery codes. Wrong codes count as failed sign-ins.
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
    private final CodeVerifier verifier = new DefaultCodeVerifier(new DefaultCodeGenerator(), new SystemTimeProvider());

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
        if (account.getTotpSecret() == null || !verifier.isValidCode(account.getTotpSecret(), digits(code))) {
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

    /** Checks the code given at sign-in: a current TOTP code, or an unused recovery code (then spent). */
    public boolean verifySignIn(CurrentUser user, String code) {
        Account account = accounts.findById(user.id()).orElseThrow();
        if (!account.isTotpEnabled()) {
            return true;
        }
        String typed = code == null ? "" : code.trim();
        if (verifier.isValidCode(account.getTotpSecret(), digits(typed))) {
            return true;
        }
        String recovery = typed.toLowerCase(Locale.ROOT);
        for (RecoveryCode candidate : recoveryCodes.findByAccountIdAndUsedAtIsNull(account.getId())) {
            if (passwordEncoder.matches(recovery, candidate.getCodeHash())) {
                candidate.use(clock.instant());
                events.publishEvent(new AuditEvent("RECOVERY_CODE_USED", account.getUsername(), null,
                        "account:" + account.getUsername(), null, null));
                return true;
            }
        }
        attempts.recordFailure(account.getUsername());
        events.publishEvent(new AuditEvent("SECOND_FACTOR_FAILED", account.getUsername(), null,
                "account:" + account.getUsername(), null, null));
        return false;
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
