package vn.laichau.hlg.tracker.dashboard;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.laichau.hlg.tracker.account.Scope;
import vn.laichau.hlg.tracker.account.ScopeService;
import vn.laichau.hlg.tracker.dashboard.Dashboard.Budget;
import vn.laichau.hlg.tracker.dashboard.Dashboard.BudgetRow;
import vn.laichau.hlg.tracker.dashboard.Dashboard.Cell;
import vn.laichau.hlg.tracker.dashboard.Dashboard.CountRow;
import vn.laichau.hlg.tracker.dashboard.Dashboard.Counts;
import vn.laichau.hlg.tracker.dashboard.Dashboard.Grid;
import vn.laichau.hlg.tracker.dashboard.Dashboard.GridCell;
import vn.laichau.hlg.tracker.dashboard.Dashboard.GridRow;
import vn.laichau.hlg.tracker.dashboard.Dashboard.GroupRow;
import vn.laichau.hlg.tracker.dashboard.Dashboard.IndicatorRow;
import vn.laichau.hlg.tracker.dashboard.Dashboard.Indicators;
import vn.laichau.hlg.tracker.dashboard.Dashboard.Issues;
import vn.laichau.hlg.tracker.dashboard.Dashboard.Matrix;
import vn.laichau.hlg.tracker.dashboard.Dashboard.MatrixRow;
import vn.laichau.hlg.tracker.dashboard.Dashboard.Participation;
import vn.laichau.hlg.tracker.dashboard.Dashboard.TaskRef;
import vn.laichau.hlg.tracker.dashboard.Dashboard.TaskRow;
import vn.laichau.hlg.tracker.dashboard.Dashboard.UnitRef;
import vn.laichau.hlg.tracker.dashboard.DashboardQueries.AgencyRow;
import vn.laichau.hlg.tracker.dashboard.DashboardQueries.CellRow;
import vn.laichau.hlg.tracker.dashboard.DashboardQueries.CountsRow;
import vn.laichau.hlg.tracker.dashboard.DashboardQueries.Grouping;
import vn.laichau.hlg.tracker.dashboard.DashboardQueries.IndicatorRef;
import vn.laichau.hlg.tracker.dashboard.DashboardQueries.IndicatorTotal;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.shared.web.NotFoundException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard of a year for an administrative unit and the units below it, restricted to the
 * signed-in reviewer's or viewer's scope. Totals count approved reports; reviewers may add submitted
 * ones (viewers read approved reports only).
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

    /**
     * Agencies per page of the matrix: every agency of Lai Châu's seed (31) on one page, and a page that
     * an old phone on a slow connection still loads quickly (40 rows × 16 tasks).
     */
    public static final int MATRIX_PAGE_SIZE = 40;
    /** Difficulties and proposals shown on the page; the export carries them all. */
    public static final int ISSUE_LIMIT = 30;

    private static final String PERCENT_UNIT = "%";
    /** The indicator of a member category that counts all its members, the denominator of its rate. */
    private static final String TOTAL_SUFFIX = "_TOTAL";
    /** The agency kind of the Lawyers' Associations, named in the coverage of a participation target. */
    private static final String ASSOCIATION_KIND = "HOI_LUAT_GIA";

    private final DashboardQueries queries;
    private final ScopeService scopes;
    private final Clock clock;

    DashboardService(DashboardQueries queries, ScopeService scopes, Clock clock) {
        this.queries = queries;
        this.scopes = scopes;
        this.clock = clock;
    }

    /** This year, in the province's time zone: the default of every page and export. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public int currentYear() {
        return today().getYear();
    }

    /** Today in the province's time zone: what is overdue depends on it. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * What a request for a dashboard comes to before anything is computed: the unit it is for, checked
     * against the user's scope (anything outside is answered as if it did not exist), whether submitted
     * reports count, today, and the data version. The version is read before any data: a dashboard
     * computed afterwards is at least as new as it says. This runs on every request, also when the
     * dashboard is kept, and its two reads need no transaction of their own.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Request request(CurrentUser user, Long unitId, boolean includeSubmitted) {
        long root = rootFor(user, unitId);
        return new Request(root, includeSubmitted && mayIncludeSubmitted(user), today(), queries.dataVersion());
    }

    /** See {@link #request}. */
    public record Request(long root, boolean includeSubmitted, LocalDate today, long dataVersion) {
    }

    /**
     * The unit whose figures the user asks for: the given one when it lies in the user's scope, or the
     * user's own unit. Anything else is answered as if it did not exist.
     */
    public long rootFor(CurrentUser user, Long unitId) {
        if (user.role() != Role.PROVINCE_REVIEWER && user.role() != Role.DISTRICT_REVIEWER && user.role() != Role.VIEWER) {
            throw new NotFoundException();
        }
        Scope scope = scopes.scopeOf(user);
        long root = unitId == null ? (user.unitId() == null ? -1 : user.unitId()) : unitId;
        if (!scope.unitIds().contains(root)) {
            throw new NotFoundException();
        }
        return root;
    }

    /** Viewers read approved reports only, so for them submitted ones never count. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public boolean mayIncludeSubmitted(CurrentUser user) {
        return user.role() == Role.PROVINCE_REVIEWER || user.role() == Role.DISTRICT_REVIEWER;
    }

    /** The due date of the year's reporting period; a year without a period does not exist. */
    public LocalDate dueOn(int year) {
        return queries.dueOn(year).orElseThrow(NotFoundException::new);
    }

    public Dashboard dashboard(CurrentUser user, int year, Long unitId, boolean includeSubmitted, int page) {
        long root = rootFor(user, unitId);
        boolean include = includeSubmitted && mayIncludeSubmitted(user);
        LocalDate dueOn = dueOn(year);
        boolean pastDue = LocalDate.now(clock).isAfter(dueOn);

        List<Integer> years = queries.periodYears();
        List<UnitRef> units = queries.rootAndChildren(root, year);
        UnitRef parent = queries.parentOf(root)
                .filter(id -> scopes.scopeOf(user).unitIds().contains(id))
                .map(id -> new UnitRef(id, null, null)).orElse(null);
        List<TaskRef> tasks = queries.tasks();

        // Completeness at every grouping, from one statement.
        Map<Grouping, Map<Long, Counts>> counts = new EnumMap<>(Grouping.class);
        for (CountsRow row : queries.completeness(root, year, pastDue)) {
            counts.computeIfAbsent(row.grouping(), g -> new HashMap<>()).put(row.key(), row.counts());
        }
        Counts overall = counts.getOrDefault(Grouping.OVERALL, Map.of()).getOrDefault(0L, Counts.ZERO);

        Map<String, List<TaskRow>> tasksByGroup = new LinkedHashMap<>();
        for (TaskRef task : tasks) {
            tasksByGroup.computeIfAbsent(task.groupCode(), c -> new ArrayList<>())
                    .add(new TaskRow(task, get(counts, Grouping.TASK, task.id())));
        }
        List<GroupRow> groups = queries.groups().stream()
                .map(g -> new GroupRow(g.code(), g.title(), get(counts, Grouping.GROUP, g.id()),
                        tasksByGroup.getOrDefault(g.code(), List.of())))
                .toList();
        List<CountRow> byUnit = units.stream()
                .map(u -> new CountRow(u.id(), u.code(), u.name(), get(counts, Grouping.UNIT, u.id())))
                .filter(row -> row.counts().owed() > 0)
                .toList();
        List<CountRow> byKind = queries.kinds().stream()
                .map(k -> new CountRow(k.id(), k.code(), k.name(), get(counts, Grouping.KIND, k.id())))
                .filter(row -> row.counts().owed() > 0)
                .toList();

        Matrix matrix = matrix(root, year, dueOn, pastDue, tasks, page);
        List<Integer> indicatorYears = years.stream().filter(y -> y <= year).toList();
        Indicators indicators = indicators(root, year, include, indicatorYears, units);
        List<Participation> participation = participation(root, year, include, indicators);
        Budget budget = budget(root, year, include, tasks);
        var issuePage = queries.issues(root, year, include, ISSUE_LIMIT);
        Grid grid = grid(root, include, years, tasks);

        return new Dashboard(year, years, include, dueOn, pastDue, units.get(0), parent, units, overall, groups, byUnit,
                byKind, matrix, indicators, participation, budget, new Issues(issuePage.items(), issuePage.total()), grid);
    }

    private static Counts get(Map<Grouping, Map<Long, Counts>> counts, Grouping grouping, long key) {
        return counts.getOrDefault(grouping, Map.of()).getOrDefault(key, Counts.ZERO);
    }

    private Matrix matrix(long root, int year, LocalDate dueOn, boolean pastDue, List<TaskRef> tasks, int page) {
        long total = queries.matrixAgencyCount(root, year);
        int pageCount = (int) Math.max(1, (total + MATRIX_PAGE_SIZE - 1) / MATRIX_PAGE_SIZE);
        // A page past the end (an old link after agencies closed, an edited address) shows the last one.
        int safePage = Math.min(Math.max(page, 1), pageCount);
        List<AgencyRow> agencies = queries.matrixAgencies(root, year, MATRIX_PAGE_SIZE, (safePage - 1) * MATRIX_PAGE_SIZE);
        Map<Long, Map<Long, Cell>> cells = new HashMap<>();
        for (CellRow row : queries.matrixCells(agencies.stream().map(AgencyRow::id).toList(), year, dueOn, pastDue)) {
            cells.computeIfAbsent(row.agencyId(), a -> new HashMap<>()).put(row.taskId(), row.cell());
        }
        List<MatrixRow> rows = agencies.stream()
                .map(a -> new MatrixRow(a.id(), a.name(), a.unitName(), a.kindName(), tasks.stream()
                        .map(t -> cells.getOrDefault(a.id(), Map.of()).getOrDefault(t.id(), Cell.NONE))
                        .toList()))
                .toList();
        return new Matrix(tasks, rows, safePage, pageCount, total);
    }

    private Indicators indicators(long root, int year, boolean include, List<Integer> years, List<UnitRef> units) {
        int from = years.isEmpty() ? year : years.get(0);
        Map<Long, Map<Long, IndicatorTotal>> byYear = totals(queries.indicatorTotalsByYear(root, from, year, include));
        Map<Long, Map<Long, IndicatorTotal>> byUnit = totals(queries.indicatorTotalsByUnit(root, year, include));
        List<IndicatorRow> rows = new ArrayList<>();
        for (IndicatorRef indicator : queries.indicators()) {
            Map<Long, IndicatorTotal> yearly = byYear.getOrDefault(indicator.id(), Map.of());
            Map<Long, IndicatorTotal> perUnit = byUnit.getOrDefault(indicator.id(), Map.of());
            boolean rate = indicator.kind() == IndicatorKind.RATIO || PERCENT_UNIT.equals(indicator.unit());
            rows.add(new IndicatorRow(indicator.id(), indicator.code(), indicator.name(), indicator.unit(),
                    indicator.memberCategory(), indicator.kind(),
                    years.stream().map(y -> value(yearly.get((long) y), rate)).toList(),
                    units.stream().map(u -> value(perUnit.get(u.id()), rate)).toList()));
        }
        return new Indicators(years, rows);
    }

    /** Head counts add up; rates (unit "%") are averaged over the reports that gave one. */
    private static Map<Long, Map<Long, IndicatorTotal>> totals(List<IndicatorTotal> totals) {
        Map<Long, Map<Long, IndicatorTotal>> result = new HashMap<>();
        for (IndicatorTotal total : totals) {
            result.computeIfAbsent(total.indicatorId(), i -> new HashMap<>()).put(total.key(), total);
        }
        return result;
    }

    private static BigDecimal value(IndicatorTotal total, boolean rate) {
        if (total == null) {
            return null;
        }
        return plain(rate ? average(total.sum(), total.count()) : total.sum());
    }

    /**
     * The year's participation targets of the unit, from approved reports only: what the consolidated
     * report states. The unit must lie in the user's scope.
     */
    public List<Participation> participation(CurrentUser user, int year, Long unitId) {
        long root = rootFor(user, unitId);
        List<Integer> years = List.of(year);
        return participation(root, year, false,
                indicators(root, year, false, years, queries.rootAndChildren(root, year)));
    }

    private List<Participation> participation(long root, int year, boolean include, Indicators indicators) {
        Map<String, List<DashboardQueries.ParticipationTotal>> pairs = new HashMap<>();
        for (var total : queries.participation(root, year, include)) {
            pairs.computeIfAbsent(total.memberCategory(), c -> new ArrayList<>()).add(total);
        }
        List<Participation> result = new ArrayList<>();
        for (var target : queries.targets(year)) {
            List<IndicatorRow> rows = indicators.rows().stream()
                    .filter(row -> target.memberCategory().equals(row.memberCategory())).toList();
            IndicatorRow totalRow = rows.stream().filter(row -> row.code().endsWith(TOTAL_SUFFIX)).findFirst().orElse(null);
            List<DashboardQueries.ParticipationTotal> pair = pairs.get(target.memberCategory());
            for (IndicatorRow row : rows) {
                if (row == totalRow) {
                    continue;
                }
                if (row.kind() == IndicatorKind.RATIO || PERCENT_UNIT.equals(row.unit())) {
                    // A reported rate: the mean of the reports that gave one.
                    BigDecimal reported = row.current();
                    Boolean met = reported == null ? null : reported.compareTo(target.minPercent()) >= 0;
                    result.add(new Participation(target.memberCategory(), row.name(), row.unit(), reported, null,
                            plain(reported), plain(target.minPercent()), plain(target.maxPercent()), met, null, null,
                            false));
                    continue;
                }
                if (totalRow == null) {
                    continue;
                }
                // Taking part over all members, both from the agencies that gave both numbers.
                BigDecimal part = BigDecimal.ZERO;
                BigDecimal total = BigDecimal.ZERO;
                long agencies = 0;
                long expected = 0;
                boolean associations = pair != null && !pair.isEmpty();
                for (var p : pair == null ? List.<DashboardQueries.ParticipationTotal>of() : pair) {
                    part = part.add(p.part());
                    total = total.add(p.total());
                    agencies += p.agencies();
                    expected += p.expected();
                    associations &= ASSOCIATION_KIND.equals(p.kindCode()) || p.expected() == 0;
                }
                BigDecimal percent = agencies > 0 && total.signum() > 0
                        ? part.multiply(BigDecimal.valueOf(100)).divide(total, 1, RoundingMode.HALF_UP) : null;
                Boolean met = percent == null ? null : percent.compareTo(target.minPercent()) >= 0;
                result.add(new Participation(target.memberCategory(), row.name(), row.unit(),
                        agencies > 0 ? plain(part) : null, agencies > 0 ? plain(total) : null, plain(percent),
                        plain(target.minPercent()), plain(target.maxPercent()), met, agencies, expected, associations));
            }
        }
        return result;
    }

    private Budget budget(long root, int year, boolean include, List<TaskRef> tasks) {
        DashboardQueries.BudgetTotal overall = new DashboardQueries.BudgetTotal(null, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO);
        Map<Long, DashboardQueries.BudgetTotal> byTask = new HashMap<>();
        for (var total : queries.budget(root, year, include)) {
            if (total.taskId() == null) {
                overall = total;
            } else {
                byTask.put(total.taskId(), total);
            }
        }
        List<BudgetRow> rows = tasks.stream().filter(t -> byTask.containsKey(t.id()))
                .map(t -> {
                    var total = byTask.get(t.id());
                    return new BudgetRow(t, total.planned(), total.spent(), total.otherPlanned(), total.otherSpent());
                })
                .toList();
        return new Budget(overall.planned(), overall.spent(), overall.otherPlanned(), overall.otherSpent(), rows);
    }

    private Grid grid(long root, boolean include, List<Integer> years, List<TaskRef> tasks) {
        Map<Long, Map<Integer, GridCell>> cells = new HashMap<>();
        for (var total : queries.grid(root, include)) {
            cells.computeIfAbsent(total.taskId(), t -> new HashMap<>())
                    .put(total.year(), new GridCell(total.owed(), total.done()));
        }
        List<GridRow> rows = tasks.stream()
                .map(t -> new GridRow(t, years.stream()
                        .map(y -> cells.getOrDefault(t.id(), Map.of()).get(y))
                        .toList()))
                .toList();
        return new Grid(years, rows);
    }

    /** 20.00 → 20 and 12.50 → 12.5, never 2E+1. */
    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static BigDecimal average(BigDecimal sum, long count) {
        return count == 0 ? null : sum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }
}
