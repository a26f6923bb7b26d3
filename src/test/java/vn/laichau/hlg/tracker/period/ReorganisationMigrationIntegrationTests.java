package vn.laichau.hlg.tracker.period;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.laichau.hlg.tracker.support.TestDatabase;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 2025 reorganisation applied to a database that already holds the reports of 2024: every figure of
 * 2024 stays as it was, 2025 is owed by the districts for their half and by the communes for theirs,
 * and 2026 by the communes alone. The "before" database is migrated to the version just before the
 * reorganisation and its obligations derived as that version derived them.
 */
class ReorganisationMigrationIntegrationTests {

    /** The first version of the dated structure and the 2025 reorganisation. */
    private static final MigrationVersion FIRST = MigrationVersion.fromVersion("60");

    /** How obligations were derived before assignments had dates (the version before V60). */
    private static final String PREVIOUS_DERIVATION = """
            insert into obligation (agency_id, task_id, year)
            select distinct a.id, ta.task_id, p.year
            from task_assignment ta
            join task_timeline_entry tl on tl.task_id = ta.task_id
            join reporting_period p on p.year = tl.year
            join agency a on (ta.party_type = 'AGENCY' and a.id = ta.agency_id)
                          or (ta.party_type = 'KIND' and a.kind_id = ta.agency_kind_id)
            join administrative_unit u on u.id = a.unit_id
            where ta.role = 'LEAD'
              and (ta.party_type = 'AGENCY' or ta.unit_level is null or u.level = ta.unit_level)
              and a.opened_on <= p.data_to
              and (a.closed_on is null or a.closed_on > p.data_from)
            on conflict do nothing""";

    private static final String OBLIGATIONS = """
            select a.code || ' ' || t.code || ' ' || o.year from obligation o
            join agency a on a.id = o.agency_id join task t on t.id = o.task_id
            where o.year = ? order by 1""";

    private static final String TALLIES = """
            select u.code || (case when d.subtree then ' subtree ' else ' own ' end) || k.code || ' ' || t.code
                   || ' owed=' || d.owed || ' in=' || d.handed_in || ' approved=' || d.approved || ' onTime=' || d.on_time
                   || ' planned=' || d.planned_approved || '/' || d.planned_submitted
                   || ' spent=' || d.spent_approved || '/' || d.spent_submitted
            from dashboard_tally d
            join administrative_unit u on u.id = d.unit_id join agency_kind k on k.id = d.kind_id
            join task t on t.id = d.task_id
            where d.year = ? and (d.owed > 0 or d.handed_in > 0) order by 1""";

    private static final String INDICATORS = """
            select u.code || (case when i.subtree then ' subtree ' else ' own ' end) || k.code || ' ' || t.code || ' '
                   || n.code || ' ' || i.sum_approved || '/' || i.n_approved || ' ' || i.sum_submitted || '/' || i.n_submitted
            from indicator_tally i
            join administrative_unit u on u.id = i.unit_id join agency_kind k on k.id = i.kind_id
            join task t on t.id = i.task_id join indicator n on n.id = i.indicator_id
            where i.year = ? order by 1""";

    private static final String REPORTS = """
            select a.code || ' ' || t.code || ' ' || r.year || ' ' || r.kind || ' ' || r.status || ' '
                   || coalesce(r.budget_planned::text, '-') || ' ' || coalesce(r.budget_spent::text, '-')
            from progress_report r join agency a on a.id = r.agency_id join task t on t.id = r.task_id
            where r.year = ? order by 1""";

    private JdbcTemplate admin;
    private String name;
    private DriverManagerDataSource database;
    private JdbcTemplate jdbc;

    @BeforeEach
    void createDatabase() {
        TestDatabase server = TestDatabase.get();
        admin = new JdbcTemplate(new DriverManagerDataSource(server.url(), server.username(), server.password()));
        name = "reorg_" + Long.toString(System.nanoTime(), 36).toLowerCase(Locale.ROOT);
        admin.execute("create database " + name);
        database = new DriverManagerDataSource(server.urlOf(name), server.username(), server.password());
        jdbc = new JdbcTemplate(database);
    }

    @AfterEach
    void dropDatabase() {
        admin.execute("drop database " + name + " with (force)");
    }

    @Test
    void figuresOf2024StayAndLaterYearsFollowTheNewStructure() {
        migrate(versionBefore(FIRST));
        jdbc.update(PREVIOUS_DERIVATION);
        report("UBND-TAM-DUONG", "1", 2024, "APPROVED", 12_000_000, 9_500_000, "2024-12-01");
        report("HLG-PHONG-THO", "3", 2024, "APPROVED", 5_000_000, 4_000_000, "2024-12-20");
        report("HDPH-SIN-HO", "2", 2024, "SUBMITTED", 1_000_000, 700_000, "2024-12-10");
        report("HLG-TINH", "4.2", 2024, "APPROVED", 30_000_000, 28_000_000, "2024-11-30");
        report("UBND-MUONG-TE", "1", 2024, "DRAFT", 0, 0, null);
        report("UBND-TAM-DUONG", "1", 2025, "SUBMITTED", 6_000_000, 5_000_000, "2025-06-20");
        indicator("UBND-TAM-DUONG", "1", 2024, "PBGDPL_SESSIONS", 14);
        indicator("HLG-TINH", "4.2", 2024, "TRAINING_COURSES", 3);
        Map<String, List<String>> before = figuresOf(2024);
        assertThat(before.get("obligations")).hasSize(73);
        assertThat(before.get("tallies")).isNotEmpty();
        assertThat(before.get("indicators")).isNotEmpty();

        migrate(null);
        new ObligationService(JdbcClient.create(database)).refresh();

        assertThat(figuresOf(2024)).isEqualTo(before);
        // and the kept tallies are what a full rebuild gives
        jdbc.execute("select refresh_dashboard_tallies(all_dashboard_keys())");
        assertThat(figuresOf(2024)).isEqualTo(before);
    }

    @Test
    void obligationsOf2025And2026MatchTheHandWorkedTable() {
        migrate(null);
        ObligationService obligations = new ObligationService(JdbcClient.create(database));
        obligations.refresh();

        // 2024: as issued. Task 1: 3 departments + 8 UBND huyện; tasks 2, 3, 4.3, 5, 7.3, 10: the province's
        // body + 8 district bodies; 4.1, 4.2, 6, 7.1, 7.2, 8, 9, 11.2: Hội Luật gia tỉnh; 11.1 not in 2024.
        assertThat(count(2024)).isEqualTo(11 + 6 * 9 + 8);
        // 2025: the districts for their half year, and from 1/7 the 38 UBND xã, phường (task 1 only).
        assertThat(count(2025)).isEqualTo(11 + 38 + 6 * 9 + 8);
        // 2026: no district agency; task 1 by the departments and the 38 communes; 11.1 (interim review) is due.
        assertThat(count(2026)).isEqualTo(3 + 38 + 6 + 8 + 1);
        assertThat(jdbc.queryForList(OBLIGATIONS, String.class, 2026))
                .noneMatch(line -> line.matches("^(UBND|HLG|HDPH)-(TP-LAI-CHAU|TAM-DUONG|PHONG-THO|SIN-HO|MUONG-TE|NAM-NHUN|TAN-UYEN|THAN-UYEN) .*"))
                .contains("UBND-XA-BINH-LU 1 2026", "UBND-PHUONG-DOAN-KET 1 2026", "HDPH-TINH 2 2026", "HLG-TINH 11.1 2026");
        assertThat(jdbc.queryForList(OBLIGATIONS, String.class, 2025))
                .contains("UBND-TAM-DUONG 1 2025", "HLG-TAM-DUONG 10 2025", "UBND-XA-BINH-LU 1 2025");
        assertThat(jdbc.queryForObject("""
                select count(*) from obligation o join agency a on a.id = o.agency_id
                where a.closed_on is not null and o.year >= 2026""", Integer.class)).isZero();
    }

    @Test
    void theProvinceIsAsItIsTodayWithEveryDistrictClosedAndSucceeded() {
        migrate(null);

        assertThat(jdbc.queryForObject("""
                select count(*) from administrative_unit where level = 'COMMUNE' and closed_on is null
                  and parent_id = (select id from administrative_unit where code = '12')""", Integer.class)).isEqualTo(38);
        assertThat(jdbc.queryForObject("select count(*) from administrative_unit where name like 'Phường %' and level = 'COMMUNE'",
                Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForList("select code || ' ' || closed_on from administrative_unit where level = 'DISTRICT' order by code",
                String.class)).hasSize(8).allMatch(line -> line.endsWith(" 2025-07-01"));
        assertThat(jdbc.queryForList("""
                select d.code || ' ' || count(*) from unit_successor s join administrative_unit d on d.id = s.unit_id
                group by d.code order by d.code""", String.class))
                .containsExactly("105 2", "106 4", "107 7", "108 8", "109 5", "110 4", "111 4", "112 4");
        assertThat(jdbc.queryForObject("""
                select count(*) from agency a join administrative_unit u on u.id = a.unit_id
                where u.level = 'DISTRICT' and a.closed_on = date '2025-07-01'""", Integer.class)).isEqualTo(24);
        assertThat(jdbc.queryForObject("""
                select count(*) from agency a join administrative_unit u on u.id = a.unit_id join agency_kind k on k.id = a.kind_id
                where u.level = 'COMMUNE' and k.code = 'UBND' and a.closed_on is null""", Integer.class)).isEqualTo(38);
        assertThat(jdbc.queryForObject("select name from agency where code = 'UBND-XA-PA-U'", String.class)).isEqualTo("UBND xã Pa Ủ");
        // Every district-level assignment is carried by someone from 1/7/2025; the issued ones are untouched.
        assertThat(jdbc.queryForObject("""
                select count(*) from task_assignment ta where ta.unit_level = 'DISTRICT'
                  and not exists (select 1 from task_assignment_carrier c where c.assignment_id = ta.id and c.valid_from = date '2025-07-01')""",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from task_assignment where unit_level = 'DISTRICT'", Integer.class)).isEqualTo(10);
    }

    private int count(int year) {
        return jdbc.queryForObject("select count(*) from obligation where year = ?", Integer.class, year);
    }

    private Map<String, List<String>> figuresOf(int year) {
        return Map.of("obligations", jdbc.queryForList(OBLIGATIONS, String.class, year),
                "tallies", jdbc.queryForList(TALLIES, String.class, year),
                "indicators", jdbc.queryForList(INDICATORS, String.class, year),
                "reports", jdbc.queryForList(REPORTS, String.class, year));
    }

    private void report(String agency, String task, int year, String status, long planned, long spent, String submittedOn) {
        jdbc.update("""
                insert into progress_report (agency_id, task_id, year, kind, status, implementation_status, percent_complete,
                                             budget_planned, budget_spent, first_submitted_at, submitted_at)
                select a.id, t.id, ?, 'LEAD', ?, 'IN_PROGRESS', 50, ?, ?, ?::timestamptz, ?::timestamptz
                from agency a, task t where a.code = ? and t.code = ?""",
                year, status, planned, spent, submittedOn == null ? null : submittedOn + "T09:00:00+07:00",
                submittedOn == null ? null : submittedOn + "T09:00:00+07:00", agency, task);
    }

    private void indicator(String agency, String task, int year, String indicator, int value) {
        jdbc.update("""
                insert into report_indicator_value (report_id, indicator_id, value)
                select r.id, i.id, ? from progress_report r join agency a on a.id = r.agency_id join task t on t.id = r.task_id,
                     indicator i
                where a.code = ? and t.code = ? and r.year = ? and i.code = ?""", value, agency, task, year, indicator);
    }

    /** The last migration before {@code version}, whatever other migrations come before it. */
    private String versionBefore(MigrationVersion version) {
        return java.util.Arrays.stream(Flyway.configure().dataSource(database).locations("classpath:db/migration").load()
                        .info().all())
                .map(MigrationInfo::getVersion)
                .filter(v -> v != null && v.compareTo(version) < 0)
                .max(MigrationVersion::compareTo)
                .orElseThrow().getVersion();
    }

    private void migrate(String target) {
        var configuration = Flyway.configure().dataSource(database).locations("classpath:db/migration");
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }
}
