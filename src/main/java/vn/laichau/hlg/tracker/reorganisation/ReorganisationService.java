package vn.laichau.hlg.tracker.reorganisation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.laichau.hlg.tracker.agency.AgencyChangeRejected;
import vn.laichau.hlg.tracker.agency.AgencyService;
import vn.laichau.hlg.tracker.agency.AgencySummary;
import vn.laichau.hlg.tracker.agency.AgencyViews.AgencyData;
import vn.laichau.hlg.tracker.agency.AgencyViews.Kind;
import vn.laichau.hlg.tracker.period.ObligationService;
import vn.laichau.hlg.tracker.period.ObligationService.NamedObligation;
import vn.laichau.hlg.tracker.period.PeriodService;
import vn.laichau.hlg.tracker.period.PeriodView;
import vn.laichau.hlg.tracker.reorganisation.ImportViews.Preview;
import vn.laichau.hlg.tracker.reorganisation.ImportViews.Row;
import vn.laichau.hlg.tracker.reorganisation.ImportViews.YearChange;
import vn.laichau.hlg.tracker.shared.AuditEvent;
import vn.laichau.hlg.tracker.shared.CsvRows;
import vn.laichau.hlg.tracker.shared.CsvRows.Problem;
import vn.laichau.hlg.tracker.shared.Days;
import vn.laichau.hlg.tracker.unit.UnitChangeRejected;
import vn.laichau.hlg.tracker.unit.UnitService;
import vn.laichau.hlg.tracker.unit.UnitSummary;
import vn.laichau.hlg.tracker.unit.UnitViews.NewUnit;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The reorganisation import: one file of dated actions (open and close units and agencies, name the
 * successors of closed units) applied from one effective day in one transaction, audited. The preview is
 * the same work done in a transaction that is rolled back: every row is applied through the rules of the
 * unit and agency pages, the obligations are derived again, and what appeared and disappeared in each
 * year from the effective day on is listed. Applying does exactly that and commits, so the preview and
 * the result cannot differ.
 *
 * <p>Everything is dated from the effective day: a closed unit or agency keeps its past, so the
 * obligations and reports of periods before that day stay as they were.
 */
@Service
public class ReorganisationService {

    static final String ACTION = "thao_tac";
    static final String DAY = "ngay_hieu_luc";
    static final String CODE = "ma";
    static final String NAME = "ten";
    static final String LEVEL = "cap";
    static final String KIND = "loai";
    static final String UNIT = "ma_don_vi";
    static final String SUCCESSORS = "ma_ke_thua";
    public static final List<String> COLUMNS = List.of(ACTION, DAY, CODE, NAME, LEVEL, KIND, UNIT, SUCCESSORS);
    static final int MAX_ROWS = 2000;
    private static final String ERROR = "admin.reorganisation.error.";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The actions a row may ask for, by the word written in the file. */
    enum Action {
        MO_DON_VI, DONG_DON_VI, KE_THUA, MO_CO_QUAN, DONG_CO_QUAN;

        static Optional<Action> of(String text) {
            String word = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            for (Action action : values()) {
                if (action.name().equals(word)) {
                    return Optional.of(action);
                }
            }
            return Optional.empty();
        }
    }

    private final UnitService units;
    private final AgencyService agencies;
    private final ObligationService obligations;
    private final PeriodService periods;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final TransactionTemplate trial;

    ReorganisationService(UnitService units, AgencyService agencies, ObligationService obligations,
                          PeriodService periods, ApplicationEventPublisher events,
                          PlatformTransactionManager transactionManager) {
        this.units = units;
        this.agencies = agencies;
        this.obligations = obligations;
        this.periods = periods;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        // A preview is always a transaction of its own, rolled back, whatever the caller runs in.
        this.trial = new TransactionTemplate(transactionManager);
        this.trial.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Applies the file in a transaction that is rolled back, and says what it would do. Saves nothing. */
    public Preview preview(byte[] content) {
        return run(content, false, null, null);
    }

    /**
     * Applies the file from its effective day and commits, when no row has a problem; otherwise saves
     * nothing.
     *
     * @return what was done (or why nothing was); {@link Preview#saveable()} says whether it was saved
     */
    public Preview apply(byte[] content, String actor, String address) {
        return run(content, true, actor, address);
    }

    private Preview run(byte[] content, boolean commit, String actor, String address) {
        CsvRows.Parsed parsed = CsvRows.parse(content, COLUMNS, MAX_ROWS, "admin.units.import.error.");
        if (!parsed.fileProblems().isEmpty()) {
            return new Preview(COLUMNS, parsed.fileProblems(), List.of(), List.of());
        }
        return (commit ? transactions : trial).execute(status -> {
            Preview preview = applyRows(parsed.rows(), actor, address);
            if (commit && preview.saveable()) {
                events.publishEvent(new AuditEvent("REORGANISATION_APPLIED", actor, address, "reorganisation",
                        null, summary(preview)));
            } else {
                status.setRollbackOnly();
            }
            return preview;
        });
    }

    private Preview applyRows(List<CsvRows.Row> raws, String actor, String address) {
        LocalDate day = raws.stream().map(raw -> Days.parse(raw.get(DAY))).filter(d -> d != null).findFirst().orElse(null);
        int fromYear = day == null ? 0 : firstYearFrom(day);
        List<NamedObligation> before = List.of();
        if (day != null) {
            obligations.refresh();
            before = obligations.namedFrom(fromYear);
        }
        List<Row> rows = new ArrayList<>(raws.size());
        for (CsvRows.Row raw : raws) {
            List<Problem> problems = new ArrayList<>();
            List<Problem> effects = new ArrayList<>();
            LocalDate rowDay = Days.parse(raw.get(DAY));
            Optional<Action> action = Action.of(raw.get(ACTION));
            if (action.isEmpty()) {
                problems.add(new Problem(ERROR + "actionUnknown", raw.get(ACTION)));
            }
            if (raw.get(DAY).isEmpty()) {
                problems.add(Problem.of(ERROR + "dayMissing"));
            } else if (rowDay == null) {
                problems.add(new Problem(ERROR + "dayInvalid", raw.get(DAY)));
            } else if (!rowDay.equals(day)) {
                problems.add(new Problem(ERROR + "dayDiffers", SHOWN.format(day)));
            }
            if (problems.isEmpty()) {
                switch (action.get()) {
                    case MO_DON_VI -> openUnit(raw, day, problems, actor, address);
                    case DONG_DON_VI -> closeUnit(raw, day, problems, effects, actor, address);
                    case KE_THUA -> addSuccessors(raw, problems, actor, address);
                    case MO_CO_QUAN -> openAgency(raw, day, problems, actor, address);
                    case DONG_CO_QUAN -> closeAgency(raw, day, problems, actor, address);
                }
            }
            rows.add(new Row(raw.line(), COLUMNS.stream().map(raw::get).toList(), List.copyOf(problems), List.copyOf(effects)));
        }
        List<YearChange> changes = List.of();
        if (day != null && rows.stream().allMatch(Row::valid)) {
            obligations.refresh();
            changes = diff(before, obligations.namedFrom(fromYear));
        }
        return new Preview(COLUMNS, List.of(), rows, changes);
    }

    private void openUnit(CsvRows.Row raw, LocalDate day, List<Problem> problems, String actor, String address) {
        Long parentId = null;
        String parentCode = raw.get(UNIT);
        if (!parentCode.isEmpty()) {
            Optional<UnitSummary> parent = units.findByCode(parentCode);
            if (parent.isEmpty()) {
                problems.add(new Problem(ERROR + "parentUnknown", parentCode));
                return;
            }
            parentId = parent.get().id();
        }
        Optional<vn.laichau.hlg.tracker.unit.UnitLevel> level = UnitLevels.of(raw.get(LEVEL));
        if (level.isEmpty()) {
            problems.add(new Problem(ERROR + "levelUnknown", raw.get(LEVEL)));
            return;
        }
        try {
            units.create(new NewUnit(raw.get(CODE), raw.get(NAME), level.get(), parentId, day), actor, address);
        } catch (UnitChangeRejected rejected) {
            rejected.errors().values().forEach(key -> problems.add(Problem.of(key)));
        }
    }

    private void closeUnit(CsvRows.Row raw, LocalDate day, List<Problem> problems, List<Problem> effects,
                           String actor, String address) {
        Optional<UnitSummary> found = units.findByCode(raw.get(CODE));
        if (found.isEmpty()) {
            problems.add(new Problem(ERROR + "unitUnknown", raw.get(CODE)));
            return;
        }
        UnitSummary unit = found.get();
        List<UnitSummary> successors = successors(raw, unit, day, problems);
        units.all().stream()
                .filter(child -> unit.id() == (child.parentId() == null ? -1 : child.parentId()))
                .filter(child -> child.closedOn() == null || child.closedOn().isAfter(day))
                .forEach(child -> problems.add(new Problem(ERROR + "childOpen", child.code() + " " + child.name())));
        if (!problems.isEmpty()) {
            return;
        }
        try {
            units.close(unit.id(), units.get(unit.id()).version(), day,
                    successors.isEmpty() ? null : successors.get(0).id(), actor, address);
        } catch (UnitChangeRejected rejected) {
            rejected.errors().values().forEach(key -> problems.add(Problem.of(key)));
            return;
        }
        successors.forEach(successor -> units.addSuccessor(unit.id(), successor.id(), actor, address));
        // The agencies of a closed unit close with it: nothing is owed by them for later days.
        for (AgencySummary agency : agencies.findOpenOn(day)) {
            if (agency.unitId() == unit.id()) {
                closeAgency(agency, day, problems, actor, address);
                effects.add(new Problem("admin.reorganisation.effect.agencyClosed", agency.name()));
            }
        }
    }

    private void addSuccessors(CsvRows.Row raw, List<Problem> problems, String actor, String address) {
        Optional<UnitSummary> found = units.findByCode(raw.get(CODE));
        if (found.isEmpty()) {
            problems.add(new Problem(ERROR + "unitUnknown", raw.get(CODE)));
            return;
        }
        UnitSummary unit = found.get();
        if (unit.closedOn() == null) {
            problems.add(Problem.of(ERROR + "notClosed"));
            return;
        }
        List<UnitSummary> successors = successors(raw, unit, unit.closedOn(), problems);
        if (successors.isEmpty() && problems.isEmpty()) {
            problems.add(Problem.of(ERROR + "successorsMissing"));
        }
        if (problems.isEmpty()) {
            successors.forEach(successor -> units.addSuccessor(unit.id(), successor.id(), actor, address));
        }
    }

    /**
     * The successors named by a row, each checked: known, open on the day the unit closes (not closed by
     * then, not opened after), and not leading back to the unit through the successors already recorded.
     */
    private List<UnitSummary> successors(CsvRows.Row raw, UnitSummary unit, LocalDate closing, List<Problem> problems) {
        List<UnitSummary> found = new ArrayList<>();
        Map<Long, List<Long>> links = units.successorLinks();
        for (String code : codes(raw.get(SUCCESSORS))) {
            Optional<UnitSummary> successor = units.findByCode(code);
            if (successor.isEmpty()) {
                problems.add(new Problem(ERROR + "successorUnknown", code));
            } else if (successor.get().id() == unit.id() || leadsTo(links, successor.get().id(), unit.id())) {
                problems.add(new Problem(ERROR + "successorCycle", code));
            } else if (successor.get().closedOn() != null && !successor.get().closedOn().isAfter(closing)) {
                problems.add(new Problem(ERROR + "successorClosedBefore", code + " (" + SHOWN.format(successor.get().closedOn()) + ")"));
            } else if (successor.get().openedOn().isAfter(closing)) {
                problems.add(new Problem(ERROR + "successorOpensLater", code + " (" + SHOWN.format(successor.get().openedOn()) + ")"));
            } else {
                found.add(successor.get());
            }
        }
        return found;
    }

    private void openAgency(CsvRows.Row raw, LocalDate day, List<Problem> problems, String actor, String address) {
        String kindCode = raw.get(KIND);
        Optional<Kind> kind = agencies.kinds().stream().filter(k -> k.code().equalsIgnoreCase(kindCode)).findFirst();
        if (kind.isEmpty()) {
            problems.add(new Problem(ERROR + "kindUnknown", kindCode));
        }
        Optional<UnitSummary> unit = units.findByCode(raw.get(UNIT));
        if (unit.isEmpty()) {
            problems.add(new Problem(ERROR + "unitUnknown", raw.get(UNIT)));
        }
        if (!problems.isEmpty()) {
            return;
        }
        try {
            agencies.create(new AgencyData(raw.get(CODE), raw.get(NAME), kind.get().id(), unit.get().id(), day), actor, address);
        } catch (AgencyChangeRejected rejected) {
            rejected.errors().values().forEach(key -> problems.add(Problem.of(key)));
        }
    }

    private void closeAgency(CsvRows.Row raw, LocalDate day, List<Problem> problems, String actor, String address) {
        Optional<AgencySummary> agency = agencies.findByCode(raw.get(CODE));
        if (agency.isEmpty()) {
            problems.add(new Problem(ERROR + "agencyUnknown", raw.get(CODE)));
            return;
        }
        closeAgency(agency.get(), day, problems, actor, address);
    }

    private void closeAgency(AgencySummary agency, LocalDate day, List<Problem> problems, String actor, String address) {
        try {
            agencies.close(agency.id(), agencies.get(agency.id()).version(), day, actor, address);
        } catch (AgencyChangeRejected rejected) {
            rejected.errors().values().forEach(key -> problems.add(new Problem(key, agency.name())));
        }
    }

    /** The first year whose data window ends on or after the day: the years the file can change. */
    private int firstYearFrom(LocalDate day) {
        return periods.all().stream().filter(p -> !p.dataTo().isBefore(day)).mapToInt(PeriodView::year).min()
                .orElse(day.getYear());
    }

    private static List<YearChange> diff(List<NamedObligation> before, List<NamedObligation> after) {
        Set<NamedObligation> was = new HashSet<>(before);
        Set<NamedObligation> is = new HashSet<>(after);
        TreeMap<Integer, List<NamedObligation>> appear = new TreeMap<>();
        TreeMap<Integer, List<NamedObligation>> disappear = new TreeMap<>();
        after.stream().filter(o -> !was.contains(o)).forEach(o -> appear.computeIfAbsent(o.year(), y -> new ArrayList<>()).add(o));
        before.stream().filter(o -> !is.contains(o)).forEach(o -> disappear.computeIfAbsent(o.year(), y -> new ArrayList<>()).add(o));
        Set<Integer> years = new java.util.TreeSet<>(appear.keySet());
        years.addAll(disappear.keySet());
        return years.stream().map(year -> new YearChange(year, appear.getOrDefault(year, List.of()),
                disappear.getOrDefault(year, List.of()))).toList();
    }

    static List<String> codes(String text) {
        Set<String> codes = new LinkedHashSet<>();
        for (String code : text.split("[|\\s]+")) {
            if (!code.isBlank()) {
                codes.add(code.strip());
            }
        }
        return List.copyOf(codes);
    }

    static boolean leadsTo(Map<Long, List<Long>> links, long from, long target) {
        Set<Long> seen = new HashSet<>();
        List<Long> next = new ArrayList<>(List.of(from));
        while (!next.isEmpty()) {
            long id = next.remove(next.size() - 1);
            if (id == target) {
                return true;
            }
            if (seen.add(id)) {
                next.addAll(links.getOrDefault(id, List.of()));
            }
        }
        return false;
    }

    private static String summary(Preview preview) {
        int appear = preview.changes().stream().mapToInt(c -> c.appear().size()).sum();
        int disappear = preview.changes().stream().mapToInt(c -> c.disappear().size()).sum();
        String day = preview.rows().isEmpty() ? "" : preview.rows().get(0).cells().get(1);
        return preview.rows().size() + " rows from " + day + "; obligations " + appear + " added, " + disappear + " removed";
    }
}
