package vn.laichau.hlg.tracker.dashboard;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.laichau.hlg.tracker.export.ExportService;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.support.IntegrationTest;
import vn.laichau.hlg.tracker.support.SqlStatementCounter;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard and every export run the same number of SQL statements for a handful of agencies as for
 * twenty times as many with all their reports: nothing is loaded row by row.
 */
@IntegrationTest
class StatementCountIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DashboardService dashboards;
    @Autowired
    ExportService exports;

    @Test
    void theDashboardAndTheExportsRunABoundedNumberOfStatementsWhateverTheDataSize() throws Exception {
        String root = "FXS-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("insert into administrative_unit (code, name, level, opened_on) values (?, 'Tỉnh Đếm', 'PROVINCE', date '2024-01-01')", root);
        jdbc.update("insert into indicator (code, name, unit, position) values (?, 'Chỉ tiêu đếm', 'cuộc', 950)", root + "-I");
        long unit = jdbc.queryForObject("select id from administrative_unit where code = ?", Long.class, root);
        CurrentUser reviewer = new CurrentUser(-950, "fxs", null, "FXS", Role.PROVINCE_REVIEWER, null, unit, true, false, false, false);

        addAgencies(root, 2, 0);
        int[] small = count(reviewer);
        addAgencies(root, 40, 2);
        int[] large = count(reviewer);

        assertThat(jdbc.queryForObject("""
                select count(*) from progress_report r join agency a on a.id = r.agency_id
                where a.code like ?""", Long.class, root + "%")).isGreaterThan(200);
        assertThat(large).as("statements for dashboard, xlsx, csv, docx").containsExactly(small);
        assertThat(small[0]).as("dashboard statements").isLessThanOrEqualTo(20);
    }

    private int[] count(CurrentUser reviewer) throws Exception {
        Locale vietnamese = Locale.forLanguageTag("vi");
        int dashboard = queries(() -> dashboards.dashboard(reviewer, 2025, null, true, 1));
        int xlsx = queries(() -> exports.dashboardXlsx(reviewer, 2025, null, true, vietnamese, new ByteArrayOutputStream()));
        int csv = queries(() -> exports.reportsCsv(reviewer, 2025, null, vietnamese, new ByteArrayOutputStream()));
        int docx = queries(() -> exports.consolidatedDocx(reviewer, 2024, 2026, null, vietnamese, new ByteArrayOutputStream()));
        return new int[]{dashboard, xlsx, csv, docx};
    }

    /**
     * The queries the call prepares, through the application's own (transactional) services: a statement
     * created without SQL is the transaction's own housekeeping, which comes and goes with the pooled
     * connection, and is left out.
     */
    private static int queries(SqlStatementCounter.Action action) throws Exception {
        return (int) SqlStatementCounter.statements(action).stream().filter(sql -> !"?".equals(sql)).count();
    }

    /** Agencies in the root, each owing and reporting every task in 2024–2026 with an indicator value. */
    private void addAgencies(String root, int count, int offset) {
        for (int i = offset; i < offset + count; i++) {
            jdbc.update("""
                    insert into agency (code, name, kind_id, unit_id, opened_on)
                    select ?, ?, k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u
                    where k.code = 'UBND' and u.code = ?""", root + "-A" + i, "Cơ quan đếm " + i, root);
        }
        jdbc.update("""
                insert into obligation (agency_id, task_id, year)
                select a.id, t.id, y from agency a, task t, generate_series(2024, 2026) y
                where a.code like ? and not exists (select 1 from obligation o where o.agency_id = a.id)""", root + "-A%");
        jdbc.update("""
                insert into progress_report (agency_id, task_id, year, kind, status, results, difficulties,
                    budget_planned, budget_spent, first_submitted_at, submitted_at, approved_at)
                select o.agency_id, o.task_id, o.year, 'LEAD',
                       case when o.task_id % 3 = 0 then 'SUBMITTED' else 'APPROVED' end,
                       'Kết quả', 'Khó khăn', 1000000, 500000, now(), now(), now()
                from obligation o join agency a on a.id = o.agency_id
                where a.code like ? and not exists (select 1 from progress_report r where r.agency_id = o.agency_id)""",
                root + "-A%");
        jdbc.update("""
                insert into report_indicator_value (report_id, indicator_id, value)
                select r.id, (select id from indicator where code = ?), 3 from progress_report r join agency a on a.id = r.agency_id
                where a.code like ?
                  and not exists (select 1 from report_indicator_value v where v.report_id = r.id)""", root + "-I", root + "-A%");
    }
}
