package vn.laichau.hlg.tracker.dashboard;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.laichau.hlg.tracker.dashboard.Dashboard.Cell;
import vn.laichau.hlg.tracker.dashboard.Dashboard.CellState;
import vn.laichau.hlg.tracker.dashboard.Dashboard.Counts;
import vn.laichau.hlg.tracker.dashboard.Dashboard.Issue;
import vn.laichau.hlg.tracker.dashboard.Dashboard.TaskRef;
import vn.laichau.hlg.tracker.dashboard.Dashboard.UnitRef;
import vn.laichau.hlg.tracker.shared.VietnamTime;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The dashboard's SQL. Each method is one statement; every aggregation happens in PostgreSQL
 * (GROUP BY, GROUPING SETS, FILTER), so the number of statements and the size of what comes back do
 * not grow with the number of reports. Counts, budgets and indicator sums are read from the tallies
 * that the database keeps per unit, agency kind, task and year (migration V32), so that a page reads
 * at most units × kinds × tasks × years rows whatever the number of agencies and reports; the matrix
 * and the difficulties read the source rows of one page.
 */
@Repository
class DashboardQueries {

    /**
     * The unit, every unit below it, and for each the "top" unit it is counted under: the root itself
     * for its own agencies, otherwise the child of the root it lies in.
     */
    static final String TREE = """
            with recursive tree(id, top_id, depth) as (
                select id, id, 0 from administrative_unit where id = :root
                union all
                select u.id, case when t.depth = 0 then u.id else t.top_id end, t.depth + 1
                from administrative_unit u join tree t on u.parent_id = t.id
            ),
            scoped as (
                select a.id, a.kind_id, t.top_id from agency a join tree t on t.id = a.unit_id
            )
            """;

    /** Reports counted in totals: approved, and submitted ones when asked for. */
    static final String COUNTED = "(r.status = 'APPROVED' or (:includeSubmitted and r.status = 'SUBMITTED'))";

    /**
     * The rows of a tally that partition a unit's subtree: the unit's own agencies, and each child unit
     * with everything below it (the "top" unit a figure is shown under). A join on both leading columns
     * of the tally's key, so that it is read by index. Format with the tally's alias.
     */
    private static final String ROOT_AND_CHILDREN = """
            join (select id, id <> :root as below from administrative_unit where id = :root or parent_id = :root) top
              on %1$s.unit_id = top.id and %1$s.subtree = top.below""";

    /** A tally's reports counted in totals: approved, and submitted ones when asked for. */
    private static final String COUNTED_TALLY =
            "d.approved + case when :includeSubmitted then d.handed_in - d.approved else 0 end";

    private static final String INDICATOR_SUMS = """
            sum(i.sum_approved + case when :includeSubmitted then i.sum_submitted else 0 end) as total,
            sum(i.n_approved + case when :includeSubmitted then i.n_submitted else 0 end) as n""";
    private static final String INDICATOR_COUNT =
            "sum(i.n_approved + case when :includeSubmitted then i.n_submitted else 0 end)";

    /** Stock indicators: each agency once a year, approved or, with the switch, approved or submitted. */
    private static final String STOCK_SUMS = """
            sum(case when :includeSubmitted then s.sum_counted else s.sum_approved end) as total,
            sum(case when :includeSubmitted then s.n_counted else s.n_approved end) as n""";
    private static final String STOCK_COUNT =
            "sum(case when :includeSubmitted then s.n_counted else s.n_approved end)";

    private static final String FIRST_SUBMITTED_DAY = VietnamTime.FIRST_SUBMITTED_DAY_SQL;

    private final NamedParameterJdbcTemplate jdbc;

    DashboardQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Raised at every commit that changes what a dashboard shows (migration V33). */
    long dataVersion() {
        return jdbc.getJdbcTemplate().queryForObject("select version from dashboard_version where id = 1", Long.class);
    }

    Optional<LocalDate> dueOn(int year) {
        return jdbc.query("select due_on from reporting_period where year = :year",
                new MapSqlParameterSource("year", year),
                (rs, i) -> rs.getObject(1, LocalDate.class)).stream().findFirst();
    }

    List<Integer> periodYears() {
        return jdbc.getJdbcTemplate().queryForList("select year from reporting_period order by year", Integer.class);
    }

    /**
     * The root first, then, by name, its children that existed during the year's data window: 2024 lists the
     * districts, 2025 the districts (until 30/6) and the communes (from 1/7), 2026 the communes.
     */
    List<UnitRef> rootAndChildren(long root, int year) {
        return jdbc.query("""
                        select u.id, u.code, u.name from administrative_unit u
                        where u.id = :root
                           or (u.parent_id = :root
                               and exists (select 1 from reporting_period p where p.year = :year
                                           and u.opened_on <= p.data_to and (u.closed_on is null or u.closed_on > p.data_from)))
                        order by (u.id = :root) desc, u.name""",
                new MapSqlParameterSource("root", root).addValue("year", year),
                (rs, i) -> new UnitRef(rs.getLong("id"), rs.getString("code"), rs.getString("name")));
    }

    Optional<Long> parentOf(long unit) {
        return jdbc.query("select parent_id from administrative_unit where id = :id and parent_id is not null",
                new MapSqlParameterSource("id", unit), (rs, i) -> rs.getLong(1)).stream().findFirst();
    }

    List<TaskRef> tasks() {
        return jdbc.query("""
                        select t.id, t.code, t.title, g.code as group_code from task t join task_group g on g.id = t.group_id
                        order by g.position, t.position""",
                (rs, i) -> new TaskRef(rs.getLong("id"), rs.getString("code"), rs.getString("title"), rs.getString("group_code")));
    }

    record GroupRef(long id, String code, String title) {
    }

    List<GroupRef> groups() {
        return jdbc.query("select id, code, title from task_group order by position",
                (rs, i) -> new GroupRef(rs.getLong("id"), rs.getString("code"), rs.getString("title")));
    }

    record KindRef(long id, String code, String name) {
    }

    List<KindRef> kinds() {
        return jdbc.query("select id, code, name from agency_kind order by position",
                (rs, i) -> new KindRef(rs.getLong("id"), rs.getString("code"), rs.getString("name")));
    }

    /** Which grouping a row of {@link #completeness} belongs to. */
    enum Grouping { OVERALL, GROUP, TASK, UNIT, KIND }

    record CountsRow(Grouping grouping, long key, Counts counts) {
    }

    /** Owed, handed in, approved, on time, late and overdue: overall, by group, task, unit and kind at once. */
    List<CountsRow> completeness(long root, int year, boolean pastDue) {
        String sql = """
                select grouping(t.group_id) as g_group, grouping(d.task_id) as g_task,
                       grouping(d.unit_id) as g_unit, grouping(d.kind_id) as g_kind,
                       t.group_id, d.task_id, d.unit_id as top_id, d.kind_id,
                       sum(d.owed) as owed,
                       sum(d.handed_in) as submitted,
                       sum(d.approved) as approved,
                       sum(d.on_time) as on_time,
                       sum(d.handed_in - d.on_time) as late,
                       case when :pastDue then sum(d.owed - d.handed_in) else 0 end as overdue
                from dashboard_tally d
                join task t on t.id = d.task_id
                %s
                where d.year = :year
                group by grouping sets ((), (t.group_id), (d.task_id), (d.unit_id), (d.kind_id))
                """.formatted(ROOT_AND_CHILDREN.formatted("d"));
        var params = new MapSqlParameterSource("root", root).addValue("year", year).addValue("pastDue", pastDue);
        return jdbc.query(sql, params, (rs, i) -> {
            Grouping grouping;
            long key;
            if (rs.getInt("g_group") == 0) {
                grouping = Grouping.GROUP;
                key = rs.getLong("group_id");
            } else if (rs.getInt("g_task") == 0) {
                grouping = Grouping.TASK;
                key = rs.getLong("task_id");
            } else if (rs.getInt("g_unit") == 0) {
                grouping = Grouping.UNIT;
                key = rs.getLong("top_id");
            } else if (rs.getInt("g_kind") == 0) {
                grouping = Grouping.KIND;
                key = rs.getLong("kind_id");
            } else {
                grouping = Grouping.OVERALL;
                key = 0;
            }
            return new CountsRow(grouping, key, counts(rs));
        });
    }

    private static Counts counts(ResultSet rs) throws SQLException {
        return new Counts(rs.getLong("owed"), rs.getLong("submitted"), rs.getLong("approved"), rs.getLong("on_time"),
                rs.getLong("late"), rs.getLong("overdue"));
    }

    record AgencyRow(long id, String name, String unitName, String kindName) {
    }

    /**
     * One page of the agencies that owe something this year, the root's own first, then by unit and kind.
     * Units are walked in that order and each unit's agencies read by index, so that a page reads what it
     * shows (and what it skips), not every agency of a country.
     */
    List<AgencyRow> matrixAgencies(long root, int year, int limit, int offset) {
        String sql = TREE + """
                select a.id, a.name, u.name as unit_name, a.kind_name
                from (select t.id, t.depth, u.name from tree t join administrative_unit u on u.id = t.id
                      order by t.depth, u.name, u.id) u
                cross join lateral (
                    select a.id, a.name, k.name as kind_name, k.position
                    from agency a join agency_kind k on k.id = a.kind_id
                    where a.unit_id = u.id
                      and exists (select 1 from obligation o where o.year = :year and o.agency_id = a.id)
                    order by k.position, a.name, a.id) a
                order by u.depth, u.name, u.id, a.position, a.name, a.id
                limit :limit offset :offset
                """;
        var params = new MapSqlParameterSource("root", root).addValue("year", year).addValue("limit", limit)
                .addValue("offset", offset);
        return jdbc.query(sql, params, (rs, i) -> new AgencyRow(rs.getLong("id"), rs.getString("name"),
                rs.getString("unit_name"), rs.getString("kind_name")));
    }

    /** How many agencies under the unit owe something this year: the matrix's number of rows. */
    long matrixAgencyCount(long root, int year) {
        String sql = TREE + """
                select count(*) from agency a join tree t on t.id = a.unit_id
                where exists (select 1 from obligation o where o.year = :year and o.agency_id = a.id)
                """;
        return jdbc.queryForObject(sql, new MapSqlParameterSource("root", root).addValue("year", year), Long.class);
    }

    record CellRow(long agencyId, long taskId, Cell cell) {
    }

    List<CellRow> matrixCells(Collection<Long> agencyIds, int year, LocalDate dueOn, boolean pastDue) {
        if (agencyIds.isEmpty()) {
            return List.of();
        }
        String sql = """
                select o.agency_id, o.task_id, r.id as report_id, r.status, %s as first_day
                from obligation o
                left join progress_report r
                       on r.year = o.year and r.agency_id = o.agency_id and r.task_id = o.task_id and r.kind = 'LEAD'
                where o.year = :year and o.agency_id in (:agencies)
                """.formatted(FIRST_SUBMITTED_DAY);
        var params = new MapSqlParameterSource("year", year).addValue("agencies", agencyIds);
        return jdbc.query(sql, params, (rs, i) -> {
            String status = rs.getString("status");
            CellState state = status == null ? CellState.MISSING : CellState.valueOf(status);
            LocalDate first = rs.getObject("first_day", LocalDate.class);
            boolean late = state.handedIn() && first != null && first.isAfter(dueOn);
            boolean overdue = pastDue && !state.handedIn();
            Long reportId = rs.getObject("report_id", Long.class);
            return new CellRow(rs.getLong("agency_id"), rs.getLong("task_id"), new Cell(state, reportId, overdue, late));
        });
    }

    record IndicatorRef(long id, String code, String name, String unit, String memberCategory, IndicatorKind kind) {
    }

    List<IndicatorRef> indicators() {
        return jdbc.query("select id, code, name, unit, member_category, kind from indicator where active order by position, id",
                (rs, i) -> new IndicatorRef(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("unit"), rs.getString("member_category"), IndicatorKind.valueOf(rs.getString("kind"))));
    }

    record IndicatorTotal(long indicatorId, long key, BigDecimal sum, long count) {
    }

    /** Totals per indicator and year, for the years up to and including {@code year}. */
    List<IndicatorTotal> indicatorTotalsByYear(long root, int fromYear, int year, boolean includeSubmitted) {
        String sql = """
                select i.indicator_id, i.year as key_value, %1$s
                from indicator_tally i
                join indicator ind on ind.id = i.indicator_id and ind.kind <> 'STOCK'
                where i.unit_id = :root and i.subtree and i.year between :fromYear and :year
                group by i.indicator_id, i.year
                having %2$s > 0
                union all
                select s.indicator_id, s.year, %3$s
                from stock_tally s
                where s.unit_id = :root and s.subtree and s.year between :fromYear and :year
                group by s.indicator_id, s.year
                having %4$s > 0
                """.formatted(INDICATOR_SUMS, INDICATOR_COUNT, STOCK_SUMS, STOCK_COUNT);
        var params = new MapSqlParameterSource("root", root).addValue("fromYear", fromYear).addValue("year", year)
                .addValue("includeSubmitted", includeSubmitted);
        return jdbc.query(sql, params, (rs, i) -> new IndicatorTotal(rs.getLong("indicator_id"), rs.getInt("key_value"),
                rs.getBigDecimal("total"), rs.getLong("n")));
    }

    /** Totals per indicator and top unit for one year; the key is the unit's id. */
    List<IndicatorTotal> indicatorTotalsByUnit(long root, int year, boolean includeSubmitted) {
        String sql = """
                select i.indicator_id, i.unit_id as top_id, %1$s
                from indicator_tally i
                join indicator ind on ind.id = i.indicator_id and ind.kind <> 'STOCK'
                %2$s
                where i.year = :year
                group by i.indicator_id, i.unit_id
                having %3$s > 0
                union all
                select s.indicator_id, s.unit_id, %4$s
                from stock_tally s
                %5$s
                where s.year = :year
                group by s.indicator_id, s.unit_id
                having %6$s > 0
                """.formatted(INDICATOR_SUMS, ROOT_AND_CHILDREN.formatted("i"), INDICATOR_COUNT,
                STOCK_SUMS, ROOT_AND_CHILDREN.formatted("s"), STOCK_COUNT);
        var params = new MapSqlParameterSource("root", root).addValue("year", year)
                .addValue("includeSubmitted", includeSubmitted);
        return jdbc.query(sql, params, (rs, i) -> new IndicatorTotal(rs.getLong("indicator_id"), rs.getLong("top_id"),
                rs.getBigDecimal("total"), rs.getLong("n")));
    }

    record Target(String memberCategory, BigDecimal minPercent, BigDecimal maxPercent) {
    }

    List<Target> targets(int year) {
        return jdbc.query("""
                        select member_category, min_percent, max_percent from participation_target
                        where :year between year_from and year_to order by member_category""",
                new MapSqlParameterSource("year", year),
                (rs, i) -> new Target(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)));
    }

    /**
     * A participation target's two numbers, summed over the agencies that gave both, per agency kind.
     *
     * @param agencies how many agencies gave both numbers
     * @param expected how many owed a task asking for them or gave one of them
     */
    record ParticipationTotal(String memberCategory, String kindCode, BigDecimal part, BigDecimal total, long agencies,
                              long expected) {
    }

    List<ParticipationTotal> participation(long root, int year, boolean includeSubmitted) {
        String sql = """
                select p.member_category, k.code as kind_code,
                       sum(case when :includeSubmitted then p.part_counted else p.part_approved end) as part,
                       sum(case when :includeSubmitted then p.total_counted else p.total_approved end) as total,
                       sum(case when :includeSubmitted then p.both_counted else p.both_approved end) as agencies,
                       sum(p.expected) as expected
                from participation_tally p
                join agency_kind k on k.id = p.kind_id
                where p.unit_id = :root and p.subtree and p.year = :year
                group by p.member_category, k.code
                """;
        var params = new MapSqlParameterSource("root", root).addValue("year", year)
                .addValue("includeSubmitted", includeSubmitted);
        return jdbc.query(sql, params, (rs, i) -> new ParticipationTotal(rs.getString("member_category"),
                rs.getString("kind_code"), rs.getBigDecimal("part"), rs.getBigDecimal("total"), rs.getLong("agencies"),
                rs.getLong("expected")));
    }

    /** The state budget ({@code planned}, {@code spent}) and the other lawful sources. */
    record BudgetTotal(Long taskId, BigDecimal planned, BigDecimal spent, BigDecimal otherPlanned, BigDecimal otherSpent) {
    }

    /** Budget planned and spent by source: the overall total (task id null) and per task with counted reports. */
    List<BudgetTotal> budget(long root, int year, boolean includeSubmitted) {
        String sql = """
                select grouping(d.task_id) as g_task, d.task_id,
                       coalesce(sum(d.planned_approved + case when :includeSubmitted then d.planned_submitted else 0 end), 0) as planned,
                       coalesce(sum(d.spent_approved + case when :includeSubmitted then d.spent_submitted else 0 end), 0) as spent,
                       coalesce(sum(d.other_planned_approved + case when :includeSubmitted then d.other_planned_submitted else 0 end), 0) as other_planned,
                       coalesce(sum(d.other_spent_approved + case when :includeSubmitted then d.other_spent_submitted else 0 end), 0) as other_spent
                from dashboard_tally d
                where d.unit_id = :root and d.subtree and d.year = :year
                group by grouping sets ((), (d.task_id))
                having grouping(d.task_id) = 1 or sum(%s) > 0
                """.formatted(COUNTED_TALLY);
        var params = new MapSqlParameterSource("root", root).addValue("year", year)
                .addValue("includeSubmitted", includeSubmitted);
        return jdbc.query(sql, params, (rs, i) -> new BudgetTotal(rs.getInt("g_task") == 1 ? null : rs.getLong("task_id"),
                rs.getBigDecimal("planned"), rs.getBigDecimal("spent"), rs.getBigDecimal("other_planned"),
                rs.getBigDecimal("other_spent")));
    }

    record IssuePage(List<Issue> items, long total) {
    }

    /** A report counted in totals that states a difficulty or a proposal (partial index, migration V34). */
    private static final String STATES_AN_ISSUE = """
            (nullif(btrim(r.difficulties), '') is not null or nullif(btrim(r.proposals), '') is not null)""";

    /**
     * The year's difficulties and proposals, in the plan's order of tasks and then by agency, at most
     * {@code limit}, and how many there are. Tasks are walked in order and each task's reports read from
     * a partial index, so that the page stops after the first tasks that fill it.
     */
    IssuePage issues(long root, int year, boolean includeSubmitted, int limit) {
        String sql = TREE + """
                select i.id, i.agency_name, tk.code as task_code, i.status, i.difficulties, i.proposals
                from (select tk.id, tk.code, g.position as group_position, tk.position
                      from task tk join task_group g on g.id = tk.group_id
                      order by g.position, tk.position) tk
                cross join lateral (
                    select r.id, a.name as agency_name, r.status, r.difficulties, r.proposals
                    from progress_report r
                    join scoped s on s.id = r.agency_id
                    join agency a on a.id = r.agency_id
                    where r.year = :year and r.task_id = tk.id and %1$s and %2$s
                    order by a.name, r.id
                    limit :limit) i
                order by tk.group_position, tk.position, i.agency_name, i.id
                limit :limit
                """.formatted(COUNTED, STATES_AN_ISSUE);
        String count = TREE + """
                select count(*) from progress_report r join scoped s on s.id = r.agency_id
                where r.year = :year and %1$s and %2$s
                """.formatted(COUNTED, STATES_AN_ISSUE);
        var params = new MapSqlParameterSource("root", root).addValue("year", year)
                .addValue("includeSubmitted", includeSubmitted).addValue("limit", limit);
        List<Issue> items = jdbc.query(sql, params, (rs, i) -> new Issue(rs.getLong("id"), rs.getString("agency_name"),
                rs.getString("task_code"), rs.getString("status"), blankToNull(rs.getString("difficulties")),
                blankToNull(rs.getString("proposals"))));
        return new IssuePage(items, jdbc.queryForObject(count, params, Long.class));
    }

    record GridTotal(long taskId, int year, long owed, long done) {
    }

    /** Per task and year of the plan: obligations, and reports counted as done. */
    List<GridTotal> grid(long root, boolean includeSubmitted) {
        String sql = """
                select d.task_id, d.year, sum(d.owed) as owed, sum(%s) as done
                from dashboard_tally d
                where d.unit_id = :root and d.subtree
                group by d.task_id, d.year
                having sum(d.owed) > 0
                """.formatted(COUNTED_TALLY);
        var params = new MapSqlParameterSource("root", root).addValue("includeSubmitted", includeSubmitted);
        return jdbc.query(sql, params, (rs, i) -> new GridTotal(rs.getLong("task_id"), rs.getInt("year"),
                rs.getLong("owed"), rs.getLong("done")));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
