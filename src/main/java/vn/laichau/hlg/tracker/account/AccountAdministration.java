package vn.laichau.hlg.tracker.account;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.laichau.hlg.tracker.agency.AgencyService;
import vn.laichau.hlg.tracker.agency.AgencySummary;
import vn.laichau.hlg.tracker.shared.AuditEvent;
import vn.laichau.hlg.tracker.shared.Pages;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.shared.SearchText;
import vn.laichau.hlg.tracker.shared.web.NotFoundException;
import vn.laichau.hlg.tracker.unit.UnitLevel;
import vn.laichau.hlg.tracker.unit.UnitService;
import vn.laichau.hlg.tracker.unit.UnitSummary;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What administrators do with accounts: find, create with a one-time password, change role and scope,
 * disable (ending every open session at once), reset the password, unlock, remove a lost second factor.
 * Every change goes to the audit trail with its old and new values.
 */
@Service
@Transactional
public class AccountAdministration {

    static final int PAGE_SIZE = 25;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,49}");
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private final AccountRepository accounts;
    private final RecoveryCodeRepository recoveryCodes;
    private final AgencyService agencies;
    private final UnitService units;
    private final PasswordEncoder passwordEncoder;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccountAdministration(AccountRepository accounts, RecoveryCodeRepository recoveryCodes, AgencyService agencies,
                          UnitService units, PasswordEncoder passwordEncoder,
                          FindByIndexNameSessionRepository<? extends Session> sessions, ApplicationEventPublisher events,
                          Clock clock) {
        this.accounts = accounts;
        this.recoveryCodes = recoveryCodes;
        this.agencies = agencies;
        this.units = units;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
    }

    /** An account as the administration pages show it. */
    public record AccountView(long id, String username, String displayName, Role role, Long agencyId, String agencyName,
                              Long unitId, String unitName, boolean enabled, boolean locked, boolean mustChangePassword,
                              boolean secondFactorEnabled, LocalDateTime lockedUntil, LocalDateTime createdAt, long version) {
    }

    /** What an administrator types to create or change an account. */
    public record AccountCommand(String username, String displayName, Role role, Long agencyId, Long unitId, Long version) {
    }

    /** The outcome of a create: the new account, or the message key of each field in error. */
    public record Created(Long id, String oneTimePassword, Map<String, String> errors) {
    }

    @Transactional(readOnly = true)
    public Page<AccountView> search(String typed, int page) {
        String pattern = SearchText.containsPattern(typed);
        Page<Account> found = Pages.clamped(page, PAGE_SIZE, pageable -> accounts.search(pattern, pageable));
        Map<Long, String> agencyNames = new LinkedHashMap<>();
        agencies.findAll(found.stream().map(Account::getAgencyId).filter(Objects::nonNull).distinct().toList())
                .forEach(agency -> agencyNames.put(agency.id(), agency.name()));
        Map<Long, String> unitNames = unitNames();
        return found.map(account -> view(account, agencyNames, unitNames));
    }

    @Transactional(readOnly = true)
    public AccountView get(long id) {
        Account account = accounts.findById(id).orElseThrow(NotFoundException::new);
        Map<Long, String> agencyNames = new LinkedHashMap<>();
        if (account.getAgencyId() != null) {
            agencies.findAll(List.of(account.getAgencyId())).forEach(agency -> agencyNames.put(agency.id(), agency.name()));
        }
        return view(account, agencyNames, unitNames());
    }

    public Created create(AccountCommand command, String actor) {
        Map<String, String> errors = validate(command, null);
        String username = normalise(command.username());
        if (!errors.containsKey("username") && accounts.existsByUsername(username)) {
            errors.put("username", "admin.accounts.error.usernameTaken");
        }
        if (!errors.isEmpty()) {
            return new Created(null, null, errors);
        }
        String oneTimePassword = oneTimePassword();
        Account account = accounts.save(Account.create(username, command.displayName().trim(), passwordEncoder.encode(oneTimePassword),
                command.role(), command.agencyId(), scopeUnit(command), true, clock.instant()));
        audit("ACCOUNT_CREATED", actor, account, null, describe(account));
        return new Created(account.getId(), oneTimePassword, Map.of());
    }

    /**
     * @return field → message key for each problem; empty when saved
     * @throws ObjectOptimisticLockingFailureException when someone changed the account meanwhile
     */
    public Map<String, String> update(long id, AccountCommand command, String actor) {
        Account account = accounts.findById(id).orElseThrow(NotFoundException::new);
        if (command.version() == null || command.version() != account.getVersion()) {
            throw new ObjectOptimisticLockingFailureException(Account.class, id);
        }
        Map<String, String> errors = validate(command, account.getUsername());
        if (!errors.isEmpty()) {
            return errors;
        }
        String before = describe(account);
        boolean scopeChanged = account.getRole() != command.role()
                || !Objects.equals(account.getAgencyId(), command.agencyId())
                || !Objects.equals(account.getUnitId(), scopeUnit(command));
        account.assign(command.displayName().trim(), command.role(), command.agencyId(), scopeUnit(command));
        accounts.flush();
        if (scopeChanged) {
            // The sessions hold the old role and scope: end them so that the new ones apply at once.
            endSessions(account);
        }
        audit("ACCOUNT_UPDATED", actor, account, before, describe(account));
        return Map.of();
    }

    public void disable(long id, String actor) {
        Account account = accounts.findById(id).orElseThrow(NotFoundException::new);
        account.disable();
        endSessions(account);
        audit("ACCOUNT_DISABLED", actor, account, "enabled", "disabled");
    }

    public void enable(long id, String actor) {
        Account account = accounts.findById(id).orElseThrow(NotFoundException::new);
        account.enable();
        audit("ACCOUNT_ENABLED", actor, account, "disabled", "enabled");
    }

    /** @return the new one-time password, to be shown once */
    public String resetPassword(long id, String actor) {
        Account account = accounts.findById(id).orElseThrow(NotFoundException::new);
        String oneTimePassword = oneTimePassword();
        account.resetPassword(passwordEncoder.encode(oneTimePassword));
        endSessions(account);
        audit("PASSWORD_RESET", actor, account, null, "one-time password issued");
        return oneTimePassword;
    }

    public void unlock(long id, String actor) {
        Account account = accounts.findById(id).orElseThrow(NotFoundException::new);
        String before = account.getLockedUntil() == null ? "not locked" : "locked until " + account.getLockedUntil();
        account.unlock();
        audit("ACCOUNT_UNLOCKED", actor, account, before, "unlocked");
    }

    public void removeSecondFactor(long id, String actor) {
        Account account = accounts.findById(id).orElseThrow(NotFoundException::new);
        account.removeSecondFactor();
        recoveryCodes.deleteByAccountId(account.getId());
        endSessions(account);
        audit("SECOND_FACTOR_REMOVED", actor, account, "authenticator app", "none");
    }

    /** Field → message key for each problem with a create or update. */
    Map<String, String> validate(AccountCommand command, String existingUsername) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (existingUsername == null) {
            String username = normalise(command.username());
            if (username.isEmpty()) {
                errors.put("username", "admin.accounts.error.usernameRequired");
            } else if (!USERNAME.matcher(username).matches()) {
                errors.put("username", "admin.accounts.error.usernameFormat");
            }
        }
        if (command.displayName() == null || command.displayName().isBlank()) {
            errors.put("displayName", "admin.accounts.error.displayNameRequired");
        } else if (command.displayName().trim().length() > 200) {
            errors.put("displayName", "admin.accounts.error.displayNameTooLong");
        }
        if (command.role() == null) {
            errors.put("role", "admin.accounts.error.roleRequired");
            return errors;
        }
        Optional<AgencySummary> agency = command.agencyId() == null ? Optional.empty()
                : agencies.findAll(List.of(command.agencyId())).stream().findFirst();
        if (command.agencyId() != null && agency.isEmpty()) {
            errors.put("agencyId", "admin.accounts.error.agencyUnknown");
        }
        switch (command.role()) {
            case REPORTER -> {
                if (command.agencyId() == null) {
                    errors.put("agencyId", "admin.accounts.error.agencyRequired");
                }
            }
            case PROVINCE_REVIEWER, DISTRICT_REVIEWER, VIEWER -> {
                Long unitId = scopeUnit(command);
                Optional<UnitSummary> unit = unitId == null ? Optional.empty() : units.findById(unitId);
                if (unit.isEmpty()) {
                    errors.put("unitId", "admin.accounts.error.unitRequired");
                } else if (command.role() == Role.PROVINCE_REVIEWER && unit.get().level() != UnitLevel.PROVINCE) {
                    errors.put("unitId", "admin.accounts.error.provinceUnitRequired");
                } else if (command.role() == Role.DISTRICT_REVIEWER && unit.get().level() == UnitLevel.PROVINCE) {
                    errors.put("unitId", "admin.accounts.error.districtUnitRequired");
                }
            }
            case ADMIN -> {
            }
        }
        return errors;
    }

    /** A reviewer or viewer without a unit chosen takes the unit of the agency they work for. */
    private Long scopeUnit(AccountCommand command) {
        if (command.role() == Role.REPORTER) {
            return null;
        }
        if (command.unitId() != null || command.agencyId() == null) {
            return command.unitId();
        }
        return agencies.findAll(List.of(command.agencyId())).stream().findFirst().map(AgencySummary::unitId).orElse(null);
    }

    private void endSessions(Account account) {
        sessions.findByPrincipalName(account.getUsername()).keySet().forEach(sessions::deleteById);
    }

    private void audit(String kind, String actor, Account account, String before, String after) {
        events.publishEvent(new AuditEvent(kind, actor, null, "account:" + account.getUsername(), before, after));
    }

    private static String describe(Account account) {
        return "name=" + account.getDisplayName() + ", role=" + account.getRole() + ", agency=" + account.getAgencyId()
                + ", unit=" + account.getUnitId();
    }

    static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    /** Twelve letters and digits without look-alikes, grouped by four so that it can be read out. */
    String oneTimePassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private Map<Long, String> unitNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        units.findAll().forEach(unit -> names.put(unit.id(), unit.name()));
        return names;
    }

    private AccountView view(Account account, Map<Long, String> agencyNames, Map<Long, String> unitNames) {
        var zone = clock.getZone();
        return new AccountView(account.getId(), account.getUsername(), account.getDisplayName(), account.getRole(),
                account.getAgencyId(), agencyNames.get(account.getAgencyId()), account.getUnitId(),
                unitNames.get(account.getUnitId()), account.isEnabled(), account.isLockedAt(clock.instant()),
                account.isMustChangePassword(), account.isTotpEnabled(),
                account.getLockedUntil() == null ? null : LocalDateTime.ofInstant(account.getLockedUntil(), zone),
                LocalDateTime.ofInstant(account.getCreatedAt(), zone), account.getVersion());
    }

    /** The choices of the account form: open agencies and all units. */
    @Transactional(readOnly = true)
    public Choices choices() {
        return new Choices(agencies.findOpenOn(LocalDate.now(clock)), units.findAll());
    }

    public record Choices(List<AgencySummary> agencies, List<UnitSummary> units) {
    }
}
