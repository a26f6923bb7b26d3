package vn.laichau.hlg.tracker.account.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import vn.laichau.hlg.tracker.shared.AuditEvent;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.support.IntegrationTest;
import vn.laichau.hlg.tracker.support.SqlStatementCounter;
import vn.laichau.hlg.tracker.support.TestAccounts;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.laichau.hlg.tracker.support.AdminRequests.admin;

/**
 * /admin lists the accounts the 1/7/2025 reorganisation left behind (a reporter of UBND huyện Tam Đường, a
 * reviewer of huyện Tam Đường) and moves each, once confirmed, to a successor; the account keeps what it
 * did. Every test rolls back.
 */
@IntegrationTest
@Transactional
@RecordApplicationEvents
class AccountMoveWebIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApplicationEvents events;

    private CurrentUser reporter;
    private CurrentUser reviewer;
    private CurrentUser provinceReporter;
    private long tamDuong;
    private long binhLu;

    @BeforeEach
    void accounts() {
        reporter = accounts.create("mv.r", Role.REPORTER, "UBND-TAM-DUONG", null);
        reviewer = accounts.create("mv.d", Role.DISTRICT_REVIEWER, "HLG-TAM-DUONG", "106");
        provinceReporter = accounts.create("mv.p", Role.REPORTER, "UBND-TINH", null);
        tamDuong = id("select id from agency where code = 'UBND-TAM-DUONG'");
        binhLu = id("select id from agency where unit_id = (select id from administrative_unit where code = '03390') "
                + "and kind_id = (select id from agency_kind where code = 'UBND')");
    }

    @Test
    void theFrontPageListsTheAccountsOfClosedAgenciesAndUnitsWithTheirSuccessors() throws Exception {
        mvc.perform(get("/admin").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Tài khoản của cơ quan, đơn vị đã đóng"),
                        containsString(reporter.getUsername()), containsString(reviewer.getUsername()),
                        not(containsString(provinceReporter.getUsername())),
                        containsString("UBND huyện Tam Đường"), containsString("Huyện Tam Đường"),
                        containsString("Đã đóng từ ngày 01/07/2025"),
                        containsString("action=\"/admin/accounts/" + reporter.id() + "/move\""),
                        containsString("<option value=\"" + binhLu + "\">UBND xã Bình Lư</option>"),
                        containsString(">UBND tỉnh Lai Châu</option>"),
                        containsString("<option value=\"" + unit("03390") + "\">Xã Bình Lư</option>"))));
    }

    @Test
    void aReporterMovesToASuccessorAgencyOnlyOnceConfirmedAndKeepsWhatItDid() throws Exception {
        Map<String, Object> obligation = jdbc.queryForMap("""
                select o.task_id, o.year from obligation o
                where o.agency_id = ? and o.year = 2024
                  and not exists (select 1 from progress_report r where r.agency_id = o.agency_id and r.task_id = o.task_id
                                  and r.year = o.year and r.kind = 'LEAD')
                order by o.task_id limit 1""", tamDuong);
        long report = id("insert into progress_report (agency_id, task_id, year, status, results, created_by_id) "
                        + "values (?, ?, 2024, 'SUBMITTED', 'Đã tổ chức 2 hội nghị', ?) returning id",
                tamDuong, obligation.get("task_id"), reporter.id());

        mvc.perform(get("/admin/accounts/{id}/move", reporter.id()).param("target", String.valueOf(binhLu)).with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Chuyển tài khoản " + reporter.getUsername() + " sang UBND xã Bình Lư?"),
                        containsString("name=\"confirmed\" value=\"1\""))));
        // Without the confirmation's answer, nothing moves.
        mvc.perform(post("/admin/accounts/{id}/move", reporter.id()).with(admin()).with(csrf())
                        .param("target", String.valueOf(binhLu)).param("version", "0"))
                .andExpect(status().isOk());
        assertThat(agencyOf(reporter)).isEqualTo(tamDuong);
        // Only a successor may be chosen.
        long phongTho = id("select id from agency where code = 'UBND-XA-PHONG-THO'");
        mvc.perform(post("/admin/accounts/{id}/move", reporter.id()).with(admin()).with(csrf())
                        .param("target", String.valueOf(phongTho)).param("version", "0").param("confirmed", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(
                        containsString("id=\"target-error\">Chỉ được chuyển sang cơ quan, đơn vị kế thừa trong danh sách.")));
        // A stale version is refused.
        mvc.perform(post("/admin/accounts/{id}/move", reporter.id()).with(admin()).with(csrf())
                        .param("target", String.valueOf(binhLu)).param("version", "7").param("confirmed", "1"))
                .andExpect(status().isConflict());
        assertThat(agencyOf(reporter)).isEqualTo(tamDuong);
        assertThat(events.stream(AuditEvent.class)).isEmpty();

        mvc.perform(post("/admin/accounts/{id}/move", reporter.id()).with(admin()).with(csrf())
                        .param("target", String.valueOf(binhLu)).param("version", "0").param("confirmed", "1"))
                .andExpect(redirectedUrl("/admin"))
                .andExpect(flash().attribute("flashSuccess", "admin.moves.moved"));

        assertThat(agencyOf(reporter)).isEqualTo(binhLu);
        assertThat(jdbc.queryForMap("select agency_id, created_by_id, status, results from progress_report where id = ?", report))
                .containsEntry("agency_id", tamDuong).containsEntry("created_by_id", reporter.id())
                .containsEntry("status", "SUBMITTED").containsEntry("results", "Đã tổ chức 2 hội nghị");
        assertThat(events.stream(AuditEvent.class))
                .extracting(AuditEvent::kind, AuditEvent::actor, AuditEvent::target, AuditEvent::oldValue, AuditEvent::newValue)
                .containsExactly(tuple("ACCOUNT_MOVED", "test.admin", "account:" + reporter.getUsername(),
                        "name=" + reporter.displayName() + ", role=REPORTER, agency=" + tamDuong + ", unit=null",
                        "name=" + reporter.displayName() + ", role=REPORTER, agency=" + binhLu + ", unit=null"));
        mvc.perform(get("/admin").with(admin()))
                .andExpect(content().string(not(containsString(reporter.getUsername()))));
        mvc.perform(get("/admin/accounts/{id}/move", reporter.id()).with(admin())).andExpect(status().isNotFound());
    }

    @Test
    void aReviewerOfAClosedDistrictMovesToASuccessorCommuneAndLeavesTheClosedAgency() throws Exception {
        long commune = unit("03390");
        mvc.perform(post("/admin/accounts/{id}/move", reviewer.id()).with(admin()).with(csrf())
                        .param("target", String.valueOf(unit("12"))).param("version", "0").param("confirmed", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"target-error\"")));
        mvc.perform(post("/admin/accounts/{id}/move", reviewer.id()).with(admin()).with(csrf())
                        .param("target", "").param("version", "0").param("confirmed", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"target-error\">Hãy chọn nơi chuyển đến.")));

        mvc.perform(post("/admin/accounts/{id}/move", reviewer.id()).with(admin()).with(csrf())
                        .param("target", String.valueOf(commune)).param("version", "0").param("confirmed", "1"))
                .andExpect(redirectedUrl("/admin"));
        Map<String, Object> moved = jdbc.queryForMap("select role, agency_id, unit_id from account where id = ?", reviewer.id());
        assertThat(moved).containsEntry("role", "DISTRICT_REVIEWER").containsEntry("unit_id", commune);
        assertThat(moved.get("agency_id")).isNull();
    }

    @Test
    void theFrontPageCostsTheSameStatementsForTwoOrTwelveAccountsToMove() throws Exception {
        int few = SqlStatementCounter.count(() -> mvc.perform(get("/admin").with(admin())).andExpect(status().isOk()));
        for (int i = 0; i < 5; i++) {
            accounts.create("mv.r", Role.REPORTER, "HLG-TAM-DUONG", null);
            accounts.create("mv.v", Role.VIEWER, null, "109");
        }
        int many = SqlStatementCounter.count(() -> mvc.perform(get("/admin").with(admin()))
                .andExpect(content().string(containsString(">Hội Luật gia tỉnh</option>"))));
        assertThat(many).isEqualTo(few).isLessThanOrEqualTo(8);
    }

    private Long agencyOf(CurrentUser user) {
        return jdbc.queryForObject("select agency_id from account where id = ?", Long.class, user.id());
    }

    private long unit(String code) {
        return id("select id from administrative_unit where code = ?", code);
    }

    private long id(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
