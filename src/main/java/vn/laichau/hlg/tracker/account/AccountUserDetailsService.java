package vn.laichau.hlg.tracker.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Locale;

/** Signs people in from their accounts; usernames are compared without regard to case. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final Clock clock;

    AccountUserDetailsService(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsername(normalise(username))
                .map(account -> account.toCurrentUser(clock.instant()))
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }

    static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
