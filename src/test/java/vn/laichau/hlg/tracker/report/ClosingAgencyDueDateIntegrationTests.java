package vn.laichau.hlg.tracker.report;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.laichau.hlg.tracker.shared.VietnamTime;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A district agency that closed on 1/7/2025 may have its 2025 report due on its own day; "on time" is then
 * measured against that day, in the dashboard's tallies and on the report itself.
 */
@IntegrationTest
class ClosingAgencyDueDateIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReportQueries queries;

    private long agency;
    private Long report;

    @AfterEach
    void cleanup() {
        if (report != null) {
            jdbc.update("delete from progress_report where id = ?", report);
        }
        jdbc.update("delete from agency_period_due where agency_id = ? and year = 2025", agency);
    }

    @Test
    void aClosingAgencysReportHandedInAfterThePeriodsDueDateButBeforeItsOwnIsOnTime() {
        Map<String, Object> owed = jdbc.queryForMap("""
                select o.agency_id, o.task_id, a.unit_id, a.kind_id
                from obligation o join agency a on a.id = o.agency_id
                where o.year = 2025 and a.closed_on = date '2025-07-01'
                  and not exists (select 1 from progress_report r
                                  where r.agency_id = o.agency_id and r.task_id = o.task_id and r.year = o.year)
                order by o.agency_id, o.task_id limit 1""");
        agency = (Long) owed.get("agency_id");
        long task = (Long) owed.get("task_id");
        long unit = (Long) owed.get("unit_id");
        long kind = (Long) owed.get("kind_id");
        LocalDate periodDue = jdbc.queryForObject("select due_on from reporting_period where year = 2025", LocalDate.class);
        int before = onTime(unit, kind, task);

        // Handed in three days after the period's due date, at noon in Lai Châu.
        Timestamp handedIn = Timestamp.from(periodDue.plusDays(3).atTime(12, 0).atZone(VietnamTime.ZONE).toInstant());
        report = jdbc.queryForObject("""
                insert into progress_report (agency_id, task_id, year, status, submitted_at, first_submitted_at)
                values (?, ?, 2025, 'SUBMITTED', ?, ?) returning id""", Long.class, agency, task, handedIn, handedIn);
        assertThat(onTime(unit, kind, task)).as("late against the period's due date").isEqualTo(before);
        assertThat(queries.header(report).orElseThrow().dueOn()).isEqualTo(periodDue);

        jdbc.update("insert into agency_period_due (agency_id, year, due_on, set_by) values (?, 2025, ?, 'admin')",
                agency, periodDue.plusDays(10));
        assertThat(onTime(unit, kind, task)).as("on time against its own due date").isEqualTo(before + 1);
        assertThat(queries.header(report).orElseThrow().dueOn()).isEqualTo(periodDue.plusDays(10));

        jdbc.update("update agency_period_due set due_on = ? where agency_id = ? and year = 2025", periodDue.plusDays(2), agency);
        assertThat(onTime(unit, kind, task)).as("its own day passed before it handed in").isEqualTo(before);

        jdbc.update("delete from agency_period_due where agency_id = ? and year = 2025", agency);
        assertThat(onTime(unit, kind, task)).isEqualTo(before);
        assertThat(queries.header(report).orElseThrow().dueOn()).isEqualTo(periodDue);
    }

    private int onTime(long unit, long kind, long task) {
        return jdbc.queryForObject("""
                select coalesce(sum(on_time), 0) from dashboard_tally
                where unit_id = ? and kind_id = ? and task_id = ? and year = 2025 and not subtree""",
                Integer.class, unit, kind, task);
    }
}
