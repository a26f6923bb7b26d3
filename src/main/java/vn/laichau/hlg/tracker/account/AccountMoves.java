package vn.laichau.hlg.tracker.account;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.laichau.hlg.tracker.agency.AgencyService;
import vn.laichau.hlg.tracker.agency.AgencySummary;
import vn.laichau.hlg.tracker.shared.AuditEvent;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.shared.web.NotFoundException;
import vn.laichau.hlg.tracker.unit.UnitLevel;
import vn.laichau.hlg.tracker.unit.UnitService;
import vn.laichau.hlg.tracker.unit.UnitSummary;
import vn.laichau.hlg.tracker.unit.UnitViews.Successor;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Accounts left behind by a reorganisation: reporters of an agency that closed, and reviewers and viewers
 * scoped to a unit that closed. Each is moved in one step to a successor: a reporter to an open agency in
 * a unit that took over (or of the same kind further up, as Hội Luật gia huyện → Hội Luật gia tỉnh), a
 * reviewer or viewer to a unit that took over. The account itself stays, with everything it did: its
 * reports, their history and the audit trail keep naming it.
 */
@Service
@Transactional(readOnly = true)
public class AccountMoves {

    private final AccountRepository accounts;
    private final AgencyService agencies;
    private final UnitService units;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountMoves(AccountRepository accounts, AgencyService agencies, UnitService units,
                 FindByIndexNameSessionRepository<? extends Session> sessions, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.agencies = agencies;
        this.units = units;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * An account to move.
     *
     * @param reporter   whether it moves to another agency (a reporter) or to another unit (a reviewer or viewer)
     * @param from       the closed agency or unit it works for now
     * @param closedOn   the day that agency or unit closed
     * @param choices    where it may go, most likely first; empty when no successor is named yet
     * @param fromUnitId the closed unit (or the closed agency's unit), whose successors are named at the units page
     */
    public record Stranded(long id, String username, String displayName, Role role, boolean reporter, String from,
                           LocalDate closedOn, long fromUnitId, List<Choice> choices, long version) {
    }

    /** An agency or unit an account may move to. */
    public record Choice(long id, String name) {
    }

    /** Every account of a closed agency or scoped to a closed unit, by username, in a bounded number of queries. */
    public List<Stranded> stranded() {
        LocalDate today = LocalDate.now(clock);
        Map<Long, UnitSummary> unitsById = units.all().stream()
                .collect(Collectors.toMap(UnitSummary::id, Function.identity()));
        Map<Long, AgencySummary> closedAgencies = agencies.findClosedBy(today).stream()
                .collect(Collectors.toMap(AgencySummary::id, Function.identity()));
        Set<Long> closedUnits = unitsById.values().stream()
                .filter(unit -> unit.closedOn() != null && !unit.closedOn().isAfter(today))
                .map(UnitSummary::id).collect(Collectors.toSet());
        if (closedAgencies.isEmpty() && closedUnits.isEmpty()) {
            return List.of();
        }
        List<Account> found = accounts.findByAgencyOrUnit(
                closedAgencies.isEmpty() ? Set.of(-1L) : closedAgencies.keySet(),
                closedUnits.isEmpty() ? Set.of(-1L) : closedUnits).stream()
                .filter(account -> account.getRole() != Role.ADMIN)
                .filter(account -> account.getRole() == Role.REPORTER
                        ? closedAgencies.containsKey(account.getAgencyId())
                        : closedUnits.contains(account.getUnitId()))
                .toList();
        if (found.isEmpty()) {
            return List.of();
        }
        Set<Long> fromUnits = new HashSet<>();
        found.forEach(account -> fromUnits.add(account.getRole() == Role.REPORTER
                ? closedAgencies.get(account.getAgencyId()).unitId() : account.getUnitId()));
        Map<Long, List<Successor>> successors = units.successorsOf(fromUnits);
        List<AgencySummary> open = found.stream().anyMatch(account -> account.getRole() == Role.REPORTER)
                ? agencies.findOpenOn(today) : List.of();
        List<Stranded> rows = new ArrayList<>(found.size());
        for (Account account : found) {
            if (account.getRole() == Role.REPORTER) {
                AgencySummary agency = closedAgencies.get(account.getAgencyId());
                rows.add(new Stranded(account.getId(), account.getUsername(), account.getDisplayName(), account.getRole(),
                        true, agency.name(), agency.closedOn(), agency.unitId(),
                        agencyChoices(agency, successors, open, unitsById, today), account.getVersion()));
            } else {
                UnitSummary unit = unitsById.get(account.getUnitId());
                rows.add(new Stranded(account.getId(), account.getUsername(), account.getDisplayName(), account.getRole(),
                        false, unit.name(), unit.closedOn(), unit.id(),
                        unitChoices(account.getRole(), unit, successors, unitsById, today), account.getVersion()));
            }
        }
        return rows;
    }

    /** One account to move, with where it may go. */
    public Stranded get(long id) {
        return stranded().stream().filter(row -> row.id() == id).findFirst().orElseThrow(NotFoundException::new);
    }

    /**
     * Moves a stranded account to one of its choices: a reporter to the agency, a reviewer or viewer to the
     * unit (leaving a closed agency it named, which no longer exists). Its open sessions end, so that the
     * new scope applies at once.
     *
     * @return the message key of the error, or {@code null} once moved
     * @throws ObjectOptimisticLockingFailureException when the account changed since {@code version} was read
     */
    @Transactional
    public String move(long id, long version, Long targetId, String actor, String address) {
        Stranded stranded = get(id);
        Account account = accounts.findById(id).orElseThrow(NotFoundException::new);
        if (account.getVersion() != version) {
            throw new ObjectOptimisticLockingFailureException(Account.class, id);
        }
        if (targetId == null) {
            return "admin.moves.error.targetRequired";
        }
        if (stranded.choices().stream().noneMatch(choice -> choice.id() == targetId)) {
            return "admin.moves.error.notAChoice";
        }
        String before = describe(account);
        if (stranded.reporter()) {
            account.assign(account.getDisplayName(), account.getRole(), targetId, null);
        } else {
            Long agencyId = account.getAgencyId();
            if (agencyId != null && agencies.findAll(List.of(agencyId)).stream()
                    .anyMatch(agency -> agency.closedOn() != null && !agency.closedOn().isAfter(LocalDate.now(clock)))) {
                agencyId = null;
            }
            account.assign(account.getDisplayName(), account.getRole(), agencyId, targetId);
        }
        accounts.flush();
        sessions.findByPrincipalName(account.getUsername()).keySet().forEach(sessions::deleteById);
        events.publishEvent(new AuditEvent("ACCOUNT_MOVED", actor, address, "account:" + account.getUsername(),
                before, describe(account)));
        return null;
    }

    private static List<Choice> agencyChoices(AgencySummary closed, Map<Long, List<Successor>> successors,
                                              List<AgencySummary> open, Map<Long, UnitSummary> unitsById, LocalDate today) {
        Set<Long> successorUnits = new HashSet<>();
        successors.getOrDefault(closed.unitId(), List.of()).forEach(successor -> successorUnits.add(successor.id()));
        Set<Long> above = new HashSet<>();
        for (UnitSummary unit = unitsById.get(closed.unitId()); unit != null;
             unit = unit.parentId() == null ? null : unitsById.get(unit.parentId())) {
            above.add(unit.id());
        }
        return open.stream()
                .filter(agency -> successorUnits.contains(agency.unitId())
                        || (agency.kindId() == closed.kindId() && above.contains(agency.unitId())))
                .sorted(Comparator.comparing((AgencySummary agency) -> agency.kindId() != closed.kindId())
                        .thenComparing(AgencySummary::name))
                .map(agency -> new Choice(agency.id(), agency.name()))
                .toList();
    }

    private static List<Choice> unitChoices(Role role, UnitSummary closed, Map<Long, List<Successor>> successors,
                                            Map<Long, UnitSummary> unitsById, LocalDate today) {
        return successors.getOrDefault(closed.id(), List.of()).stream()
                .map(successor -> unitsById.get(successor.id()))
                .filter(unit -> unit.closedOn() == null || unit.closedOn().isAfter(today))
                .filter(unit -> role != Role.DISTRICT_REVIEWER || unit.level() != UnitLevel.PROVINCE)
                .filter(unit -> role != Role.PROVINCE_REVIEWER || unit.level() == UnitLevel.PROVINCE)
                .map(unit -> new Choice(unit.id(), unit.name()))
                .toList();
    }

    private static String describe(Account account) {
        return "name=" + account.getDisplayName() + ", role=" + account.getRole() + ", agency=" + account.getAgencyId()
                + ", unit=" + account.getUnitId();
    }
}
