package vn.laichau.hlg.tracker.unit;

import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.laichau.hlg.tracker.shared.AuditEvent;
import vn.laichau.hlg.tracker.shared.web.NotFoundException;
import vn.laichau.hlg.tracker.unit.UnitViews.Details;
import vn.laichau.hlg.tracker.unit.UnitViews.NewUnit;
import vn.laichau.hlg.tracker.unit.UnitViews.Successor;
import vn.laichau.hlg.tracker.unit.UnitViews.TreeRow;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The administrative units: the public face of this module.
 *
 * <p>Units are never deleted. A reorganisation is recorded as data: units close from a date, optionally
 * naming the unit that takes over (their successor), and new units open. Closing a unit changes only its
 * closing date and successor, so agencies, accounts and reports that point at it stay where they were.
 */
@Service
@Transactional(readOnly = true)
public class UnitService {

    static final int MAX_CODE_LENGTH = 20;
    static final int MAX_NAME_LENGTH = 200;
    private static final LocalDate EARLIEST = LocalDate.of(1945, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final AdministrativeUnitRepository units;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    UnitService(AdministrativeUnitRepository units, ApplicationEventPublisher events, JdbcClient jdbc) {
        this.units = units;
        this.events = events;
        this.jdbc = jdbc;
    }

    public Optional<UnitSummary> findByCode(String code) {
        return units.findByCode(code).map(UnitSummary::of);
    }

    /** Every unit, open or closed, ordered by code, for choosing one in a form. */
    public List<UnitSummary> findAll() {
        return units.findAll(Sort.by("code")).stream().map(UnitSummary::of).toList();
    }

    /** The unit and every unit below it (open or closed): what a reviewer of that unit oversees. */
    public List<Long> subtreeIds(long unitId) {
        return units.findSubtreeIds(unitId);
    }

    /**
     * What a reviewer or viewer of the unit oversees: the unit and every unit below it (its history) and,
     * where an administrator confirmed it, the units that succeeded them and the units below those.
     */
    public List<Long> overseenIds(long unitId) {
        return units.findOverseenIds(unitId);
    }

    public Optional<UnitSummary> findById(long id) {
        return units.findById(id).map(UnitSummary::of);
    }

    /** Every unit, open or closed, in tree order (each unit followed by the units below it), in one query. */
    public List<UnitSummary> all() {
        return tree().stream()
                .map(row -> new UnitSummary(row.id(), row.code(), row.name(), row.level(), row.parentId(),
                        row.openedOn(), row.closedOn()))
                .toList();
    }

    /** The whole tree with dates and successors, in display order, in one query. */
    public List<TreeRow> tree() {
        List<AdministrativeUnit> all = units.findAllWithParentAndSuccessor();
        Map<Long, List<AdministrativeUnit>> children = new HashMap<>();
        List<AdministrativeUnit> roots = new ArrayList<>();
        for (AdministrativeUnit unit : all) {
            if (unit.getParent() == null) {
                roots.add(unit);
            } else {
                children.computeIfAbsent(unit.getParent().getId(), id -> new ArrayList<>()).add(unit);
            }
        }
        // Open units first among siblings, so that the current tree reads first and history follows.
        Comparator<AdministrativeUnit> order = Comparator
                .comparing((AdministrativeUnit unit) -> unit.getClosedOn() != null)
                .thenComparing(AdministrativeUnit::getCode);
        List<TreeRow> rows = new ArrayList<>(all.size());
        roots.sort(order);
        for (AdministrativeUnit root : roots) {
            addWithDescendants(root, 0, children, order, rows);
        }
        return rows;
    }

    private static void addWithDescendants(AdministrativeUnit unit, int depth, Map<Long, List<AdministrativeUnit>> children,
                                           Comparator<AdministrativeUnit> order, List<TreeRow> rows) {
        List<AdministrativeUnit> below = children.getOrDefault(unit.getId(), List.of());
        int openChildren = (int) below.stream().filter(child -> child.getClosedOn() == null).count();
        AdministrativeUnit successor = unit.getSuccessor();
        rows.add(new TreeRow(unit.getId(), unit.getCode(), unit.getName(), unit.getLevel(), depth,
                unit.getParent() == null ? null : unit.getParent().getId(), unit.getOpenedOn(), unit.getClosedOn(),
                successor == null ? null : successor.getCode(), successor == null ? null : successor.getName(),
                openChildren));
        below.stream().sorted(order).forEach(child -> addWithDescendants(child, depth + 1, children, order, rows));
    }

    /** A unit for its edit and close forms. */
    public Details get(long id) {
        AdministrativeUnit unit = units.findById(id).orElseThrow(NotFoundException::new);
        AdministrativeUnit parent = unit.getParent();
        AdministrativeUnit successor = unit.getSuccessor();
        return new Details(unit.getId(), unit.getCode(), unit.getName(), unit.getLevel(),
                parent == null ? null : parent.getId(), parent == null ? null : parent.getName(),
                unit.getOpenedOn(), unit.getClosedOn(),
                successor == null ? null : successor.getId(), successor == null ? null : successor.getName(),
                unit.getVersion());
    }

    /**
     * Adds a unit below a parent of a higher level that is open on the new unit's opening day.
     *
     * @return the new unit's id
     * @throws UnitChangeRejected when a rule is broken; nothing is saved
     */
    @Transactional
    public long create(NewUnit command, String actor, String address) {
        Map<String, String> errors = new LinkedHashMap<>();
        String code = trim(command.code());
        String name = trim(command.name());
        if (code.isEmpty()) {
            errors.put("code", "admin.units.error.codeRequired");
        } else if (code.length() > MAX_CODE_LENGTH) {
            errors.put("code", "admin.units.error.codeTooLong");
        } else if (units.existsByCodeIgnoreCase(code)) {
            errors.put("code", "admin.units.error.codeTaken");
        }
        checkName(name, errors);
        LocalDate openedOn = command.openedOn();
        if (openedOn == null) {
            errors.put("openedOn", "admin.units.error.openedOnRequired");
        } else if (outOfRange(openedOn)) {
            errors.put("openedOn", "admin.units.error.dateOutOfRange");
        }
        AdministrativeUnit parent = null;
        if (command.level() == null) {
            errors.put("level", "admin.units.error.levelRequired");
        } else if (command.level() == UnitLevel.PROVINCE) {
            if (command.parentId() != null) {
                errors.put("parentId", "admin.units.error.provinceHasNoParent");
            }
        } else if (command.parentId() == null) {
            errors.put("parentId", "admin.units.error.parentRequired");
        } else {
            parent = units.findById(command.parentId()).orElse(null);
            if (parent == null) {
                errors.put("parentId", "admin.units.error.parentRequired");
            } else if (command.level().ordinal() <= parent.getLevel().ordinal()) {
                errors.put("level", "admin.units.error.levelNotBelowParent");
            } else if (openedOn != null && !errors.containsKey("openedOn") && !parent.isOpenOn(openedOn)) {
                errors.put("openedOn", "admin.units.error.parentNotOpen");
            }
        }
        if (!errors.isEmpty()) {
            throw new UnitChangeRejected(errors);
        }
        AdministrativeUnit unit = units.save(new AdministrativeUnit(code, name, command.level(), parent, openedOn));
        events.publishEvent(new AuditEvent("UNIT_CREATED", actor, address, target(unit), null, describe(unit)));
        return unit.getId();
    }

    /**
     * Renames a unit; its code, dates and everything located in it stay as they were.
     *
     * @throws ObjectOptimisticLockingFailureException when someone changed the unit since {@code version} was read
     */
    @Transactional
    public void rename(long id, long version, String newName, String actor, String address) {
        AdministrativeUnit unit = current(id, version);
        String name = trim(newName);
        Map<String, String> errors = new LinkedHashMap<>();
        checkName(name, errors);
        if (!errors.isEmpty()) {
            throw new UnitChangeRejected(errors);
        }
        String oldName = unit.getName();
        if (oldName.equals(name)) {
            return;
        }
        unit.rename(name);
        units.flush();
        events.publishEvent(new AuditEvent("UNIT_RENAMED", actor, address, target(unit), oldName, name));
    }

    /**
     * Closes a unit from a day on, optionally naming its successor: a unit open on that day that is
     * neither the unit itself nor below it. Agencies located in the unit are not touched; the
     * administrator closes or moves them (the agency pages list them with a warning).
     *
     * @throws UnitChangeRejected when a rule is broken; nothing is saved
     * @throws ObjectOptimisticLockingFailureException when someone changed the unit since {@code version} was read
     */
    @Transactional
    public void close(long id, long version, LocalDate closedOn, Long successorId, String actor, String address) {
        AdministrativeUnit unit = current(id, version);
        Map<String, String> errors = new LinkedHashMap<>();
        if (unit.getClosedOn() != null) {
            errors.put("closedOn", "admin.units.error.alreadyClosed");
        } else if (closedOn == null) {
            errors.put("closedOn", "admin.units.error.closedOnRequired");
        } else if (outOfRange(closedOn)) {
            errors.put("closedOn", "admin.units.error.dateOutOfRange");
        } else if (!closedOn.isAfter(unit.getOpenedOn())) {
            errors.put("closedOn", "admin.units.error.closedBeforeOpened");
        }
        AdministrativeUnit successor = null;
        if (successorId != null) {
            successor = units.findById(successorId).orElse(null);
            if (successor == null) {
                errors.put("successorId", "admin.units.error.successorUnknown");
            } else if (units.findSubtreeIds(id).contains(successorId)) {
                errors.put("successorId", "admin.units.error.successorInside");
            } else if (closedOn != null && !errors.containsKey("closedOn") && !successor.isOpenOn(closedOn)) {
                errors.put("successorId", "admin.units.error.successorNotOpen");
            }
        }
        if (!errors.isEmpty()) {
            throw new UnitChangeRejected(errors);
        }
        unit.close(closedOn, successor);
        units.flush();
        if (successor != null) {
            // Every successor is listed with the others, where scopes and the successors page read them.
            jdbc.sql("insert into unit_successor (unit_id, successor_id) values (:unit, :successor) on conflict do nothing")
                    .param("unit", id).param("successor", successor.getId()).update();
        }
        events.publishEvent(new AuditEvent("UNIT_CLOSED", actor, address, target(unit),
                "open since " + DAY.format(unit.getOpenedOn()),
                "closed from " + DAY.format(closedOn)
                        + (successor == null ? "" : "; successor " + successor.getCode() + " " + successor.getName())));
    }

    /** For each of these units, the units named as taking over from it, in one query. */
    public Map<Long, List<Successor>> successorsOf(Collection<Long> unitIds) {
        Map<Long, List<Successor>> named = new HashMap<>();
        if (unitIds.isEmpty()) {
            return named;
        }
        jdbc.sql("""
                        select s.unit_id, u.id, u.code, u.name, u.opened_on, u.closed_on, s.scope_confirmed
                        from unit_successor s join administrative_unit u on u.id = s.successor_id
                        where s.unit_id in (:units) order by u.code""")
                .param("units", unitIds)
                .query((rs, row) -> named.computeIfAbsent(rs.getLong("unit_id"), id -> new ArrayList<>())
                        .add(new Successor(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                                rs.getObject("opened_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class),
                                rs.getBoolean("scope_confirmed"))))
                .list();
        return named;
    }

    /** The units named as taking over from a unit, by code, with whether its overseers oversee them too. */
    public List<Successor> successors(long unitId) {
        return jdbc.sql("""
                        select u.id, u.code, u.name, u.opened_on, u.closed_on, s.scope_confirmed
                        from unit_successor s join administrative_unit u on u.id = s.successor_id
                        where s.unit_id = :unit order by u.code""")
                .param("unit", unitId)
                .query((rs, row) -> new Successor(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getObject("opened_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class),
                        rs.getBoolean("scope_confirmed")))
                .list();
    }

    /**
     * The units that may still be named as taking over from a closed unit: open on its closing day, not
     * the unit or below it, not named already. Empty for an open unit (its successors are named as it closes).
     */
    public List<UnitSummary> successorCandidates(long unitId) {
        AdministrativeUnit unit = units.findById(unitId).orElseThrow(NotFoundException::new);
        if (unit.getClosedOn() == null) {
            return List.of();
        }
        Set<Long> excluded = new HashSet<>(units.findSubtreeIds(unitId));
        successors(unitId).forEach(named -> excluded.add(named.id()));
        return all().stream()
                .filter(candidate -> !excluded.contains(candidate.id()))
                .filter(candidate -> isOpenOn(candidate, unit.getClosedOn()))
                .toList();
    }

    /**
     * Names one more unit as taking over from a closed unit (a district by each commune formed on its land,
     * several communes by the one they merged into). With {@code scopeConfirmed}, the reviewers and viewers
     * of the closed unit oversee the successor too; otherwise they read only the closed unit's history.
     *
     * @throws UnitChangeRejected when a rule is broken; nothing is saved
     */
    @Transactional
    public void nameSuccessor(long unitId, Long successorId, boolean scopeConfirmed, String actor, String address) {
        AdministrativeUnit unit = units.findById(unitId).orElseThrow(NotFoundException::new);
        Map<String, String> errors = new LinkedHashMap<>();
        AdministrativeUnit successor = successorId == null ? null : units.findById(successorId).orElse(null);
        if (unit.getClosedOn() == null) {
            errors.put("successorId", "admin.units.successors.error.unitOpen");
        } else if (successorId == null) {
            errors.put("successorId", "admin.units.successors.error.successorRequired");
        } else if (successor == null) {
            errors.put("successorId", "admin.units.error.successorUnknown");
        } else if (units.findSubtreeIds(unitId).contains(successorId)) {
            errors.put("successorId", "admin.units.error.successorInside");
        } else if (!successor.isOpenOn(unit.getClosedOn())) {
            errors.put("successorId", "admin.units.error.successorNotOpen");
        } else if (isNamed(unitId, successorId)) {
            errors.put("successorId", "admin.units.successors.error.alreadyNamed");
        }
        if (!errors.isEmpty()) {
            throw new UnitChangeRejected(errors);
        }
        jdbc.sql("insert into unit_successor (unit_id, successor_id, scope_confirmed) values (:unit, :successor, :confirmed)")
                .param("unit", unitId).param("successor", successorId).param("confirmed", scopeConfirmed).update();
        events.publishEvent(new AuditEvent("UNIT_SUCCESSOR_NAMED", actor, address, target(unit), null,
                successor.getCode() + " " + successor.getName() + (scopeConfirmed ? "; scope confirmed" : "; scope not confirmed")));
    }

    /**
     * Confirms (or withdraws) that whoever oversaw a closed unit also oversees one of its named successors.
     * Takes effect on the overseers' next request.
     */
    @Transactional
    public void confirmSuccessorScope(long unitId, long successorId, boolean confirmed, String actor, String address) {
        AdministrativeUnit unit = units.findById(unitId).orElseThrow(NotFoundException::new);
        Successor named = successors(unitId).stream().filter(successor -> successor.id() == successorId).findFirst()
                .orElseThrow(NotFoundException::new);
        if (named.scopeConfirmed() == confirmed) {
            return;
        }
        jdbc.sql("update unit_successor set scope_confirmed = :confirmed where unit_id = :unit and successor_id = :successor")
                .param("confirmed", confirmed).param("unit", unitId).param("successor", successorId).update();
        events.publishEvent(new AuditEvent(confirmed ? "UNIT_SUCCESSOR_SCOPE_CONFIRMED" : "UNIT_SUCCESSOR_SCOPE_WITHDRAWN",
                actor, address, target(unit), named.code() + " " + named.name() + (confirmed ? "; scope not confirmed" : "; scope confirmed"),
                named.code() + " " + named.name() + (confirmed ? "; scope confirmed" : "; scope not confirmed")));
    }

    /** Takes back a successor named by mistake; the closed unit's own history is untouched. */
    @Transactional
    public void removeSuccessor(long unitId, long successorId, String actor, String address) {
        AdministrativeUnit unit = units.findById(unitId).orElseThrow(NotFoundException::new);
        Successor named = successors(unitId).stream().filter(successor -> successor.id() == successorId).findFirst()
                .orElseThrow(NotFoundException::new);
        jdbc.sql("delete from unit_successor where unit_id = :unit and successor_id = :successor")
                .param("unit", unitId).param("successor", successorId).update();
        if (unit.getSuccessor() != null && unit.getSuccessor().getId() == successorId) {
            unit.forgetSuccessor();
            units.flush();
        }
        events.publishEvent(new AuditEvent("UNIT_SUCCESSOR_REMOVED", actor, address, target(unit),
                named.code() + " " + named.name() + (named.scopeConfirmed() ? "; scope confirmed" : "; scope not confirmed"), null));
    }

    private boolean isNamed(long unitId, long successorId) {
        return jdbc.sql("select count(*) from unit_successor where unit_id = :unit and successor_id = :successor")
                .param("unit", unitId).param("successor", successorId).query(Long.class).single() > 0;
    }

    private static boolean isOpenOn(UnitSummary unit, LocalDate day) {
        return !unit.openedOn().isAfter(day) && (unit.closedOn() == null || unit.closedOn().isAfter(day));
    }

    /**
     * Records that a closed unit is succeeded by another (a unit may have several successors and succeed
     * several); the first successor named also becomes the one shown in the tree.
     */
    @Transactional
    public void addSuccessor(long unitId, long successorId, String actor, String address) {
        AdministrativeUnit unit = units.findById(unitId).orElseThrow(NotFoundException::new);
        AdministrativeUnit successor = units.findById(successorId).orElseThrow(NotFoundException::new);
        int added = jdbc.sql("""
                insert into unit_successor (unit_id, successor_id) values (?, ?)
                on conflict (unit_id, successor_id) do nothing""").params(unitId, successorId).update();
        if (unit.getSuccessor() == null) {
            jdbc.sql("update administrative_unit set successor_id = ? where id = ?").params(successorId, unitId).update();
        }
        if (added > 0) {
            events.publishEvent(new AuditEvent("UNIT_SUCCESSOR_ADDED", actor, address, target(unit), null,
                    "successor " + successor.getCode() + " " + successor.getName()));
        }
    }

    /** Every successor link, closed unit id → the ids of its successors, in one query. */
    public Map<Long, List<Long>> successorLinks() {
        Map<Long, List<Long>> links = new HashMap<>();
        jdbc.sql("select unit_id, successor_id from unit_successor").query((row, n) -> {
            links.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(row.getLong(2));
            return null;
        }).list();
        return links;
    }

    private AdministrativeUnit current(long id, long version) {
        AdministrativeUnit unit = units.findById(id).orElseThrow(NotFoundException::new);
        if (unit.getVersion() != version) {
            throw new ObjectOptimisticLockingFailureException(AdministrativeUnit.class, id);
        }
        return unit;
    }

    private static void checkName(String name, Map<String, String> errors) {
        if (name.isEmpty()) {
            errors.put("name", "admin.units.error.nameRequired");
        } else if (name.length() > MAX_NAME_LENGTH) {
            errors.put("name", "admin.units.error.nameTooLong");
        }
    }

    private static boolean outOfRange(LocalDate day) {
        return day.isBefore(EARLIEST) || day.isAfter(LATEST);
    }

    private static String trim(String text) {
        return text == null ? "" : text.strip();
    }

    private static String target(AdministrativeUnit unit) {
        return "unit:" + unit.getId();
    }

    private static String describe(AdministrativeUnit unit) {
        return unit.getCode() + " " + unit.getName() + " (" + unit.getLevel()
                + (unit.getParent() == null ? "" : ", in " + unit.getParent().getCode())
                + ", opened " + DAY.format(unit.getOpenedOn()) + ")";
    }
}
