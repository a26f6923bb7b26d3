package vn.laichau.hlg.tracker.audit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.support.IntegrationTest;
import vn.laichau.hlg.tracker.support.SqlStatementCounter;
import vn.laichau.hlg.tracker.support.TestAccounts;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.laichau.hlg.tracker.support.TestAccounts.PASSWORD;
import static vn.laichau.hlg.tracker.support.TestAccounts.as;

/** The audit trail: who, when, from where, old → new; filtered by user, kind and date; never rewritten. */
@IntegrationTest
class AuditIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestAccounts accounts;

    @Test
    void adminActionsAndSignInsAreListedAndFilterable() throws Exception {
        CurrentUser admin = accounts.create("kiem.toan", Role.ADMIN, null, null);
        CurrentUser user = accounts.create("doi.tuong", Role.VIEWER, null, "12");
        mvc.perform(post("/admin/accounts/{id}/disable", user.id()).with(as(admin)).with(csrf())
                .with(request -> {
                    request.setRemoteAddr("203.0.113.45");
                    return request;
                }));
        TestAccounts.signIn(mvc, user.getUsername(), "sai " + PASSWORD);
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();

        mvc.perform(get("/admin/audit").param("actor", admin.getUsername()).with(as(admin)))
                .andExpect(status().isOk())
                // In words: the kind's label (also in the filter), the account by name with a link, the values.
                .andExpect(content().string(containsString("<td class=\"audit-kind\">Khóa sử dụng tài khoản</td>")))
                .andExpect(content().string(containsString("<option value=\"ACCOUNT_DISABLED\">Khóa sử dụng tài khoản</option>")))
                .andExpect(content().string(containsString("<a href=\"/admin/accounts/" + user.id() + "\">Người dùng " + user.getUsername())))
                .andExpect(content().string(containsString("203.0.113.45")))
                .andExpect(content().string(containsString("Trước: đang sử dụng")))
                .andExpect(content().string(not(containsString("account:"))))
                .andExpect(content().string(not(containsString(">ACCOUNT_DISABLED<"))));
        mvc.perform(get("/admin/audit").param("kind", "LOGIN_FAILED").param("from", today).param("to", today).with(as(admin)))
                .andExpect(content().string(containsString(user.getUsername())))
                .andExpect(content().string(containsString("<td class=\"audit-kind\">Đăng nhập sai</td>")))
                .andExpect(content().string(not(containsString("<td class=\"audit-kind\">Khóa sử dụng tài khoản</td>"))));
        mvc.perform(get("/admin/audit").param("actor", admin.getUsername()).param("to", "2020-01-01").with(as(admin)))
                .andExpect(content().string(containsString("Không có sự kiện nào khớp với bộ lọc.")));
        // A day typed as dd/mm/yyyy filters; one that is no day says so next to its field and keeps the text.
        mvc.perform(get("/admin/audit").param("actor", admin.getUsername()).param("to", "01/01/2020").with(as(admin)))
                .andExpect(content().string(containsString("Không có sự kiện nào khớp với bộ lọc.")))
                .andExpect(content().string(containsString("value=\"01/01/2020\"")));
        mvc.perform(get("/admin/audit").param("from", "không phải ngày").param("to", "31/02/2026").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"không phải ngày\"")))
                .andExpect(content().string(containsString("value=\"31/02/2026\"")))
                .andExpect(content().string(containsString("id=\"from-error\">Ngày không hợp lệ. Hãy nhập ngày theo dạng ngày/tháng/năm")))
                .andExpect(content().string(containsString("id=\"to-error\">Ngày không hợp lệ.")));
    }

    @Test
    void accountsReportsAndRolesAreShownByTheirNamesNotTheirCodes() throws Exception {
        CurrentUser admin = accounts.create("ten.goi", Role.ADMIN, null, null);
        long agency = jdbc.queryForObject("select id from agency where code = ?", Long.class, "SO-TU-PHAP");
        String agencyName = jdbc.queryForObject("select name from agency where id = ?", String.class, agency);
        String actor = "nguoi.ghi." + System.nanoTime() % 1_000_000;
        jdbc.update("""
                insert into audit_entry (at, kind, actor, target, old_value, new_value)
                values (now(), 'ACCOUNT_CREATED', ?, 'account:khong.con', null, ?)""",
                actor, "name=Lò Văn Tú, role=REPORTER, agency=" + agency + ", unit=null");
        jdbc.update("""
                insert into audit_entry (at, kind, actor, target, old_value, new_value)
                values (now(), 'REPORT_RETURNED', ?, 'period:2025', null, 'RETURNED: Thiếu số liệu')""", actor);

        mvc.perform(get("/admin/audit").param("actor", actor).with(as(admin)))
                .andExpect(content().string(containsString(
                        "Sau: Họ tên: Lò Văn Tú; Vai trò: Cán bộ báo cáo của cơ quan, đơn vị; Cơ quan: " + agencyName + "; Địa bàn: không có")))
                .andExpect(content().string(containsString("Sau: Bị trả lại, cần sửa, lý do: Thiếu số liệu")))
                .andExpect(content().string(containsString("<a href=\"/admin/periods\">Kỳ báo cáo năm 2025</a>")))
                .andExpect(content().string(containsString(">Tạo tài khoản<")))
                .andExpect(content().string(not(containsString("role=REPORTER"))))
                .andExpect(content().string(not(containsString("unit=null"))));
    }

    @Test
    void changesToThePlansIndicatorsAreAuditedWithWhoDidThem() throws Exception {
        CurrentUser admin = accounts.create("chi.tieu", Role.ADMIN, null, null);
        String code = "AUDIT_" + System.nanoTime() % 1_000_000;

        mvc.perform(post("/admin/plan/indicators").with(as(admin)).with(csrf())
                .param("code", code).param("name", "Số buổi kiểm thử").param("unit", "cuộc").param("position", "990"));

        assertThat(jdbc.queryForObject("select actor from audit_entry where kind = 'INDICATOR_CREATED' and new_value like ?",
                String.class, code + "%")).isEqualTo(admin.getUsername());
        jdbc.update("delete from indicator where code = ?", code);
    }

    @Test
    void aPageOfTheTrailCostsTheSameFewStatementsHoweverManyThingsItNames() throws Exception {
        CurrentUser admin = accounts.create("dem.cau.lenh", Role.ADMIN, null, null);
        List<Long> agencies = jdbc.queryForList("select id from agency order by id limit 40", Long.class);
        List<Long> units = jdbc.queryForList("select id from administrative_unit order by id limit 40", Long.class);
        String few = "it.dong." + System.nanoTime() % 1_000_000;
        String many = "nhieu.dong." + System.nanoTime() % 1_000_000;
        for (int i = 0; i < 2; i++) {
            named(few, i, agencies, units);
        }
        for (int i = 0; i < 40; i++) {
            named(many, i, agencies, units);
        }

        List<String> forFew = statementsOf(admin, few);
        List<String> forMany = statementsOf(admin, many);

        // Before the names of a page were looked up together, 40 lines cost more than 120 statements.
        assertThat(forMany).as("statements of a page of 40 lines: %s", forMany).hasSameSizeAs(forFew).hasSizeLessThanOrEqualTo(20);
        mvc.perform(get("/admin/audit").param("actor", many).with(as(admin)))
                .andExpect(content().string(containsString(jdbc.queryForObject(
                        "select name from agency where id = ?", String.class, agencies.get(39)))))
                .andExpect(content().string(containsString("Địa bàn: " + jdbc.queryForObject(
                        "select name from administrative_unit where id = ?", String.class, units.get(39)))));
    }

    private void named(String actor, int i, List<Long> agencies, List<Long> units) {
        jdbc.update("""
                insert into audit_entry (at, kind, actor, target, old_value, new_value)
                values (now(), 'ACCOUNT_ROLE_CHANGED', ?, ?, null, ?)""",
                actor, i % 2 == 0 ? "agency:" + agencies.get(i) : "account:khong.co." + i,
                "name=Người " + i + ", role=VIEWER, agency=" + agencies.get(i) + ", unit=" + units.get(i));
    }

    private List<String> statementsOf(CurrentUser admin, String actor) throws Exception {
        return SqlStatementCounter.statements(() -> mvc.perform(get("/admin/audit").param("actor", actor).with(as(admin)))
                .andExpect(status().isOk()));
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnEntry() {
        jdbc.update("insert into audit_entry (at, kind, actor) values (now(), 'TEST_ENTRY', 'kiem.thu')");

        assertThatThrownBy(() -> jdbc.update("update audit_entry set actor = 'ai do' where kind = 'TEST_ENTRY'"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("cannot be changed or deleted");
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry where kind = 'TEST_ENTRY'"))
                .isInstanceOf(DataAccessException.class);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where kind = 'TEST_ENTRY'", Integer.class)).isPositive();
    }
}
