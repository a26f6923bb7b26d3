package vn.laichau.hlg.tracker.account;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.laichau.hlg.tracker.shared.CurrentUser;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Accounts and their passwords: the public face of this module. */
@Service
@Transactional
public class AccountService {

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy policy;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final Clock clock;

    AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, PasswordPolicy policy,
                   FindByIndexNameSessionRepository<? extends Session> sessions, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * Replaces the signed-in user's password and ends their other sessions, so that whoever knew the old
     * password is signed out everywhere else.
     *
     * @return field name → message key for each problem; empty when the password was changed
     */
    public Map<String, String> changePassword(CurrentUser user, String currentPassword, String newPassword,
                                              String confirmation, String currentSessionId) {
        Account account = accounts.findById(user.id()).orElseThrow();
        Map<String, String> errors = new LinkedHashMap<>();
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            errors.put("currentPassword", "account.password.currentWrong");
        }
        policy.check(newPassword, account.getUsername()).ifPresent(key -> errors.put("newPassword", key));
        if (!errors.containsKey("newPassword") && newPassword.equals(currentPassword)) {
            errors.put("newPassword", "account.password.sameAsCurrent");
        }
        if (newPassword == null || !newPassword.equals(confirmation)) {
            errors.put("confirmPassword", "account.password.mismatch");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        account.changePassword(passwordEncoder.encode(newPassword), clock.instant());
        sessions.findByPrincipalName(account.getUsername()).keySet().stream()
                .filter(id -> !id.equals(currentSessionId))
                .forEach(sessions::deleteById);
        return Map.of();
    }
}
