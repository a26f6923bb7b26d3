package vn.laichau.hlg.tracker.reorganisation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.laichau.hlg.tracker.reorganisation.ImportViews.Preview;
import vn.laichau.hlg.tracker.reorganisation.ImportViews.Row;
import vn.laichau.hlg.tracker.shared.AuditEvent;
import vn.laichau.hlg.tracker.shared.CsvRows;
import vn.laichau.hlg.tracker.shared.CsvRows.Problem;
import vn.laichau.hlg.tracker.shared.Days;
import vn.laichau.hlg.tracker.unit.UnitChangeRejected;
import vn.laichau.hlg.tracker.unit.UnitLevel;
import vn.laichau.hlg.tracker.unit.UnitService;
import vn.laichau.hlg.tracker.unit.UnitSummary;
import vn.laichau.hlg.tracker.unit.UnitViews.NewUnit;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The import of administrative units from a CSV file, each with its dates and successors. Like the agency
 * import, every row is checked and shown before anything is saved, and the rows are saved all together or
 * not at all. The check is the saving itself done in a transaction that is rolled back (so every rule of
 * the unit pages applies), plus what only a file can get wrong: a parent or successor that is neither in
 * the file nor known, dates that do not fit in the parent's, a successor closed before the unit closes,
 * and parents or successors that go round in a cycle.
 */
@Service
public class UnitImportService {

    static final String CODE = "ma";
    static final String NAME = "ten";
    static final String LEVEL = "cap";
    static final String PARENT = "ma_cha";
    static final String OPENS = "ngay_mo";
    static final String CLOSES = "ngay_dong";
    static final String SUCCESSORS = "ma_ke_thua";
    public static final List<String> COLUMNS = List.of(CODE, NAME, LEVEL, PARENT, OPENS, CLOSES, SUCCESSORS);
    private static final String ERROR = "admin.units.import.error.";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** A row as read, with its dates and its problems so far. */
    private static final class Item {
        final CsvRows.Row raw;
        final String key;
        final List<Problem> problems = new ArrayList<>();
        UnitLevel level;
        LocalDate opens;
        LocalDate closes;
        boolean created;

        Item(CsvRows.Row raw) {
            this.raw = raw;
            this.key = raw.get(CODE).toUpperCase(Locale.ROOT);
        }

        String get(String column) {
            return raw.get(column);
        }
    }

    private final UnitService units;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final TransactionTemplate trial;

    UnitImportService(UnitService units, ApplicationEventPublisher events, PlatformTransactionManager transactionManager) {
        this.units = units;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        // A preview is always a transaction of its own, rolled back, whatever the caller runs in.
        this.trial = new TransactionTemplate(transactionManager);
        this.trial.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Checks every row by saving the file in a transaction that is rolled back. Saves nothing. */
    public Preview preview(byte[] content) {
        return run(content, false, null, null);
    }

    /** Saves every row, or none when any row has a problem. */
    public Preview importUnits(byte[] content, String actor, String address) {
        return run(content, true, actor, address);
    }

    private Preview run(byte[] content, boolean commit, String actor, String address) {
        CsvRows.Parsed parsed = CsvRows.parse(content, COLUMNS, ReorganisationService.MAX_ROWS, ERROR);
        if (!parsed.fileProblems().isEmpty()) {
            return new Preview(COLUMNS, parsed.fileProblems(), List.of(), List.of());
        }
        return (commit ? transactions : trial).execute(status -> {
            Preview preview = save(parsed.rows(), actor, address);
            if (commit && preview.saveable()) {
                events.publishEvent(new AuditEvent("UNITS_IMPORTED", actor, address, "unit-import", null,
                        preview.rows().size() + " units: " + abbreviate(preview.rows().stream()
                                .map(row -> row.cells().get(0)).collect(Collectors.joining(", ")))));
            } else {
                status.setRollbackOnly();
            }
            return preview;
        });
    }

    private Preview save(List<CsvRows.Row> raws, String actor, String address) {
        List<Item> items = raws.stream().map(Item::new).toList();
        Map<String, UnitSummary> known = units.all().stream()
                .collect(Collectors.toMap(unit -> unit.code().toUpperCase(Locale.ROOT), Function.identity()));
        Map<String, List<Item>> byCode = new HashMap<>();
        items.stream().filter(item -> !item.key.isEmpty())
                .forEach(item -> byCode.computeIfAbsent(item.key, key -> new ArrayList<>()).add(item));
        for (Item item : items) {
            checkRow(item, byCode, known);
        }
        Map<String, Item> inFile = new HashMap<>();
        byCode.forEach((code, list) -> inFile.put(code, list.get(0)));
        for (Item item : items) {
            checkParent(item, inFile, known);
        }
        createInParentOrder(items, inFile, actor, address);
        for (Item item : items) {
            if (item.created && item.closes != null) {
                close(item, inFile, known, actor, address);
            }
        }
        List<Row> rows = items.stream()
                .map(item -> new Row(item.raw.line(), COLUMNS.stream().map(item::get).toList(), List.copyOf(item.problems), List.of()))
                .toList();
        return new Preview(COLUMNS, List.of(), rows, List.of());
    }

    private static void checkRow(Item item, Map<String, List<Item>> byCode, Map<String, UnitSummary> known) {
        if (item.key.isEmpty()) {
            item.problems.add(Problem.of(ERROR + "codeMissing"));
        } else if (byCode.get(item.key).size() > 1) {
            item.problems.add(new Problem(ERROR + "codeRepeated", byCode.get(item.key).stream().filter(other -> other != item)
                    .map(other -> String.valueOf(other.raw.line())).collect(Collectors.joining(", "))));
        } else if (known.containsKey(item.key)) {
            item.problems.add(Problem.of("admin.units.error.codeTaken"));
        }
        if (item.get(NAME).isEmpty()) {
            item.problems.add(Problem.of(ERROR + "nameMissing"));
        }
        item.level = UnitLevels.of(item.get(LEVEL)).orElse(null);
        if (item.level == null) {
            item.problems.add(new Problem(ERROR + "levelUnknown", item.get(LEVEL)));
        }
        item.opens = day(item, OPENS, true);
        item.closes = day(item, CLOSES, false);
        if (item.opens != null && item.closes != null && !item.closes.isAfter(item.opens)) {
            item.problems.add(Problem.of("admin.units.error.closedBeforeOpened"));
        }
        if (item.closes == null && !item.get(SUCCESSORS).isEmpty() && item.problems.stream()
                .noneMatch(p -> p.key().equals(ERROR + "dayInvalid"))) {
            item.problems.add(Problem.of(ERROR + "successorWithoutClosing"));
        }
    }

    private static LocalDate day(Item item, String column, boolean required) {
        String text = item.get(column);
        if (text.isEmpty()) {
            if (required) {
                item.problems.add(new Problem(ERROR + "dayMissing", column));
            }
            return null;
        }
        LocalDate day = Days.parse(text);
        if (day == null) {
            item.problems.add(new Problem(ERROR + "dayInvalid", text));
        }
        return day;
    }

    /** The parent must be in the file or known, and following parents inside the file must not come back. */
    private static void checkParent(Item item, Map<String, Item> inFile, Map<String, UnitSummary> known) {
        String parent = item.get(PARENT).toUpperCase(Locale.ROOT);
        if (parent.isEmpty()) {
            return;
        }
        if (!inFile.containsKey(parent) && !known.containsKey(parent)) {
            item.problems.add(new Problem(ERROR + "parentUnknown", item.get(PARENT)));
            return;
        }
        Set<String> seen = new HashSet<>();
        String next = parent;
        while (inFile.containsKey(next) && seen.add(next)) {
            if (next.equals(item.key)) {
                item.problems.add(new Problem(ERROR + "parentCycle", item.get(PARENT)));
                return;
            }
            next = inFile.get(next).get(PARENT).toUpperCase(Locale.ROOT);
        }
        // The unit's dates must lie within its parent's: it cannot outlive the unit it belongs to.
        LocalDate parentCloses = inFile.containsKey(parent) ? inFile.get(parent).closes : known.get(parent).closedOn();
        if (parentCloses != null && (item.closes == null || item.closes.isAfter(parentCloses))) {
            item.problems.add(new Problem(ERROR + "outlivesParent", SHOWN.format(parentCloses)));
        }
    }

    /** Creates the rows without problems, each after its parent, through the rules of the unit pages. */
    private void createInParentOrder(List<Item> items, Map<String, Item> inFile, String actor, String address) {
        List<Item> waiting = new ArrayList<>(items.stream().filter(item -> item.problems.isEmpty()).toList());
        boolean progress = true;
        while (!waiting.isEmpty() && progress) {
            progress = false;
            for (Item item : List.copyOf(waiting)) {
                String parent = item.get(PARENT).toUpperCase(Locale.ROOT);
                Item parentRow = inFile.get(parent);
                if (parentRow != null && !parentRow.created) {
                    if (!parentRow.problems.isEmpty()) {
                        item.problems.add(new Problem(ERROR + "parentInvalid", item.get(PARENT)));
                        waiting.remove(item);
                        progress = true;
                    }
                    continue;
                }
                Long parentId = parent.isEmpty() ? null : units.findByCode(item.get(PARENT)).map(UnitSummary::id)
                        .or(() -> units.all().stream().filter(u -> u.code().equalsIgnoreCase(parent)).map(UnitSummary::id).findFirst())
                        .orElse(null);
                try {
                    units.create(new NewUnit(item.get(CODE), item.get(NAME), item.level, parentId, item.opens), actor, address);
                    item.created = true;
                } catch (UnitChangeRejected rejected) {
                    rejected.errors().values().forEach(key -> item.problems.add(Problem.of(key)));
                }
                waiting.remove(item);
                progress = true;
            }
        }
    }

    private void close(Item item, Map<String, Item> inFile, Map<String, UnitSummary> known, String actor, String address) {
        UnitSummary unit = units.findByCode(item.get(CODE)).orElseThrow();
        Map<Long, List<Long>> links = new LinkedHashMap<>(units.successorLinks());
        // Successor links asked for by the file, between units now saved, so that a cycle through the file shows.
        for (Item other : inFile.values()) {
            if (other.created && other != item) {
                Optional<UnitSummary> from = units.findByCode(other.get(CODE));
                for (String code : ReorganisationService.codes(other.get(SUCCESSORS))) {
                    units.findByCode(code).ifPresent(to -> from.ifPresent(f ->
                            links.computeIfAbsent(f.id(), id -> new ArrayList<>()).add(to.id())));
                }
            }
        }
        List<UnitSummary> successors = new ArrayList<>();
        for (String code : ReorganisationService.codes(item.get(SUCCESSORS))) {
            Optional<UnitSummary> successor = units.findByCode(code);
            String key = code.toUpperCase(Locale.ROOT);
            LocalDate successorCloses = inFile.containsKey(key) ? inFile.get(key).closes
                    : successor.map(UnitSummary::closedOn).orElse(null);
            if (successor.isEmpty()) {
                item.problems.add(new Problem(ERROR + "successorUnknown", code));
            } else if (successor.get().id() == unit.id() || ReorganisationService.leadsTo(links, successor.get().id(), unit.id())) {
                item.problems.add(new Problem(ERROR + "successorCycle", code));
            } else if (successorCloses != null && !successorCloses.isAfter(item.closes)) {
                item.problems.add(new Problem(ERROR + "successorClosedBefore", code + " (" + SHOWN.format(successorCloses) + ")"));
            } else if (successor.get().openedOn().isAfter(item.closes)) {
                item.problems.add(new Problem(ERROR + "successorOpensLater", code + " (" + SHOWN.format(successor.get().openedOn()) + ")"));
            } else {
                successors.add(successor.get());
            }
        }
        if (!item.problems.isEmpty()) {
            return;
        }
        try {
            units.close(unit.id(), units.get(unit.id()).version(), item.closes,
                    successors.isEmpty() ? null : successors.get(0).id(), actor, address);
        } catch (UnitChangeRejected rejected) {
            rejected.errors().values().forEach(key -> item.problems.add(Problem.of(key)));
            return;
        }
        successors.forEach(successor -> units.addSuccessor(unit.id(), successor.id(), actor, address));
    }

    private static String abbreviate(String text) {
        return text.length() <= 900 ? text : text.substring(0, 899) + "…";
    }
}
