package vn.laichau.hlg.tracker.agency;

import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.laichau.hlg.tracker.agency.AgencyCsv.RawRow;
import vn.laichau.hlg.tracker.agency.AgencyViews.AgencyData;
import vn.laichau.hlg.tracker.agency.AgencyViews.Details;
import vn.laichau.hlg.tracker.agency.AgencyViews.Filter;
import vn.laichau.hlg.tracker.agency.AgencyViews.ImportPreview;
import vn.laichau.hlg.tracker.agency.AgencyViews.ImportRow;
import vn.laichau.hlg.tracker.agency.AgencyViews.Kind;
import vn.laichau.hlg.tracker.agency.AgencyViews.ListItem;
import vn.laichau.hlg.tracker.agency.AgencyViews.Problem;
import vn.laichau.hlg.tracker.agency.AgencyViews.Status;
import vn.laichau.hlg.tracker.shared.Days;
import vn.laichau.hlg.tracker.shared.AuditEvent;
import vn.laichau.hlg.tracker.shared.SearchText;
import vn.laichau.hlg.tracker.shared.web.NotFoundException;
import vn.laichau.hlg.tracker.unit.AdministrativeUnit;
import vn.laichau.hlg.tracker.unit.UnitService;
import vn.laichau.hlg.tracker.unit.UnitSummary;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Agencies and their kinds: the public face of this module.
 *
 * <p>Agencies are never deleted: they close from a date, and their obligations and reports keep counting
 * in the years they belong to.
 */
@Service
@Transactional(readOnly = true)
public class AgencyService {

    static final int MAX_CODE_LENGTH = 60;
    /**
     * What a code may hold: letters A–Z (either case), digits, dot, dash and underscore. Codes travel in
     * file names, CSV imports and addresses, where spaces and accented letters get mangled.
     */
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]+");
    static final int MAX_NAME_LENGTH = 300;
    private static final LocalDate EARLIEST = LocalDate.of(1945, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final AgencyRepository agencies;
    private final AgencyKindRepository kinds;
    private final UnitService units;
    private final EntityManager entityManager;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Validator validator;

    AgencyService(AgencyRepository agencies, AgencyKindRepository kinds, UnitService units, EntityManager entityManager,
                  ApplicationEventPublisher events, Clock clock, Validator validator) {
        this.validator = validator;
        this.agencies = agencies;
        this.kinds = kinds;
        this.units = units;
        this.entityManager = entityManager;
        this.events = events;
        this.clock = clock;
    }

    public Optional<AgencySummary> findByCode(String code) {
        return agencies.findByCode(code).map(AgencySummary::of);
    }

    /** Every agency open on a day, for choosing one in a form. */
    public List<AgencySummary> findOpenOn(LocalDate day) {
        return agencies.findOpenOn(day).stream().map(AgencySummary::of).toList();
    }

    /** Every agency closed on a day (its closing day is that day or earlier), in one query. */
    public List<AgencySummary> findClosedBy(LocalDate day) {
        return agencies.findClosedBy(day).stream().map(AgencySummary::of).toList();
    }

    /** The agencies with these ids, open or closed, in one query. */
    public List<AgencySummary> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return agencies.findAllWithKindAndUnit(ids).stream().map(AgencySummary::of).toList();
    }

    /** The agencies of these kinds that are open on a day, in one query. */
    public List<AgencySummary> findOpenOfKinds(Collection<Long> kindIds, LocalDate day) {
        if (kindIds.isEmpty()) {
            return List.of();
        }
        return agencies.findOpenOfKinds(kindIds, day).stream().map(AgencySummary::of).toList();
    }

    /** Every kind of agency, in the order the plan lists them. */
    public List<Kind> kinds() {
        return kinds.findAllByOrderByPositionAsc().stream()
                .map(kind -> new Kind(kind.getId(), kind.getCode(), kind.getName()))
                .toList();
    }

    /**
     * One page of agencies: name without diacritics ("tu phap" finds "Sở Tư pháp"), kind, unit (with the
     * units below it) and status as of today. Two queries, whatever the page size.
     */
    public Page<ListItem> search(Filter filter, Pageable pageable) {
        List<Long> unitIds = filter.unitId() == null ? List.of(-1L) : units.subtreeIds(filter.unitId());
        Status status = filter.status() == null ? Status.ALL : filter.status();
        return agencies.search(SearchText.containsPattern(filter.text()), filter.kindId(), filter.unitId() == null,
                        unitIds.isEmpty() ? List.of(-1L) : unitIds, status.name(), LocalDate.now(clock), pageable)
                .map(AgencyService::listItem);
    }

    /** An agency for its edit and close forms. */
    public Details get(long id) {
        Agency agency = agencies.findWithKindAndUnit(id).orElseThrow(NotFoundException::new);
        return new Details(agency.getId(), agency.getCode(), agency.getName(), agency.getKind().getId(),
                agency.getUnit().getId(), agency.getUnit().getName(), agency.getOpenedOn(), agency.getClosedOn(),
                agency.getVersion());
    }

    /**
     * Adds an agency in a unit that is open on the agency's opening day.
     *
     * @return the new agency's id
     * @throws AgencyChangeRejected when a rule is broken; nothing is saved
     */
    @Transactional
    public long create(AgencyData data, String actor, String address) {
        Map<String, String> errors = constraintErrors(data);
        String code = data.code();
        String name = data.name();
        checkCode(code, null, true, errors);
        AgencyKind kind = checkKind(data.kindId(), errors);
        checkOpening(data.openedOn(), null, errors);
        AdministrativeUnit unit = checkUnit(data.unitId(), data.openedOn(), errors);
        if (!errors.isEmpty()) {
            throw new AgencyChangeRejected(errors);
        }
        Agency agency = agencies.save(new Agency(code, name, kind, unit, data.openedOn()));
        events.publishEvent(new AuditEvent("AGENCY_CREATED", actor, address, target(agency), null, describe(agency)));
        return agency.getId();
    }

    /**
     * Changes an agency's code, name, kind, unit or opening day. Moving it to another unit takes its
     * history along; to record a reorganisation, close it and add a new agency instead.
     *
     * @throws AgencyChangeRejected when a rule is broken; nothing is saved
     * @throws ObjectOptimisticLockingFailureException when someone changed the agency since {@code version} was read
     */
    @Transactional
    public void update(long id, long version, AgencyData data, String actor, String address) {
        Agency agency = current(id, version);
        Map<String, String> errors = constraintErrors(data);
        String code = data.code();
        String name = data.name();
        checkCode(code, id, !code.equalsIgnoreCase(agency.getCode()), errors);
        AgencyKind kind = checkKind(data.kindId(), errors);
        checkOpening(data.openedOn(), agency.getClosedOn(), errors);
        AdministrativeUnit unit = checkUnit(data.unitId(), data.openedOn(), errors);
        if (!errors.isEmpty()) {
            throw new AgencyChangeRejected(errors);
        }
        String before = describe(agency);
        agency.update(code, name, kind, unit, data.openedOn());
        agencies.flush();
        String after = describe(agency);
        if (!before.equals(after)) {
            events.publishEvent(new AuditEvent("AGENCY_UPDATED", actor, address, target(agency), before, after));
        }
    }

    /**
     * Closes an agency from a day on. Its obligations and reports stay and keep counting in their years.
     *
     * @throws AgencyChangeRejected when a rule is broken; nothing is saved
     * @throws ObjectOptimisticLockingFailureException when someone changed the agency since {@code version} was read
     */
    @Transactional
    public void close(long id, long version, LocalDate closedOn, String actor, String address) {
        Agency agency = current(id, version);
        Map<String, String> errors = new LinkedHashMap<>();
        if (agency.getClosedOn() != null) {
            errors.put("closedOn", "admin.agencies.error.alreadyClosed");
        } else if (closedOn == null) {
            errors.put("closedOn", "admin.agencies.error.closedOnRequired");
        } else if (outOfRange(closedOn)) {
            errors.put("closedOn", "admin.agencies.error.dateOutOfRange");
        } else if (!closedOn.isAfter(agency.getOpenedOn())) {
            errors.put("closedOn", "admin.agencies.error.closedBeforeOpened");
        }
        if (!errors.isEmpty()) {
            throw new AgencyChangeRejected(errors);
        }
        agency.close(closedOn);
        agencies.flush();
        events.publishEvent(new AuditEvent("AGENCY_CLOSED", actor, address, target(agency),
                "open since " + DAY.format(agency.getOpenedOn()), "closed from " + DAY.format(closedOn)));
    }

    /**
     * Reads an import file and checks every row against the rules and the database, saving nothing: what
     * the administrator sees before deciding.
     */
    public ImportPreview previewImport(byte[] content) {
        return check(AgencyCsv.parse(content));
    }

    /**
     * Saves every row of an import file, or none: the file is checked again in this transaction, and if
     * any row has a problem nothing is saved and the problems are returned.
     *
     * @return the preview the decision was made on; {@link ImportPreview#saveable()} says whether it was saved
     */
    @Transactional
    public ImportPreview importAgencies(byte[] content, String actor, String address) {
        ImportPreview preview = check(AgencyCsv.parse(content));
        if (!preview.saveable()) {
            return preview;
        }
        Map<String, AgencyKind> kindsByCode = kindsByCode();
        Map<String, UnitSummary> unitsByCode = unitsByCode();
        List<Agency> created = new ArrayList<>();
        for (ImportRow row : preview.rows()) {
            AgencyKind kind = kindsByCode.get(row.kindCode().toUpperCase(Locale.ROOT));
            UnitSummary unit = unitsByCode.get(row.unitCode().toUpperCase(Locale.ROOT));
            created.add(new Agency(row.code(), row.name(), kind,
                    entityManager.getReference(AdministrativeUnit.class, unit.id()), Days.parse(row.openedOn())));
        }
        agencies.saveAll(created);
        agencies.flush();
        String codes = created.stream().map(Agency::getCode).collect(Collectors.joining(", "));
        events.publishEvent(new AuditEvent("AGENCIES_IMPORTED", actor, address, "agency-import",
                null, created.size() + " agencies: " + abbreviate(codes, 900)));
        return preview;
    }

    private ImportPreview check(AgencyCsv.Parsed parsed) {
        Map<String, AgencyKind> kindsByCode = kindsByCode();
        Map<String, UnitSummary> unitsByCode = unitsByCode();
        Map<String, List<Long>> linesOfCode = new HashMap<>();
        for (RawRow raw : parsed.rows()) {
            String code = raw.get(AgencyCsv.CODE);
            if (!code.isEmpty()) {
                linesOfCode.computeIfAbsent(code.toLowerCase(Locale.ROOT), key -> new ArrayList<>()).add(raw.line());
            }
        }
        Set<String> inDatabase = new HashSet<>(parsed.rows().isEmpty() ? List.of() : agencies.findTakenCodes(
                parsed.rows().stream().map(row -> row.get(AgencyCsv.CODE).toLowerCase(Locale.ROOT)).distinct().toList()));
        List<ImportRow> rows = new ArrayList<>(parsed.rows().size());
        for (RawRow raw : parsed.rows()) {
            List<Problem> problems = new ArrayList<>();
            String code = raw.get(AgencyCsv.CODE);
            String name = raw.get(AgencyCsv.NAME);
            String kindCode = raw.get(AgencyCsv.KIND);
            String unitCode = raw.get(AgencyCsv.UNIT);
            String openedOnText = raw.get(AgencyCsv.OPENED_ON);
            if (code.isEmpty()) {
                problems.add(Problem.of("admin.agencies.import.error.codeMissing"));
            } else if (code.length() > MAX_CODE_LENGTH) {
                problems.add(Problem.of("admin.agencies.error.codeTooLong"));
            } else if (!CODE.matcher(code).matches()) {
                problems.add(Problem.of("admin.agencies.error.codePattern"));
            } else {
                String lower = code.toLowerCase(Locale.ROOT);
                List<Long> lines = linesOfCode.get(lower);
                if (lines.size() > 1) {
                    problems.add(new Problem("admin.agencies.import.error.codeRepeated", lines.stream()
                            .filter(line -> line != raw.line()).map(String::valueOf).collect(Collectors.joining(", "))));
                }
                if (inDatabase.contains(lower)) {
                    problems.add(Problem.of("admin.agencies.error.codeTaken"));
                }
            }
            if (name.isEmpty()) {
                problems.add(Problem.of("admin.agencies.import.error.nameMissing"));
            } else if (name.length() > MAX_NAME_LENGTH) {
                problems.add(Problem.of("admin.agencies.error.nameTooLong"));
            }
            if (kindCode.isEmpty()) {
                problems.add(Problem.of("admin.agencies.import.error.kindMissing"));
            } else if (!kindsByCode.containsKey(kindCode.toUpperCase(Locale.ROOT))) {
                problems.add(new Problem("admin.agencies.import.error.kindUnknown", kindCode));
            }
            UnitSummary unit = null;
            if (unitCode.isEmpty()) {
                problems.add(Problem.of("admin.agencies.import.error.unitMissing"));
            } else {
                unit = unitsByCode.get(unitCode.toUpperCase(Locale.ROOT));
                if (unit == null) {
                    problems.add(new Problem("admin.agencies.import.error.unitUnknown", unitCode));
                }
            }
            LocalDate openedOn = null;
            if (openedOnText.isEmpty()) {
                problems.add(Problem.of("admin.agencies.import.error.dateMissing"));
            } else {
                openedOn = Days.parse(openedOnText);
                if (openedOn == null) {
                    problems.add(new Problem("admin.agencies.import.error.dateInvalid", openedOnText));
                } else if (outOfRange(openedOn)) {
                    problems.add(Problem.of("admin.agencies.error.dateOutOfRange"));
                    openedOn = null;
                }
            }
            if (unit != null && openedOn != null && !isOpenOn(unit, openedOn)) {
                problems.add(Problem.of("admin.agencies.error.unitNotOpen"));
            }
            rows.add(new ImportRow(raw.line(), code, name, kindCode, unitCode, openedOnText, List.copyOf(problems)));
        }
        return new ImportPreview(parsed.fileProblems(), rows);
    }

    /** The kinds by upper-case code, for the import. */
    private Map<String, AgencyKind> kindsByCode() {
        return kinds.findAll().stream()
                .collect(Collectors.toMap(kind -> kind.getCode().toUpperCase(Locale.ROOT), Function.identity()));
    }

    /** The units by upper-case code, for the import: the whole tree is small. */
    private Map<String, UnitSummary> unitsByCode() {
        return units.all().stream()
                .collect(Collectors.toMap(unit -> unit.code().toUpperCase(Locale.ROOT), Function.identity()));
    }

    private Agency current(long id, long version) {
        Agency agency = agencies.findWithKindAndUnit(id).orElseThrow(NotFoundException::new);
        if (agency.getVersion() != version) {
            throw new ObjectOptimisticLockingFailureException(Agency.class, id);
        }
        return agency;
    }

    /**
     * The rules {@link AgencyData}'s constraints state, field → message key: required fields and lengths.
     * The checks below only add a field that is not already in error.
     */
    private Map<String, String> constraintErrors(AgencyData data) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<AgencyData> violation : validator.validate(data)) {
            String template = violation.getMessageTemplate();
            errors.putIfAbsent(violation.getPropertyPath().toString(), template.substring(1, template.length() - 1));
        }
        return errors;
    }

    /** A code kept unchanged on an edit is not held to the pattern, which came after some codes. */
    private void checkCode(String code, Long exceptId, boolean changed, Map<String, String> errors) {
        if (errors.containsKey("code")) {
            return;
        }
        if (changed && !CODE.matcher(code).matches()) {
            errors.put("code", "admin.agencies.error.codePattern");
        } else if (agencies.codeTaken(code, exceptId)) {
            errors.put("code", "admin.agencies.error.codeTaken");
        }
    }

    private AgencyKind checkKind(Long kindId, Map<String, String> errors) {
        AgencyKind kind = kindId == null ? null : kinds.findById(kindId).orElse(null);
        if (kind == null) {
            errors.putIfAbsent("kindId", "admin.agencies.error.kindRequired");
        }
        return kind;
    }

    private static void checkOpening(LocalDate openedOn, LocalDate closedOn, Map<String, String> errors) {
        if (openedOn == null || errors.containsKey("openedOn")) {
            return;
        }
        if (outOfRange(openedOn)) {
            errors.put("openedOn", "admin.agencies.error.dateOutOfRange");
        } else if (closedOn != null && !closedOn.isAfter(openedOn)) {
            errors.put("openedOn", "admin.agencies.error.openedAfterClosed");
        }
    }

    private AdministrativeUnit checkUnit(Long unitId, LocalDate openedOn, Map<String, String> errors) {
        UnitSummary unit = unitId == null ? null : units.findById(unitId).orElse(null);
        if (unit == null) {
            errors.putIfAbsent("unitId", "admin.agencies.error.unitRequired");
            return null;
        }
        if (openedOn != null && !errors.containsKey("openedOn") && !isOpenOn(unit, openedOn)) {
            errors.put("unitId", "admin.agencies.error.unitNotOpen");
        }
        return entityManager.getReference(AdministrativeUnit.class, unit.id());
    }

    private static boolean isOpenOn(UnitSummary unit, LocalDate day) {
        return !unit.openedOn().isAfter(day) && (unit.closedOn() == null || unit.closedOn().isAfter(day));
    }

    private static boolean outOfRange(LocalDate day) {
        return day.isBefore(EARLIEST) || day.isAfter(LATEST);
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String target(Agency agency) {
        return "agency:" + agency.getId();
    }

    private static String describe(Agency agency) {
        return agency.getCode() + " " + agency.getName() + " (" + agency.getKind().getCode() + ", unit "
                + agency.getUnit().getCode() + ", opened " + DAY.format(agency.getOpenedOn()) + ")";
    }

    private static ListItem listItem(Agency agency) {
        AdministrativeUnit unit = agency.getUnit();
        return new ListItem(agency.getId(), agency.getCode(), agency.getName(), agency.getKind().getName(),
                unit.getId(), unit.getCode(), unit.getName(), agency.getOpenedOn(), agency.getClosedOn(),
                unit.getClosedOn());
    }
}
