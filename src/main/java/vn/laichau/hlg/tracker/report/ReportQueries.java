package vn.laichau.hlg.tracker.report;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.laichau.hlg.tracker.report.ReportViews.Laggard;
import vn.laichau.hlg.tracker.report.ReportViews.AttachmentView;
import vn.laichau.hlg.tracker.report.ReportViews.HistoryLine;
import vn.laichau.hlg.tracker.report.ReportViews.Notification;
import vn.laichau.hlg.tracker.report.ReportViews.ObligationRow;
import vn.laichau.hlg.tracker.report.ReportViews.QueueRow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The read side of reports: each page's list in one SQL statement, whatever the number of rows. */
@Component
class ReportQueries {

    private final JdbcClient jdbc;

    ReportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where a report sits: agency, unit, task and the period's due date. */
    record Header(long id, long agencyId, String agencyName, long unitId, String unitName, long taskId, String taskCode,
                  String taskTitle, int year, LocalDate dueOn, LocalDate partFrom, LocalDate partTo) {
    }

    /** The units a reviewer may filter by: its own unit's subtree, in one statement. */
    record UnitOption(long id, String name) {
    }

    List<UnitOption> units(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select id, name from administrative_unit where id in (:ids)
                order by case level when 'PROVINCE' then 0 when 'DISTRICT' then 1 else 2 end, code""")
                .param("ids", unitIds).query(UnitOption.class).list();
    }

    /*
     * part_from/part_to: the part of the year's data window the agency was open, when it opened or closed
     * inside it (null when open throughout). An agency recorded as open since the plan's first day counts
     * as open from the start of the first window (its earlier history is not tracked).
     */
    private static final String PART = """
                   case when a.opened_on > greatest(p.data_from, (select make_date(min(start_year), 1, 1) from plan))
                             or a.closed_on <= p.data_to
                        then greatest(a.opened_on, p.data_from) end as part_from,
                   case when a.opened_on > greatest(p.data_from, (select make_date(min(start_year), 1, 1) from plan))
                             or a.closed_on <= p.data_to
                        then least(coalesce(a.closed_on - 1, p.data_to), p.data_to) end as part_to
            """;

    /** An agency's obligations with their lead report, if any; the callers add where and order by. */
    private static final String OBLIGATIONS = """
            select o.id as obligation_id, t.id as task_id, t.code as task_code, t.title as task_title, o.year,
                   r.id as report_id, r.status, r.return_reason,
                   coalesce((select d.due_on from agency_period_due d where d.agency_id = o.agency_id and d.year = o.year), p.due_on) as due_on,
            """ + PART + """
            from obligation o
            join agency a on a.id = o.agency_id
            join task t on t.id = o.task_id
            join task_group g on g.id = t.group_id
            join reporting_period p on p.year = o.year
            left join progress_report r on r.agency_id = o.agency_id and r.task_id = o.task_id
                                        and r.year = o.year and r.kind = 'LEAD'
            """;

    private static final String HEADER = """
            select r.id, a.id as agency_id, a.name as agency_name, u.id as unit_id, u.name as unit_name,
                   t.id as task_id, t.code as task_code, t.title as task_title, r.year,
                   coalesce((select d.due_on from agency_period_due d where d.agency_id = r.agency_id and d.year = r.year), p.due_on) as due_on,
            """ + PART + """
            from progress_report r
            join agency a on a.id = r.agency_id
            join administrative_unit u on u.id = a.unit_id
            join task t on t.id = r.task_id
            left join reporting_period p on p.year = r.year
            """;

    Optional<Header> header(long reportId) {
        return jdbc.sql(HEADER + "where r.id = ?").param(reportId).query(Header.class).optional();
    }

    /** The headers of several reports in one statement, in id order. */
    List<Header> headers(Collection<Long> reportIds) {
        if (reportIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(HEADER + "where r.id in (:ids) order by r.id").param("ids", reportIds).query(Header.class).list();
    }

    /** The day the agency closed, when it closed before the year's data window began (it owes nothing then). */
    Optional<LocalDate> closedBefore(long agencyId, int year) {
        return jdbc.sql("""
                select a.closed_on from agency a join reporting_period p on p.year = ?
                where a.id = ? and a.closed_on is not null and a.closed_on <= p.data_from""")
                .params(year, agencyId).query(LocalDate.class).optional();
    }

    List<ObligationRow> obligations(long agencyId, int year) {
        return jdbc.sql(OBLIGATIONS + """
                where o.agency_id = ? and o.year = ?
                order by g.position, t.position""").params(agencyId, year).query(ObligationRow.class).list();
    }

    /**
     * What the agency still owes in every year whose period has opened by {@code today}: obligations
     * without a report, drafts and returned reports; returned first, then by due date (most overdue first).
     */
    List<ObligationRow> openObligations(long agencyId, LocalDate today) {
        return jdbc.sql(OBLIGATIONS + """
                where o.agency_id = ? and p.opens_on <= ? and (r.id is null or r.status in ('DRAFT', 'RETURNED'))
                order by (r.status = 'RETURNED') desc nulls last, p.due_on nulls last, o.year, g.position, t.position
                limit 200""").params(agencyId, today).query(ObligationRow.class).list();
    }

    /**
     * The agencies of the units with the most obligations past their due date and not yet submitted
     * ({@code today} in Vietnam), most first.
     */
    List<Laggard> laggards(Collection<Long> unitIds, java.time.LocalDate today, int limit) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select a.id as agency_id, a.name as agency_name, u.name as unit_name, count(*) as overdue,
                       min(p.due_on) as oldest_due_on
                from obligation o
                join agency a on a.id = o.agency_id
                join administrative_unit u on u.id = a.unit_id
                join reporting_period p on p.year = o.year
                left join progress_report r on r.agency_id = o.agency_id and r.task_id = o.task_id
                                            and r.year = o.year and r.kind = 'LEAD'
                where a.unit_id in (:units) and p.due_on < :today
                  and (r.id is null or r.status in ('DRAFT', 'RETURNED'))
                group by a.id, a.name, u.name
                order by count(*) desc, min(p.due_on), a.name
                limit :limit""")
                .param("units", unitIds).param("today", today).param("limit", limit)
                .query(Laggard.class).list();
    }

    /** Tasks of the year that the agency coordinates (and does not lead), with its contribution if started. */
    List<ObligationRow> contributions(long agencyId, int year) {
        return jdbc.sql("""
                select 0 as obligation_id, t.id as task_id, t.code as task_code, t.title as task_title, p.year,
                       r.id as report_id, r.status, p.due_on, r.return_reason,
                       null::date as part_from, null::date as part_to
                from task t
                join task_group g on g.id = t.group_id
                join reporting_period p on p.year = :year
                join agency a on a.id = :agency
                join administrative_unit u on u.id = a.unit_id
                left join progress_report r on r.agency_id = a.id and r.task_id = t.id and r.year = p.year
                                            and r.kind = 'CONTRIBUTION'
                where exists (select 1 from task_timeline_entry tl where tl.task_id = t.id and tl.year = p.year)
                  and exists (select 1 from task_assignment ta
                              where ta.task_id = t.id and ta.role = 'COORDINATING'
                                and ((ta.party_type = 'AGENCY' and ta.agency_id = a.id)
                                  or (ta.party_type = 'KIND' and ta.agency_kind_id = a.kind_id
                                      and (ta.unit_level is null or ta.unit_level = u.level))))
                  and not exists (select 1 from obligation o where o.agency_id = a.id and o.task_id = t.id and o.year = p.year)
                order by g.position, t.position""")
                .param("year", year).param("agency", agencyId).query(ObligationRow.class).list();
    }

    boolean coordinates(long agencyId, long taskId, int year) {
        return contributions(agencyId, year).stream().anyMatch(row -> row.taskId() == taskId);
    }

    List<QueueRow> queue(Collection<Long> unitIds, Integer year, Long taskId, ReportStatus status) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("""
                select r.id as report_id, r.year, a.name as agency_name, u.name as unit_name, t.id as task_id,
                       t.code as task_code, t.title as task_title, r.status, r.submitted_at, r.first_submitted_at
                from progress_report r
                join agency a on a.id = r.agency_id
                join administrative_unit u on u.id = a.unit_id
                join task t on t.id = r.task_id
                join task_group g on g.id = t.group_id
                where r.kind = 'LEAD' and a.unit_id in (:units)""");
        Map<String, Object> params = new HashMap<>();
        params.put("units", unitIds);
        if (year != null) {
            sql.append(" and r.year = :year");
            params.put("year", year);
        }
        if (taskId != null) {
            sql.append(" and r.task_id = :task");
            params.put("task", taskId);
        }
        if (status != null) {
            sql.append(" and r.status = :status");
            params.put("status", status.name());
        }
        sql.append(" order by r.submitted_at nulls last, r.year, g.position, t.position, a.name limit 500");
        return jdbc.sql(sql.toString()).params(params).query(QueueRow.class).list();
    }

    long countWaiting(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                select count(*) from progress_report r join agency a on a.id = r.agency_id
                where r.kind = 'LEAD' and r.status = 'SUBMITTED' and a.unit_id in (:units)""")
                .param("units", unitIds).query(Long.class).single();
    }

    List<HistoryLine> history(long reportId) {
        return jdbc.sql("""
                select e.at, e.actor_name, e.action, e.field, e.old_value, e.new_value, e.comment, i.name as indicator_name
                from report_event e
                left join indicator i on e.field like 'indicator:%' and i.id::text = substring(e.field from 11)
                where e.report_id = ? order by e.at desc, e.id desc""")
                .param(reportId).query(HistoryLine.class).list();
    }

    /** The attachments of several reports in one statement, by report, each report's in upload order. */
    Map<Long, List<AttachmentView>> attachments(Collection<Long> reportIds) {
        Map<Long, List<AttachmentView>> byReport = new HashMap<>();
        if (reportIds.isEmpty()) {
            return byReport;
        }
        jdbc.sql("""
                select report_id, id, file_name, content_type, size_bytes, sha256, uploaded_at
                from report_attachment where report_id in (:ids) order by report_id, uploaded_at, id""")
                .param("ids", reportIds)
                .query((RowCallbackHandler) rs -> byReport.computeIfAbsent(rs.getLong("report_id"), id -> new ArrayList<>())
                        .add(new AttachmentView(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
                                rs.getLong("size_bytes"), rs.getString("sha256"), rs.getTimestamp("uploaded_at").toInstant())));
        return byReport;
    }

    /** Contributions of coordinating agencies to a task's year that have been sent (not drafts). */
    List<Long> sentContributions(long taskId, int year) {
        return jdbc.sql("""
                select id from progress_report
                where kind = 'CONTRIBUTION' and task_id = ? and year = ? and status <> 'DRAFT' order by id""")
                .params(taskId, year).query(Long.class).list();
    }

    /**
     * The sent contributions to a task's year that a lead agency may read: those of agencies in the lead
     * agency's own unit, in a unit above it or in a unit below it (a district's lead does not read the
     * contributions made in another district).
     */
    List<Long> sentContributionsForLead(long taskId, int year, long leadAgencyId) {
        return jdbc.sql("""
                with recursive up(id) as (
                    select unit_id from agency where id = :lead
                    union
                    select u.parent_id from administrative_unit u join up on u.id = up.id where u.parent_id is not null
                ), down(id) as (
                    select unit_id from agency where id = :lead
                    union
                    select u.id from administrative_unit u join down on u.parent_id = down.id
                )
                select r.id from progress_report r join agency a on a.id = r.agency_id
                where r.kind = 'CONTRIBUTION' and r.task_id = :task and r.year = :year and r.status <> 'DRAFT'
                  and (a.unit_id in (select id from up) or a.unit_id in (select id from down))
                order by r.id""")
                .param("lead", leadAgencyId).param("task", taskId).param("year", year).query(Long.class).list();
    }

    Optional<Long> reportOf(long agencyId, long taskId, int year, ReportKind kind) {
        return jdbc.sql("select id from progress_report where agency_id = ? and task_id = ? and year = ? and kind = ?")
                .params(agencyId, taskId, year, kind.name()).query(Long.class).optional();
    }

    /**
     * What concerns a person: for reviewers, submissions in their units; for reporters, returns,
     * approvals and reopenings of their agency's reports, and the contributions that coordinating agencies
     * of their unit or of a unit below it (at most two levels: communes under a district) sent to a task
     * their agency leads that year. The last 90 days, newest first.
     */
    List<Notification> notifications(long accountId, Collection<Long> unitIds, Long agencyId, Instant since, int limit) {
        boolean reviewer = agencyId == null;
        if (reviewer && unitIds.isEmpty()) {
            return List.of();
        }
        String sql = """
                select e.report_id, e.at, e.action, e.actor_name, a.name as agency_name, t.code as task_code, r.year,
                       e.comment, (e.at > coalesce(nr.read_at, timestamptz '1970-01-01') and """ + NOT_ACTED_ON + """
                       ) as unread, r.kind
                """ + latestConcerning(reviewer);
        return notificationParams(jdbc.sql(sql), accountId, unitIds, agencyId, since, limit)
                .query(Notification.class).list();
    }

    /** How many of the notifications {@link #notifications} lists are unread, counted in the database. */
    long unreadNotifications(long accountId, Collection<Long> unitIds, Long agencyId, Instant since, int limit) {
        boolean reviewer = agencyId == null;
        if (reviewer && unitIds.isEmpty()) {
            return 0;
        }
        String sql = """
                select count(*) filter (where unread) from (
                    select e.at > coalesce(nr.read_at, timestamptz '1970-01-01') and """ + NOT_ACTED_ON + """
                       as unread
                """ + latestConcerning(reviewer) + ") n";
        return notificationParams(jdbc.sql(sql), accountId, unitIds, agencyId, since, limit)
                .query(Long.class).single();
    }

    /**
     * A notification stays new only while its step is the report's latest: once someone acts on the
     * report (a reviewer approves, returns or reopens it, the agency submits it again), it is no longer
     * new for anyone.
     */
    private static final String NOT_ACTED_ON = " " + """
             not exists (select 1 from report_event later
                        where later.report_id = e.report_id
                          and later.action in ('SUBMITTED', 'APPROVED', 'RETURNED', 'REOPENED')
                          and (later.at > e.at or (later.at = e.at and later.id > e.id)))""";

    /** The latest events that concern a reviewer (of :units) or a reporter (of :agency), newest first. */
    private static String latestConcerning(boolean reviewer) {
        return """
                from report_event e
                join progress_report r on r.id = e.report_id
                join agency a on a.id = r.agency_id
                join task t on t.id = r.task_id
                left join notification_read nr on nr.account_id = :account
                where e.at >= :since and e.actor_id is distinct from :account and """
                + (reviewer ? " e.action = 'SUBMITTED' and r.kind = 'LEAD' and a.unit_id in (:units)"
                            : """
                             ((e.action in ('RETURNED', 'APPROVED', 'REOPENED') and r.agency_id = :agency)
                              or (e.action = 'SUBMITTED' and r.kind = 'CONTRIBUTION' and exists (
                                  select 1 from obligation o
                                  join agency la on la.id = o.agency_id
                                  join administrative_unit cu on cu.id = a.unit_id
                                  left join administrative_unit pu on pu.id = cu.parent_id
                                  where o.agency_id = :agency and o.task_id = r.task_id and o.year = r.year
                                    and la.unit_id in (cu.id, pu.id, pu.parent_id))))""")
                + " order by e.at desc, e.id desc limit :limit";
    }

    private static JdbcClient.StatementSpec notificationParams(JdbcClient.StatementSpec spec, long accountId,
                                                               Collection<Long> unitIds, Long agencyId,
                                                               Instant since, int limit) {
        spec = spec.param("account", accountId).param("since", java.sql.Timestamp.from(since)).param("limit", limit);
        return agencyId == null ? spec.param("units", unitIds) : spec.param("agency", agencyId);
    }

    void markRead(long accountId, Instant now) {
        jdbc.sql("""
                insert into notification_read (account_id, read_at) values (?, ?)
                on conflict (account_id) do update set read_at = excluded.read_at""")
                .params(accountId, java.sql.Timestamp.from(now)).update();
    }

    List<ObligationRow> none() {
        return new ArrayList<>();
    }
}
