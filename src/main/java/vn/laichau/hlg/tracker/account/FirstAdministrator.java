package vn.laichau.hlg.tracker.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * On a database without accounts, creates {@code admin} with the password from
 * {@code APP_ADMIN_PASSWORD}, or a generated one written once to the log. Either way it must be
 * changed at the first sign-in.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class FirstAdministrator implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final String configuredPassword;

    FirstAdministrator(AccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock,
                       @Value("${app.admin.password:}") String configuredPassword) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        boolean generated = !StringUtils.hasText(configuredPassword);
        String password = generated ? generate() : configuredPassword;
        try {
            accounts.saveAndFlush(Account.firstAdministrator(USERNAME, "Quản trị hệ thống",
                    passwordEncoder.encode(password), clock.instant()));
        } catch (DataIntegrityViolationException anotherInstanceWasFirst) {
            return;
        }
        if (generated) {
            log.warn("Created the first administrator '{}' with the generated password: {}  "
                    + "(shown only this once; it must be changed at the first sign-in)", USERNAME, password);
        } else {
            log.info("Created the first administrator '{}' with the password from APP_ADMIN_PASSWORD; "
                    + "it must be changed at the first sign-in", USERNAME);
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
