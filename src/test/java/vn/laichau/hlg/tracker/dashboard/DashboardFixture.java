package vn.laichau.hlg.tracker.dashboard;

import org.springframework.jdbc.core.JdbcTemplate;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A small, self-contained world whose right answers are worked out by hand: its own province with two
 * districts, four agencies, and reports for the years 2037 and 2038 (years no other test uses), with
 * the 2038 reports due on 31/01/2026, so that "overdue" holds whatever day the tests run.
 *
 * <pre>
 * 2038, due 31/01/2026          task 1          task 4.1                  task 5
 * A0 HLG of the province (P)    –               APPROVED 20/01 (on time)  APPROVED 05/02 (late)
 * A1 UBND of district 1 (D1)    SUBMITTED 30/01 –                         DRAFT
 * A2 HLG of district 1 (D1)     –               –                         RETURNED (first sent 10/01)
 * A3 UBND of district 2 (D2)    no report       –                         APPROVED 31/01 23:00 in Vietnam
 * </pre>
 *
 * Stock indicators over three years (2035, 2037, 2038; 2036 is another test's), members of a category at year end, with a target of
 * 50–100% in those years. A0 repeats its 2038 numbers in two tasks (4.1 and 5): counted once.
 * <pre>
 *                       2035 (A0 4.1)  2037 (A0 4.1)  2038 A0 (4.1 and 5)  2038 A3 (5)  2038 A1 (1, submitted)
 * FXD-STAFF-PART        3              6              9                    –            2
 * FXD-STAFF_TOTAL       6              8              10                   5            4
 * </pre>
 * Approved 2038: STAFF_TOTAL 10 + 5 = 15 (not 25); participation 9/10 = 90% from 1 of 3 agencies (A3
 * gave no part, A1's numbers are only submitted). With submitted: 11/14 = 78.6% from 2 of 3, STAFF_TOTAL 19. Over 2035–2038 the total
 * is the last year's, never 6 + 8 + 15.
 */
public final class DashboardFixture {

    public static final int YEAR = 2038;
    public static final int EARLIER_YEAR = 2037;
    public static final String PREFIX = "FXD";
    public static final String SESSIONS = "FXD-SESSIONS";
    public static final String RATE = "FXD-RATE";
    public static final int FIRST_YEAR = 2035;
    public static final String STAFF_PART = "FXD-STAFF-PART";
    public static final String STAFF_TOTAL = "FXD-STAFF_TOTAL";

    public final long province;
    public final long district1;
    public final long district2;
    public final long a0;
    public final long a1;
    public final long a2;
    public final long a3;
    public final long draftReport;
    public final long returnedReport;
    public final long approvedReport;

    private DashboardFixture(JdbcTemplate jdbc) {
        province = id(jdbc, "select id from administrative_unit where code = 'FXD'");
        district1 = id(jdbc, "select id from administrative_unit where code = 'FXD-1'");
        district2 = id(jdbc, "select id from administrative_unit where code = 'FXD-2'");
        a0 = agency(jdbc, "FXD-A0");
        a1 = agency(jdbc, "FXD-A1");
        a2 = agency(jdbc, "FXD-A2");
        a3 = agency(jdbc, "FXD-A3");
        draftReport = report(jdbc, a1, "5", YEAR);
        returnedReport = report(jdbc, a2, "5", YEAR);
        approvedReport = report(jdbc, a0, "4.1", YEAR);
    }

    /** Creates the fixture once per database (the tests share one) and returns its ids. */
    public static synchronized DashboardFixture ensure(JdbcTemplate jdbc) {
        Integer exists = jdbc.queryForObject("select count(*) from administrative_unit where code = 'FXD'", Integer.class);
        if (exists == null || exists == 0) {
            create(jdbc);
        }
        // Obligations are inserted by hand, not derived from the plan: put back any that a refresh of the
        // derived obligations (run by other tests) removed.
        obligations(jdbc);
        return new DashboardFixture(jdbc);
    }

    public CurrentUser provinceReviewer() {
        return user(Role.PROVINCE_REVIEWER, province);
    }

    public CurrentUser districtReviewer() {
        return user(Role.DISTRICT_REVIEWER, district1);
    }

    public CurrentUser viewer() {
        return user(Role.VIEWER, province);
    }

    public CurrentUser reporter() {
        return new CurrentUser(-904, "fxd.reporter", null, "FXD reporter", Role.REPORTER, a1, null, true, false, false, false);
    }

    private static CurrentUser user(Role role, long unit) {
        return new CurrentUser(-900 - role.ordinal(), "fxd." + role.name().toLowerCase(), null, "FXD " + role, role,
                null, unit, true, false, false, false);
    }

    private static void create(JdbcTemplate jdbc) {
        jdbc.update("""
                insert into reporting_period (year, data_from, data_to, opens_on, due_on) values
                  (2035, date '2034-12-15', date '2035-12-14', date '2024-01-01', date '2024-01-31'),
                  (2037, date '2036-12-15', date '2037-12-14', date '2025-01-01', date '2025-01-31'),
                  (2038, date '2037-12-15', date '2038-12-14', date '2026-01-01', date '2026-01-31')
                on conflict (year) do nothing""");
        jdbc.update("insert into administrative_unit (code, name, level, opened_on) values ('FXD', 'Tỉnh Kiểm Thử', 'PROVINCE', date '2024-01-01')");
        jdbc.update("insert into administrative_unit (code, name, level, parent_id, opened_on) select 'FXD-1', 'Huyện Một', 'DISTRICT', id, date '2024-01-01' from administrative_unit where code = 'FXD'");
        jdbc.update("insert into administrative_unit (code, name, level, parent_id, opened_on) select 'FXD-2', 'Huyện Hai', 'DISTRICT', id, date '2024-01-01' from administrative_unit where code = 'FXD'");
        insertAgency(jdbc, "FXD-A0", "Hội Luật gia Tỉnh Kiểm Thử", "HOI_LUAT_GIA", "FXD");
        insertAgency(jdbc, "FXD-A1", "UBND huyện Một", "UBND", "FXD-1");
        insertAgency(jdbc, "FXD-A2", "Hội Luật gia huyện Một", "HOI_LUAT_GIA", "FXD-1");
        insertAgency(jdbc, "FXD-A3", "UBND huyện Hai", "UBND", "FXD-2");
        jdbc.update("insert into indicator (code, name, unit, position) values (?, 'Số cuộc PBGDPL (kiểm thử)', 'cuộc', 900)", SESSIONS);
        jdbc.update("insert into indicator (code, name, unit, member_category, position, kind) values (?, 'Tỷ lệ hội viên tham gia (kiểm thử)', '%', 'FXD_CAT', 901, 'RATIO')", RATE);
        jdbc.update("insert into participation_target (member_category, year_from, year_to, min_percent, max_percent) values ('FXD_CAT', 2038, 2038, 40, 50)");
        jdbc.update("insert into indicator (code, name, unit, member_category, position) values ('FXD-PAIR-PART', 'Luật gia tham gia (kiểm thử)', 'người', 'FXD_PAIR', 902)");
        jdbc.update("insert into indicator (code, name, unit, member_category, position) values ('FXD-PAIR_TOTAL', 'Tổng số luật gia (kiểm thử)', 'người', 'FXD_PAIR', 903)");
        jdbc.update("insert into participation_target (member_category, year_from, year_to, min_percent, max_percent) values ('FXD_PAIR', 2038, 2038, 100, 100)");
        jdbc.update("insert into indicator (code, name, unit, member_category, position, kind) values (?, 'Cán bộ tham gia (kiểm thử)', 'người', 'FXD_STAFF', 904, 'STOCK')", STAFF_PART);
        jdbc.update("insert into indicator (code, name, unit, member_category, position, kind) values (?, 'Tổng số cán bộ (kiểm thử)', 'người', 'FXD_STAFF', 905, 'STOCK')", STAFF_TOTAL);
        jdbc.update("insert into participation_target (member_category, year_from, year_to, min_percent, max_percent) values ('FXD_STAFF', 2035, 2038, 50, 100)");


        long r1 = insertReport(jdbc, "FXD-A0", "4.1", YEAR, "APPROVED", at(2026, 1, 20, 3), 10_000_000, 8_500_000L,
                "Biên soạn bộ tài liệu khung về kỹ năng PBGDPL.", "Thiếu kinh phí in ấn tài liệu.", null);
        value(jdbc, r1, SESSIONS, 12);
        value(jdbc, r1, RATE, 45);
        value(jdbc, r1, "FXD-PAIR-PART", 8);
        value(jdbc, r1, "FXD-PAIR_TOTAL", 10);
        value(jdbc, r1, STAFF_PART, 9);
        value(jdbc, r1, STAFF_TOTAL, 10);
        long r2 = insertReport(jdbc, "FXD-A0", "5", YEAR, "APPROVED", at(2026, 2, 5, 3), 5_000_000, 5_000_000L,
                "Thành lập thêm 2 Trung tâm pháp luật cộng đồng.", null, "Đề nghị bổ sung biên chế cho Hội.");
        value(jdbc, r2, SESSIONS, 3);
        value(jdbc, r2, STAFF_PART, 9);
        value(jdbc, r2, STAFF_TOTAL, 10);
        long r3 = insertReport(jdbc, "FXD-A1", "1", YEAR, "SUBMITTED", at(2026, 1, 30, 3), 2_000_000, 1_000_000L,
                "Ban hành văn bản chỉ đạo.", "Địa bàn rộng, đi lại khó khăn.", null);
        value(jdbc, r3, SESSIONS, 7);
        // Other lawful sources and documents issued (hand-worked, 2038): approved 3.000.000 planned and
        // 2.500.000 spent (r1), submitted 1.000.000 planned (r3); one plan named by both approved reports.
        sources(jdbc, r1, 3_000_000L, 2_500_000L, "Kế hoạch số 12/KH-HLG ngày 15/01/2038 triển khai Đề án 129.");
        sources(jdbc, r2, null, null, "- Kế hoạch số 12/KH-HLG ngày 15/01/2038 triển khai Đề án 129\n"
                + "Công văn số 5/HLG ngày 02/3/2038 hướng dẫn các chi hội.");
        sources(jdbc, r3, 1_000_000L, 0L, "Chỉ thị số 9 chưa được duyệt.");
        value(jdbc, r3, STAFF_PART, 2);
        value(jdbc, r3, STAFF_TOTAL, 4);
        insertReport(jdbc, "FXD-A1", "5", YEAR, "DRAFT", null, 0, null, "Đang viết.", "Nháp: không được tính.", null);
        insertReport(jdbc, "FXD-A2", "5", YEAR, "RETURNED", at(2026, 1, 10, 3), 0, null, "Thiếu số liệu.",
                "Bị trả lại: không được tính.", null);
        // 23:00 on the due date in Vietnam is 16:00 UTC: still on time.
        long r6 = insertReport(jdbc, "FXD-A3", "5", YEAR, "APPROVED", at(2026, 1, 31, 16), 1_000_000, null,
                "Phối hợp duy trì Trung tâm pháp luật cộng đồng xã.", null, null);
        value(jdbc, r6, SESSIONS, 5);
        value(jdbc, r6, RATE, 30);
        value(jdbc, r6, STAFF_TOTAL, 5);
        long r7 = insertReport(jdbc, "FXD-A0", "4.1", EARLIER_YEAR, "APPROVED", at(2025, 1, 10, 3), 0, null,
                "Năm trước.", null, null);
        value(jdbc, r7, SESSIONS, 4);
        value(jdbc, r7, STAFF_PART, 6);
        value(jdbc, r7, STAFF_TOTAL, 8);
        // The same difficulty as in 2038 (2035), written slightly differently: one item in a report over both years.
        long r8 = insertReport(jdbc, "FXD-A0", "4.1", FIRST_YEAR, "APPROVED", at(2024, 1, 10, 3), 0, null,
                "Hai năm trước.", "thiếu kinh phí in ấn  tài liệu", null);
        value(jdbc, r8, STAFF_PART, 3);
        value(jdbc, r8, STAFF_TOTAL, 6);
    }

    private static void sources(JdbcTemplate jdbc, long report, Long otherPlanned, Long otherSpent, String documents) {
        jdbc.update("update progress_report set budget_other_planned = ?, budget_other_spent = ?, documents_issued = ? where id = ?",
                otherPlanned, otherSpent, documents, report);
    }

    private static OffsetDateTime at(int year, int month, int day, int hourUtc) {
        return OffsetDateTime.of(year, month, day, hourUtc, 0, 0, 0, ZoneOffset.UTC);
    }

    private static void insertAgency(JdbcTemplate jdbc, String code, String name, String kind, String unit) {
        jdbc.update("""
                insert into agency (code, name, kind_id, unit_id, opened_on)
                select ?, ?, k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u
                where k.code = ? and u.code = ?""", code, name, kind, unit);
    }

    private static void obligations(JdbcTemplate jdbc) {
        obligation(jdbc, "FXD-A0", "4.1", YEAR);
        obligation(jdbc, "FXD-A0", "5", YEAR);
        obligation(jdbc, "FXD-A1", "1", YEAR);
        obligation(jdbc, "FXD-A1", "5", YEAR);
        obligation(jdbc, "FXD-A2", "5", YEAR);
        obligation(jdbc, "FXD-A3", "1", YEAR);
        obligation(jdbc, "FXD-A3", "5", YEAR);
        obligation(jdbc, "FXD-A0", "4.1", EARLIER_YEAR);
        obligation(jdbc, "FXD-A0", "4.1", FIRST_YEAR);
    }

    private static void obligation(JdbcTemplate jdbc, String agency, String task, int year) {
        jdbc.update("""
                insert into obligation (agency_id, task_id, year)
                select a.id, t.id, ? from agency a, task t where a.code = ? and t.code = ?
                on conflict (agency_id, task_id, year) do nothing""", year, agency, task);
    }

    private static long insertReport(JdbcTemplate jdbc, String agency, String task, int year, String status,
                                     OffsetDateTime firstSubmitted, long planned, Long spent, String results,
                                     String difficulties, String proposals) {
        boolean handedIn = status.equals("SUBMITTED") || status.equals("APPROVED");
        return jdbc.queryForObject("""
                        insert into progress_report (agency_id, task_id, year, kind, status, implementation_status,
                            percent_complete, results, difficulties, proposals, budget_planned, budget_spent,
                            first_submitted_at, submitted_at, approved_at)
                        select a.id, t.id, ?, 'LEAD', ?, 'IN_PROGRESS', 50, ?, ?, ?, ?, ?, ?, ?, ?
                        from agency a, task t where a.code = ? and t.code = ?
                        returning id""", Long.class,
                year, status, results, difficulties, proposals, planned, spent, firstSubmitted,
                handedIn ? firstSubmitted : null, status.equals("APPROVED") ? firstSubmitted.plusDays(1) : null,
                agency, task);
    }

    private static void value(JdbcTemplate jdbc, long report, String indicator, int value) {
        jdbc.update("insert into report_indicator_value (report_id, indicator_id, value) select ?, id, ? from indicator where code = ?",
                report, value, indicator);
    }

    private static long id(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static long agency(JdbcTemplate jdbc, String code) {
        return id(jdbc, "select id from agency where code = '" + code + "'");
    }

    private static long report(JdbcTemplate jdbc, long agency, String task, int year) {
        return jdbc.queryForObject("""
                select r.id from progress_report r join task t on t.id = r.task_id
                where r.agency_id = ? and t.code = ? and r.year = ? and r.kind = 'LEAD'""", Long.class, agency, task, year);
    }
}
