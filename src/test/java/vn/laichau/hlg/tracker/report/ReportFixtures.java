package vn.laichau.hlg.tracker.report;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import vn.laichau.hlg.tracker.period.ObligationService;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Agencies and accounts of one test, with unique names, removed again afterwards (with every report,
 * obligation and mark that refers to them) so that no other test sees them.
 */
final class ReportFixtures {

    private final JdbcTemplate jdbc;
    private final ObligationService obligations;
    private final List<Long> agencies = new ArrayList<>();
    private final List<Long> accounts = new ArrayList<>();
    private final List<String> confirmedDistricts = new ArrayList<>();

    ReportFixtures(JdbcTemplate jdbc, ObligationService obligations) {
        this.jdbc = jdbc;
        this.obligations = obligations;
    }

    /** A new open agency of a kind in a unit; its obligations are derived at once. */
    long agency(String kindCode, String unitCode) {
        return agencies(1, kindCode, unitCode).get(0);
    }

    /** Several new open agencies of a kind in a unit, with their obligations derived once for all. */
    List<Long> agencies(int count, String kindCode, String unitCode) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            Long id = jdbc.queryForObject("""
                    insert into agency (code, name, kind_id, unit_id, opened_on)
                    select ?, ?, k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u
                    where k.code = ? and u.code = ? returning id""", Long.class, code, "Cơ quan thử " + code, kindCode, unitCode);
            agencies.add(id);
            ids.add(id);
        }
        obligations.refresh();
        return ids;
    }

    /**
     * Since 1/7/2025 the district's work is done by its successor communes: reviewers scoped to the district
     * oversee them once this is confirmed (undone at cleanup).
     */
    void confirmSuccessors(String districtCode) {
        jdbc.update("""
                update unit_successor set scope_confirmed = true
                where unit_id = (select id from administrative_unit where code = ?)""", districtCode);
        confirmedDistricts.add(districtCode);
    }

    long unitId(String unitCode) {
        return jdbc.queryForObject("select id from administrative_unit where code = ?", Long.class, unitCode);
    }

    long taskId(String code) {
        return jdbc.queryForObject("select id from task where code = ?", Long.class, code);
    }

    long obligation(long agencyId, String taskCode, int year) {
        return jdbc.queryForObject("select id from obligation where agency_id = ? and task_id = ? and year = ?", Long.class,
                agencyId, taskId(taskCode), year);
    }

    CurrentUser reporter(long agencyId) {
        return account(Role.REPORTER, agencyId, null, null);
    }

    CurrentUser reviewer(Role role, String unitCode, Long agencyId) {
        return account(role, agencyId, unitId(unitCode), null);
    }

    CurrentUser account(Role role, Long agencyId, Long unitId, String email) {
        String username = "t." + role.name().toLowerCase() + "." + UUID.randomUUID().toString().substring(0, 8);
        Long id = jdbc.queryForObject("""
                insert into account (username, display_name, password_hash, role, agency_id, unit_id, email, email_verified_at)
                values (?, ?, '{noop}x', ?, ?, ?, ?, case when ?::text is null then null else now() end) returning id""", Long.class,
                username, "Người thử " + username, role.name(), agencyId, unitId, email, email);
        accounts.add(id);
        return new CurrentUser(id, username, null, "Người thử " + username, role, agencyId, unitId, true, false, false,
                role == Role.ADMIN);
    }

    static Authentication auth(CurrentUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    void cleanup() {
        for (String district : confirmedDistricts) {
            jdbc.update("""
                    update unit_successor set scope_confirmed = false
                    where unit_id = (select id from administrative_unit where code = ?)""", district);
        }
        confirmedDistricts.clear();
        for (Long agency : agencies) {
            jdbc.update("delete from report_event where report_id in (select id from progress_report where agency_id = ?)", agency);
            jdbc.update("delete from report_attachment where report_id in (select id from progress_report where agency_id = ?)", agency);
            jdbc.update("delete from report_indicator_value where report_id in (select id from progress_report where agency_id = ?)", agency);
            jdbc.update("delete from progress_report where agency_id = ?", agency);
            jdbc.update("delete from period_reopening where agency_id = ?", agency);
        }
        for (Long agency : agencies) {
            jdbc.update("delete from agency_reminder where agency_id = ?", agency);
        }
        for (Long account : accounts) {
            jdbc.update("delete from agency_reminder where sent_by = ?", account);
            jdbc.update("delete from report_event where actor_id = ?", account);
            jdbc.update("delete from notification_read where account_id = ?", account);
            jdbc.update("delete from reminder_digest where account_id = ?", account);
            jdbc.update("delete from account where id = ?", account);
        }
        for (Long agency : agencies) {
            jdbc.update("delete from obligation where agency_id = ?", agency);
            jdbc.update("delete from agency where id = ?", agency);
        }
        agencies.clear();
        accounts.clear();
    }
}
