package vn.laichau.hlg.tracker.account;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Long passwords that are not on a list of common ones, without composition rules (NIST SP 800-63B):
 * length does more for strength than a forced digit or symbol, and is easier to remember.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private final Set<String> common;

    PasswordPolicy() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("security/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            common = reader.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the message key of the first rule broken, if any */
    Optional<String> check(String password, String username) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("account.password.tooShort");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("account.password.tooLong");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        // "password2024!" is as weak as "password": judge the word without what was tacked on its end.
        String base = lower.replaceAll("[^\\p{L}]+$", "");
        boolean guessable = common.contains(lower)
                || (base.length() >= 6 && common.contains(base))
                || (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT)))
                || lower.codePoints().distinct().count() < 4;
        return guessable ? Optional.of("account.password.tooCommon") : Optional.empty();
    }
}
