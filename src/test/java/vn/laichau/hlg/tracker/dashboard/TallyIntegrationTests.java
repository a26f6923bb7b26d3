package vn.laichau.hlg.tracker.dashboard;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's tallies (migration V32) are derived data kept current by triggers. After every kind of
 * change their rows must equal what the source rows add up to, recomputed here independently, and two
 * transactions changing the same tally at once must both be counted.
 *
 * <p>Each test builds its own world (a province with a district holding a commune, agencies in each) for
 * the year 2044, which no other test uses.
 */
@IntegrationTest
class TallyIntegrationTests {

    static final int YEAR = 2044;

    /** Every tally row of the world that has anything in it, as the triggers kept it. */
    static final String KEPT = """
            select d.unit_id, d.subtree, d.kind_id, d.task_id, d.year, d.owed, d.handed_in, d.approved, d.on_time,
                   d.planned_approved, d.spent_approved, d.planned_submitted, d.spent_submitted,
                   d.other_planned_approved, d.other_spent_approved, d.other_planned_submitted, d.other_spent_submitted
            from dashboard_tally d join administrative_unit u on u.id = d.unit_id
            where u.code like '%1$s%%' and d.owed > 0
            order by 1, 2, 3, 4, 5""";

    /** The same figures recomputed from obligations and reports, through the unit tree. */
    static final String EXPECTED = """
            with recursive world as (select id from administrative_unit where code like '%1$s%%'),
            closure (ancestor_id, unit_id) as (
                select id, id from world
                union all
                select c.ancestor_id, u.id from closure c join administrative_unit u on u.parent_id = c.unit_id
            ),
            base as (
                select a.unit_id, a.kind_id, o.task_id, o.year, r.status, r.budget_planned, r.budget_spent,
                       r.budget_other_planned, r.budget_other_spent,
                       (coalesce(r.first_submitted_at, r.submitted_at) at time zone 'Asia/Ho_Chi_Minh')::date <= p.due_on as in_time
                from obligation o
                join agency a on a.id = o.agency_id
                left join progress_report r
                       on r.agency_id = o.agency_id and r.task_id = o.task_id and r.year = o.year and r.kind = 'LEAD'
                left join reporting_period p on p.year = o.year
            ),
            levels as (
                select c.ancestor_id as at_unit, true as subtree, b.*
                from base b join closure c on c.unit_id = b.unit_id
                union all
                select b.unit_id, false, b.* from base b join world w on w.id = b.unit_id
            )
            select l.at_unit as unit_id, l.subtree, l.kind_id, l.task_id, l.year, count(*)::int as owed,
                   (count(*) filter (where l.status in ('SUBMITTED', 'APPROVED')))::int as handed_in,
                   (count(*) filter (where l.status = 'APPROVED'))::int as approved,
                   (count(*) filter (where l.status in ('SUBMITTED', 'APPROVED') and l.in_time))::int as on_time,
                   coalesce(sum(l.budget_planned) filter (where l.status = 'APPROVED'), 0)::numeric(20, 0) as planned_approved,
                   coalesce(sum(l.budget_spent) filter (where l.status = 'APPROVED'), 0)::numeric(20, 0) as spent_approved,
                   coalesce(sum(l.budget_planned) filter (where l.status = 'SUBMITTED'), 0)::numeric(20, 0) as planned_submitted,
                   coalesce(sum(l.budget_spent) filter (where l.status = 'SUBMITTED'), 0)::numeric(20, 0) as spent_submitted,
                   coalesce(sum(l.budget_other_planned) filter (where l.status = 'APPROVED'), 0)::numeric(20, 0) as other_planned_approved,
                   coalesce(sum(l.budget_other_spent) filter (where l.status = 'APPROVED'), 0)::numeric(20, 0) as other_spent_approved,
                   coalesce(sum(l.budget_other_planned) filter (where l.status = 'SUBMITTED'), 0)::numeric(20, 0) as other_planned_submitted,
                   coalesce(sum(l.budget_other_spent) filter (where l.status = 'SUBMITTED'), 0)::numeric(20, 0) as other_spent_submitted
            from levels l
            group by 1, 2, 3, 4, 5
            order by 1, 2, 3, 4, 5""";

    static final String KEPT_INDICATORS = """
            select i.unit_id, i.subtree, i.kind_id, i.task_id, i.year, i.indicator_id,
                   i.sum_approved, i.n_approved, i.sum_submitted, i.n_submitted
            from indicator_tally i join administrative_unit u on u.id = i.unit_id
            where u.code like '%1$s%%' and (i.n_approved > 0 or i.n_submitted > 0)
            order by 1, 2, 3, 4, 5, 6""";

    static final String EXPECTED_INDICATORS = """
            with recursive world as (select id from administrative_unit where code like '%1$s%%'),
            closure (ancestor_id, unit_id) as (
                select id, id from world
                union all
                select c.ancestor_id, u.id from closure c join administrative_unit u on u.parent_id = c.unit_id
            ),
            base as (
                select a.unit_id, a.kind_id, r.task_id, r.year, v.indicator_id, r.status, v.value
                from progress_report r
                join agency a on a.id = r.agency_id
                join report_indicator_value v on v.report_id = r.id
                where r.kind = 'LEAD' and r.status in ('SUBMITTED', 'APPROVED')
            ),
            levels as (
                select c.ancestor_id as at_unit, true as subtree, b.* from base b join closure c on c.unit_id = b.unit_id
                union all
                select b.unit_id, false, b.* from base b join world w on w.id = b.unit_id
            )
            select l.at_unit as unit_id, l.subtree, l.kind_id, l.task_id, l.year, l.indicator_id,
                   coalesce(sum(l.value) filter (where l.status = 'APPROVED'), 0)::numeric(24, 2) as sum_approved,
                   (count(*) filter (where l.status = 'APPROVED'))::int as n_approved,
                   coalesce(sum(l.value) filter (where l.status = 'SUBMITTED'), 0)::numeric(24, 2) as sum_submitted,
                   (count(*) filter (where l.status = 'SUBMITTED'))::int as n_submitted
            from levels l
            group by 1, 2, 3, 4, 5, 6
            order by 1, 2, 3, 4, 5, 6""";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    /** The code prefix of the world the running test built. */
    private String w;

    private void world(String prefix) {
        w = prefix;
        jdbc.update("""
                insert into reporting_period (year, data_from, data_to, opens_on, due_on)
                values (2044, date '2043-12-15', date '2044-12-14', date '2044-01-01', date '2044-12-20')
                on conflict (year) do nothing""");
        jdbc.update("insert into administrative_unit (code, name, level, opened_on) values (?, 'Tỉnh Đếm', 'PROVINCE', date '2024-01-01')", w);
        jdbc.update("insert into administrative_unit (code, name, level, parent_id, opened_on) select ?, 'Huyện Đếm', 'DISTRICT', id, date '2024-01-01' from administrative_unit where code = ?", w + "-1", w);
        jdbc.update("insert into administrative_unit (code, name, level, parent_id, opened_on) select ?, 'Xã Đếm', 'COMMUNE', id, date '2024-01-01' from administrative_unit where code = ?", w + "-1-1", w + "-1");
        agency(w + "-A0", "HOI_LUAT_GIA", w);
        agency(w + "-A1", "UBND", w + "-1");
        agency(w + "-A2", "HOI_LUAT_GIA", w + "-1");
        agency(w + "-A3", "UBND", w + "-1-1");
        agency(w + "-A4", "UBND", w + "-1-1");
        for (String agency : List.of("-A0", "-A1", "-A2", "-A3", "-A4")) {
            for (String task : List.of("1", "5")) {
                jdbc.update("""
                        insert into obligation (agency_id, task_id, year)
                        select a.id, t.id, ? from agency a, task t where a.code = ? and t.code = ?""", YEAR, w + agency, task);
            }
        }
        report(w + "-A0", "1", "APPROVED", "2044-12-01", 5_000_000, 4_000_000);
        report(w + "-A1", "1", "SUBMITTED", "2044-12-25", 2_000_000, 1_000_000);
        report(w + "-A2", "5", "DRAFT", null, 700_000, 0);
        report(w + "-A3", "5", "SUBMITTED", "2044-12-10", 300_000, 100_000);
        report(w + "-A4", "5", "SUBMITTED", "2044-12-11", 400_000, 200_000);
        value(w + "-A0", "1", "PBGDPL_SESSIONS", 10);
        value(w + "-A1", "1", "PBGDPL_SESSIONS", 4);
        value(w + "-A2", "5", "PBGDPL_SESSIONS", 99);
        value(w + "-A3", "5", "PBGDPL_SESSIONS", 3);
    }

    @Test
    void theTalliesFollowEveryKindOfChange() {
        world("TLA");
        assertTalliesExact();
        Map<String, Object> before = provinceTotals();
        assertThat(before).containsEntry("owed", 10L).containsEntry("handed_in", 4L).containsEntry("approved", 1L)
                .containsEntry("on_time", 3L);

        // Workflow steps, as the report module writes them.
        jdbc.update("update progress_report set status = 'APPROVED', approved_at = now() where id = ?", reportId(w + "-A1", "1"));
        assertTalliesExact();
        jdbc.update("update progress_report set status = 'RETURNED', return_reason = 'Thiếu số liệu' where id = ?", reportId(w + "-A3", "5"));
        assertTalliesExact();
        jdbc.update("""
                update progress_report set status = 'SUBMITTED', first_submitted_at = timestamptz '2044-12-05 03:00Z',
                    submitted_at = now() where id = ?""", reportId(w + "-A2", "5"));
        assertTalliesExact();
        // A draft's text being saved changes nothing counted.
        jdbc.update("update progress_report set results = 'Viết thêm' where id = ?", reportId(w + "-A2", "5"));
        assertTalliesExact();
        // Other lawful sources changed alone are recounted, as the state budget is.
        jdbc.update("update progress_report set budget_other_planned = 7000000, budget_other_spent = null where id = ?",
                reportId(w + "-A1", "1"));
        assertTalliesExact();

        // Indicator values added, changed and removed.
        value(w + "-A4", "5", "PBGDPL_SESSIONS", 6);
        jdbc.update("update report_indicator_value set value = 12 where report_id = ?", reportId(w + "-A0", "1"));
        jdbc.update("delete from report_indicator_value where report_id = ?", reportId(w + "-A1", "1"));
        assertTalliesExact();

        // An agency moved to another unit, another given another kind.
        jdbc.update("update agency set unit_id = (select id from administrative_unit where code = ?) where code = ?", w, w + "-A3");
        jdbc.update("update agency set kind_id = (select id from agency_kind where code = 'HOI_LUAT_GIA') where code = ?", w + "-A4");
        assertTalliesExact();

        // A later due date puts late reports on time; an obligation no longer owed leaves the counts.
        jdbc.update("update reporting_period set due_on = date '2044-12-31' where year = ?", YEAR);
        assertTalliesExact();
        jdbc.update("delete from obligation where agency_id = (select id from agency where code = ?) and year = ? and task_id = (select id from task where code = '5')", w + "-A0", YEAR);
        assertTalliesExact();

        Map<String, Object> after = provinceTotals();
        assertThat(after).containsEntry("owed", 9L).containsEntry("handed_in", 4L).containsEntry("approved", 2L)
                .containsEntry("on_time", 4L);
    }

    @Test
    void twoTransactionsChangingTheSameTallyAreBothCounted() throws Exception {
        world("TLB");
        long first = reportId(w + "-A3", "5");
        long second = reportId(w + "-A4", "5");
        jdbc.update("update agency set unit_id = (select id from administrative_unit where code = ?), kind_id = (select id from agency_kind where code = 'UBND') where code in (?, ?)", w + "-1-1", w + "-A3", w + "-A4");
        jdbc.update("update progress_report set status = 'SUBMITTED' where id in (?, ?)", first, second);
        long approvedBefore = approvedInCommune();

        TransactionTemplate tx = new TransactionTemplate(transactions);
        CountDownLatch firstWritten = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
            jdbc.update("update progress_report set status = 'APPROVED' where id = ?", first);
            firstWritten.countDown();
            await(firstMayCommit);
        }));
        assertThat(firstWritten.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> two = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status ->
                jdbc.update("update progress_report set status = 'APPROVED' where id = ?", second)));
        // The first commits only once the second is really waiting for the tally rows it holds.
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
                Long.class) > 0);
        firstMayCommit.countDown();
        CompletableFuture.allOf(one, two).get(30, TimeUnit.SECONDS);

        assertThat(approvedInCommune()).isEqualTo(approvedBefore + 2);
        assertTalliesExact();
    }

    private long approvedInCommune() {
        return jdbc.queryForObject("""
                select coalesce(sum(d.approved), 0) from dashboard_tally d join administrative_unit u on u.id = d.unit_id
                where u.code = ? and not d.subtree and d.year = ?""", Long.class, w + "-1-1", YEAR);
    }

    private Map<String, Object> provinceTotals() {
        return jdbc.queryForMap("""
                select sum(d.owed)::bigint as owed, sum(d.handed_in)::bigint as handed_in,
                       sum(d.approved)::bigint as approved, sum(d.on_time)::bigint as on_time
                from dashboard_tally d join administrative_unit u on u.id = d.unit_id
                where u.code = ? and d.subtree and d.year = ?""", w, YEAR);
    }

    private void assertTalliesExact() {
        assertThat(jdbc.queryForList(KEPT.formatted(w))).isEqualTo(jdbc.queryForList(EXPECTED.formatted(w))).isNotEmpty();
        assertThat(jdbc.queryForList(KEPT_INDICATORS.formatted(w))).isEqualTo(jdbc.queryForList(EXPECTED_INDICATORS.formatted(w))).isNotEmpty();
    }

    private void agency(String code, String kind, String unit) {
        jdbc.update("""
                insert into agency (code, name, kind_id, unit_id, opened_on)
                select ?, ?, k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u
                where k.code = ? and u.code = ?""", code, "Cơ quan " + code, kind, unit);
    }

    private void report(String agency, String task, String status, String firstSubmittedOn, long planned, long spent) {
        jdbc.update("""
                insert into progress_report (agency_id, task_id, year, kind, status, budget_planned, budget_spent,
                                             budget_other_planned, budget_other_spent, first_submitted_at, submitted_at)
                select a.id, t.id, ?, 'LEAD', ?, ?, ?, ?, ?, cast(? as date) + time '03:00', cast(? as date) + time '03:00'
                from agency a, task t where a.code = ? and t.code = ?""",
                // A quarter of each amount also comes from other lawful sources, so that both are counted.
                YEAR, status, planned, spent, planned / 4, spent / 4, firstSubmittedOn, firstSubmittedOn, agency, task);
    }

    private void value(String agency, String task, String indicator, int value) {
        jdbc.update("""
                insert into report_indicator_value (report_id, indicator_id, value)
                select ?, id, ? from indicator where code = ?""", reportId(agency, task), value, indicator);
    }

    private long reportId(String agency, String task) {
        return jdbc.queryForObject("""
                select r.id from progress_report r join agency a on a.id = r.agency_id join task t on t.id = r.task_id
                where a.code = ? and t.code = ? and r.year = ? and r.kind = 'LEAD'""", Long.class, agency, task, YEAR);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
