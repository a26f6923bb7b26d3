package vn.laichau.hlg.tracker.export;

import vn.laichau.hlg.tracker.report.DifficultyKind;
import vn.laichau.hlg.tracker.report.DifficultyStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.laichau.hlg.tracker.dashboard.IndicatorKind;
import vn.laichau.hlg.tracker.shared.VietnamTime;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/** The exports' SQL: one statement per list, rows streamed rather than held, whatever their number. */
@Repository
class ExportQueries {

    /** Same tree as the dashboard's: the unit and every unit below it. */
    private static final String TREE = """
            with recursive tree(id, depth) as (
                select id, 0 from administrative_unit where id = :root
                union all
                select u.id, t.depth + 1 from administrative_unit u join tree t on u.parent_id = t.id
            )
            """;

    private final NamedParameterJdbcTemplate jdbc;

    ExportQueries(DataSource dataSource) {
        // Its own template: rows come from the server in batches instead of all at once.
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(1000);
        this.jdbc = new NamedParameterJdbcTemplate(template);
    }

    /**
     * One obligation of the year with its lead report, if any; report fields are null where none. For
     * someone who may read approved reports only (a viewer), every other report is left out entirely:
     * its status reads {@code NOT_APPROVED}, whether it is missing, a draft, submitted or returned.
     */
    record ReportLine(String agencyCode, String agencyName, String unitName, String kindName, String taskCode,
                      String taskTitle, Long reportId, String status, String implementationStatus, Integer percent,
                      LocalDate firstSubmitted, LocalDate approved, LocalDate dueOn, BigDecimal budgetPlanned,
                      BigDecimal budgetSpent, BigDecimal budgetOtherPlanned, BigDecimal budgetOtherSpent,
                      String documentsIssued, String results, String difficulties, String proposals) {
    }

    void reportLines(long root, int year, boolean viewerOnlyApproved, Consumer<ReportLine> consumer) {
        String sql = TREE + """
                select a.code as agency_code, a.name as agency_name, u.name as unit_name, k.name as kind_name,
                       t.code as task_code, t.title as task_title, r.id as report_id,
                       case when :onlyApproved and r.id is null then 'NOT_APPROVED' else r.status end as status,
                       r.implementation_status,
                       r.percent_complete,
                       %1$s as first_submitted,
                       %3$s as approved, coalesce(ad.due_on, p.due_on) as due_on,
                       r.budget_planned, r.budget_spent, r.budget_other_planned, r.budget_other_spent,
                       case when %2$s then r.documents_issued end as documents_issued,
                       case when %2$s then r.results end as results,
                       case when %2$s then r.difficulties end as difficulties,
                       case when %2$s then r.proposals end as proposals
                from obligation o
                join agency a on a.id = o.agency_id
                join tree tr on tr.id = a.unit_id
                join administrative_unit u on u.id = a.unit_id
                join agency_kind k on k.id = a.kind_id
                join task t on t.id = o.task_id
                join task_group g on g.id = t.group_id
                left join reporting_period p on p.year = o.year
                left join agency_period_due ad on ad.agency_id = o.agency_id and ad.year = o.year
                left join progress_report r
                       on r.year = o.year and r.agency_id = o.agency_id and r.task_id = o.task_id and r.kind = 'LEAD'
                      and (not :onlyApproved or r.status = 'APPROVED')
                where o.year = :year
                order by tr.depth, u.name, a.name, a.id, g.position, t.position
                """.formatted(VietnamTime.FIRST_SUBMITTED_DAY_SQL, "(r.status = 'APPROVED' or (not :onlyApproved and r.status = 'SUBMITTED'))",
                        VietnamTime.dayInSql("r.approved_at"));
        var params = new MapSqlParameterSource("root", root).addValue("year", year)
                .addValue("onlyApproved", viewerOnlyApproved);
        jdbc.query(sql, params, (RowCallbackHandler) rs -> consumer.accept(new ReportLine(
                rs.getString("agency_code"), rs.getString("agency_name"), rs.getString("unit_name"),
                rs.getString("kind_name"), rs.getString("task_code"), rs.getString("task_title"),
                rs.getObject("report_id", Long.class), rs.getString("status"), rs.getString("implementation_status"),
                rs.getObject("percent_complete", Integer.class), rs.getObject("first_submitted", LocalDate.class),
                rs.getObject("approved", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                rs.getBigDecimal("budget_planned"), rs.getBigDecimal("budget_spent"),
                rs.getBigDecimal("budget_other_planned"), rs.getBigDecimal("budget_other_spent"),
                rs.getString("documents_issued"), rs.getString("results"),
                rs.getString("difficulties"), rs.getString("proposals"))));
    }

    /**
     * A task of the plan.
     *
     * @param runs whether its timeline has a year in the report's years (task 11.1 runs in 2026 and 2030 only)
     */
    record TaskLine(long id, String code, String title, String groupCode, String groupTitle, int groupSize,
                    boolean runs, String timelineWording) {
    }

    List<TaskLine> tasks(int from, int to) {
        return jdbc.query("""
                select t.id, t.code, t.title, g.code as group_code, g.title as group_title,
                       count(*) over (partition by g.id) as group_size,
                       exists (select 1 from task_timeline_entry e where e.task_id = t.id and e.year between :from and :to) as runs,
                       t.timeline_wording
                from task t join task_group g on g.id = t.group_id
                order by g.position, t.position""", new MapSqlParameterSource("from", from).addValue("to", to),
                (rs, i) -> new TaskLine(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
                        rs.getString("group_code"), rs.getString("group_title"), rs.getInt("group_size"),
                        rs.getBoolean("runs"), rs.getString("timeline_wording")));
    }

    /**
     * Budget of the approved lead reports of the years by source, and how many of them state one.
     *
     * @param statePlanned state budget planned
     * @param otherPlanned other lawful sources planned
     */
    record BudgetTotal(BigDecimal statePlanned, BigDecimal stateSpent, BigDecimal otherPlanned, BigDecimal otherSpent,
                       long reports) {

        BigDecimal planned() {
            return statePlanned.add(otherPlanned);
        }

        BigDecimal spent() {
            return stateSpent.add(otherSpent);
        }
    }

    BudgetTotal budget(long root, int from, int to) {
        String sql = TREE + """
                select coalesce(sum(r.budget_planned), 0) as planned, coalesce(sum(r.budget_spent), 0) as spent,
                       coalesce(sum(r.budget_other_planned), 0) as other_planned,
                       coalesce(sum(r.budget_other_spent), 0) as other_spent,
                       count(*) filter (where coalesce(r.budget_planned, 0) > 0 or coalesce(r.budget_spent, 0) > 0
                                           or coalesce(r.budget_other_planned, 0) > 0
                                           or coalesce(r.budget_other_spent, 0) > 0) as reports
                from progress_report r
                join agency a on a.id = r.agency_id
                join tree tr on tr.id = a.unit_id
                where r.year between :from and :to and r.kind = 'LEAD' and r.status = 'APPROVED'
                """;
        return jdbc.queryForObject(sql, new MapSqlParameterSource("root", root).addValue("from", from).addValue("to", to),
                (rs, i) -> new BudgetTotal(rs.getBigDecimal("planned"), rs.getBigDecimal("spent"),
                        rs.getBigDecimal("other_planned"), rs.getBigDecimal("other_spent"), rs.getLong("reports")));
    }

    /** An obligation of the years without an approved report: who has not reported what. */
    record Missing(String agencyName, String taskCode, int year) {
    }

    List<Missing> missing(long root, int from, int to) {
        String sql = TREE + """
                select a.name as agency_name, t.code as task_code, o.year
                from obligation o
                join agency a on a.id = o.agency_id
                join tree tr on tr.id = a.unit_id
                join administrative_unit u on u.id = a.unit_id
                join task t on t.id = o.task_id
                join task_group g on g.id = t.group_id
                where o.year between :from and :to
                  and not exists (select 1 from progress_report r
                                  where r.agency_id = o.agency_id and r.task_id = o.task_id and r.year = o.year
                                    and r.kind = 'LEAD' and r.status = 'APPROVED')
                order by tr.depth, u.name, a.name, a.id, g.position, t.position, o.year
                """;
        return jdbc.query(sql, new MapSqlParameterSource("root", root).addValue("from", from).addValue("to", to),
                (rs, i) -> new Missing(rs.getString("agency_name"), rs.getString("task_code"), rs.getInt("year")));
    }

    /** The unit a report is made for: its name as the list of units writes it, and its level. */
    record Unit(String name, String level) {
    }

    Unit unit(long root) {
        return jdbc.queryForObject("select name, level from administrative_unit where id = :id",
                new MapSqlParameterSource("id", root), (rs, i) -> new Unit(rs.getString("name"), rs.getString("level")));
    }

    record TaskCompleteness(long taskId, long owed, long approved) {
    }

    List<TaskCompleteness> completeness(long root, int from, int to) {
        String sql = TREE + """
                select o.task_id, count(*) as owed, count(r.id) filter (where r.status = 'APPROVED') as approved
                from obligation o
                join agency a on a.id = o.agency_id
                join tree tr on tr.id = a.unit_id
                left join progress_report r
                       on r.year = o.year and r.agency_id = o.agency_id and r.task_id = o.task_id and r.kind = 'LEAD'
                where o.year between :from and :to
                group by o.task_id
                """;
        return jdbc.query(sql, new MapSqlParameterSource("root", root).addValue("from", from).addValue("to", to),
                (rs, i) -> new TaskCompleteness(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
    }

    /**
     * An approved report's prose, or a coordinating agency's contribution sent to the lead agency (which
     * is not reviewed), in the plan's order of tasks, then year, lead reports first, and agency.
     */
    record ApprovedText(long taskId, int year, String agencyName, String documentsIssued, String results,
                        String difficulties, String proposals, boolean contribution) {
    }

    void approvedTexts(long root, int from, int to, Consumer<ApprovedText> consumer) {
        String sql = TREE + """
                select r.task_id, r.year, a.name as agency_name, r.documents_issued, r.results, r.difficulties, r.proposals,
                       r.kind = 'CONTRIBUTION' as contribution
                from progress_report r
                join agency a on a.id = r.agency_id
                join tree tr on tr.id = a.unit_id
                join task t on t.id = r.task_id
                join task_group g on g.id = t.group_id
                where r.year between :from and :to
                  and ((r.kind = 'LEAD' and r.status = 'APPROVED')
                       or (r.kind = 'CONTRIBUTION' and r.status in ('SUBMITTED', 'APPROVED')))
                order by g.position, t.position, r.year, r.kind desc, tr.depth, a.name, r.id
                """;
        jdbc.query(sql, new MapSqlParameterSource("root", root).addValue("from", from).addValue("to", to),
                (RowCallbackHandler) rs -> consumer.accept(new ApprovedText(rs.getLong("task_id"), rs.getInt("year"),
                        rs.getString("agency_name"), text(rs, "documents_issued"), text(rs, "results"),
                        text(rs, "difficulties"), text(rs, "proposals"),
                        rs.getBoolean("contribution"))));
    }

    /**
     * One difficulty or proposal of an approved report (or a sent contribution) as an item: {@code itemId} is
     * the item it was merged into when it is a duplicate, so that rows of one item share it; the text,
     * status and answer are that item's.
     */
    record IssueItem(long itemId, DifficultyKind kind, String text, DifficultyStatus status, String answer, long taskId,
                     int year, String agencyName, boolean contribution) {
    }

    List<IssueItem> issueItems(long root, int from, int to) {
        String sql = TREE + """
                select m.id as item_id, d.kind, m.text, m.status, m.answer, r.task_id, r.year, a.name as agency_name,
                       r.kind = 'CONTRIBUTION' as contribution
                from difficulty_item d
                join difficulty_item m on m.id = coalesce(d.merged_into, d.id)
                join progress_report r on r.id = d.report_id
                join agency a on a.id = r.agency_id
                join tree tr on tr.id = a.unit_id
                join task t on t.id = r.task_id
                join task_group g on g.id = t.group_id
                where r.year between :from and :to
                  and ((r.kind = 'LEAD' and r.status = 'APPROVED')
                       or (r.kind = 'CONTRIBUTION' and r.status in ('SUBMITTED', 'APPROVED')))
                order by g.position, t.position, r.year, r.kind desc, tr.depth, a.name, r.id, d.position, d.id
                """;
        return jdbc.query(sql, new MapSqlParameterSource("root", root).addValue("from", from).addValue("to", to),
                (rs, i) -> new IssueItem(rs.getLong("item_id"), DifficultyKind.valueOf(rs.getString("kind")),
                        rs.getString("text"), DifficultyStatus.valueOf(rs.getString("status")), rs.getString("answer"),
                        rs.getLong("task_id"), rs.getInt("year"), rs.getString("agency_name"), rs.getBoolean("contribution")));
    }

    record IndicatorTotal(long taskId, long indicatorId, String name, String unit, IndicatorKind kind, int year,
                          BigDecimal total, long count) {
    }

    /** Indicator totals of approved reports per task, indicator and year. */
    List<IndicatorTotal> indicatorTotals(long root, int from, int to) {
        String sql = TREE + """
                select r.task_id, i.id, i.name, i.unit, i.kind, r.year, sum(v.value) as total, count(*) as n
                from progress_report r
                join agency a on a.id = r.agency_id
                join tree tr on tr.id = a.unit_id
                join report_indicator_value v on v.report_id = r.id
                join indicator i on i.id = v.indicator_id
                where r.year between :from and :to and r.status = 'APPROVED' and r.kind = 'LEAD'
                group by r.task_id, i.id, i.name, i.unit, i.kind, i.position, r.year
                order by r.task_id, i.position, i.id, r.year
                """;
        return jdbc.query(sql, new MapSqlParameterSource("root", root).addValue("from", from).addValue("to", to),
                (rs, i) -> new IndicatorTotal(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        IndicatorKind.valueOf(rs.getString(5)), rs.getInt(6), rs.getBigDecimal(7), rs.getLong(8)));
    }

    private static String text(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
