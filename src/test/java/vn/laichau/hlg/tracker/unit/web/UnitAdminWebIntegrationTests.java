package vn.laichau.hlg.tracker.unit.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;
import vn.laichau.hlg.tracker.shared.SearchText;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import vn.laichau.hlg.tracker.shared.AuditEvent;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * The administrator keeps the tree of units: adds, renames, closes with a successor. Every test rolls
 * back, so the seeded tree (9 units) stays as the other tests expect it.
 */
@IntegrationTest
@Transactional
@RecordApplicationEvents
class UnitAdminWebIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEvents events;

    @Test
    void theTreeShowsTheProvinceWithItsDistrictsAndTheirDates() throws Exception {
        mvc.perform(get("/admin/units").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Tỉnh Lai Châu"), containsString("Huyện Mường Tè"),
                        containsString("01/01/2024"), containsString("Đang hoạt động"),
                        containsString("href=\"/admin/units/new\""))));
    }

    @Test
    void addRenameAndCloseWithASuccessorKeepsEverythingAlreadyReported() throws Exception {
        String prefix = fixturePrefix();
        long oldDistrict = create(prefix + "A", "Huyện Thử Nghiệm Cũ", "DISTRICT", unitId("12"), "2027-01-01");
        long newDistrict = create(prefix + "B", "Huyện Thử Nghiệm Mới", "DISTRICT", unitId("12"), "2027-01-01");
        long commune = create(prefix + "C", "Xã Thử Nghiệm", "COMMUNE", oldDistrict, "2027-02-01");
        assertThat(jdbc.queryForObject("select level from administrative_unit where id = ?", String.class, commune))
                .isEqualTo("COMMUNE");
        assertThat(jdbc.queryForObject("select search_text from administrative_unit where id = ?", String.class, oldDistrict))
                .isEqualTo("huyen thu nghiem cu");

        // An agency of the old district with an obligation and a submitted report.
        long agency = insertAgency(prefix + "-UBND", "UBND huyện Thử Nghiệm Cũ", oldDistrict);
        long task = jdbc.queryForObject("select min(id) from task", Long.class);
        jdbc.update("insert into obligation (agency_id, task_id, year) values (?, ?, 2027)", agency, task);
        jdbc.update("insert into progress_report (agency_id, task_id, year, status, results) values (?, ?, 2027, 'SUBMITTED', 'Đã tổ chức 3 buổi')",
                agency, task);
        List<Map<String, Object>> reportedBefore = reported(agency);

        mvc.perform(post("/admin/units/{id}/rename", oldDistrict).with(admin()).with(csrf())
                        .param("name", "Huyện Thử Nghiệm Cũ (đổi tên)").param("version", "0"))
                .andExpect(redirectedUrl("/admin/units"))
                .andExpect(flash().attribute("flashSuccess", "admin.units.renamed"));

        mvc.perform(post("/admin/units/{id}/close", oldDistrict).with(admin()).with(csrf())
                        .param("closedOn", "2028-01-01").param("successorId", String.valueOf(newDistrict))
                        .param("version", "1"))
                .andExpect(redirectedUrl("/admin/agencies?unit=" + oldDistrict + "&status=OPEN"))
                .andExpect(flash().attribute("flashSuccess", "admin.units.closed"));

        Map<String, Object> closed = jdbc.queryForMap(
                "select name, closed_on::text as closed_on, successor_id, level, parent_id from administrative_unit where id = ?", oldDistrict);
        assertThat(closed).containsEntry("name", "Huyện Thử Nghiệm Cũ (đổi tên)")
                .containsEntry("closed_on", "2028-01-01")
                .containsEntry("successor_id", newDistrict)
                .containsEntry("level", "DISTRICT")
                .containsEntry("parent_id", unitId("12"));
        assertThat(reported(agency)).isEqualTo(reportedBefore);
        assertThat(events.stream(AuditEvent.class))
                .extracting(AuditEvent::kind, AuditEvent::actor, AuditEvent::target)
                .containsExactly(
                        tuple("UNIT_CREATED", "test.admin", "unit:" + oldDistrict),
                        tuple("UNIT_CREATED", "test.admin", "unit:" + newDistrict),
                        tuple("UNIT_CREATED", "test.admin", "unit:" + commune),
                        tuple("UNIT_RENAMED", "test.admin", "unit:" + oldDistrict),
                        tuple("UNIT_CLOSED", "test.admin", "unit:" + oldDistrict));
        assertThat(events.stream(AuditEvent.class).filter(event -> event.kind().equals("UNIT_RENAMED")).findFirst().orElseThrow())
                .extracting(AuditEvent::oldValue, AuditEvent::newValue, AuditEvent::address)
                .containsExactly("Huyện Thử Nghiệm Cũ", "Huyện Thử Nghiệm Cũ (đổi tên)", "127.0.0.1");
        assertThat(jdbc.queryForObject("select unit_id from agency where id = ?", Long.class, agency)).isEqualTo(oldDistrict);
        assertThat(jdbc.queryForObject("select parent_id from administrative_unit where id = ?", Long.class, commune)).isEqualTo(oldDistrict);

        mvc.perform(get("/admin/units").with(admin()))
                .andExpect(content().string(allOf(
                        containsString("Đã đóng từ ngày 01/01/2028"),
                        containsString("Đơn vị kế thừa: Huyện Thử Nghiệm Mới (" + prefix + "B)"),
                        containsString("Còn 1 đơn vị trực thuộc đang hoạt động"))));
        mvc.perform(get("/admin/units/{id}/close", oldDistrict).with(admin()))
                .andExpect(content().string(containsString("Đã đóng từ ngày 01/01/2028")));
    }

    @Test
    void anInvalidNewUnitComesBackWithEachErrorNextToItsFieldAndTheInputKept() throws Exception {
        int unitsBefore = jdbc.queryForObject("select count(*) from administrative_unit", Integer.class);
        mvc.perform(post("/admin/units").with(admin()).with(csrf())
                        .param("code", "106").param("name", "").param("level", "DISTRICT")
                        .param("parentId", String.valueOf(unitId("107"))).param("openedOn", "2027-01-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("id=\"code-error\">Mã này đã được dùng cho một đơn vị khác."),
                        containsString("id=\"name-error\">Hãy nhập tên đơn vị."),
                        containsString("id=\"level-error\">Cấp của đơn vị phải thấp hơn cấp của đơn vị cấp trên."),
                        containsString("aria-describedby=\"code-error\""),
                        containsString("value=\"106\""),
                        containsString("value=\"2027-01-01\""))));

        mvc.perform(post("/admin/units").with(admin()).with(csrf())
                        .param("code", fixturePrefix()).param("name", "Xã Quá Sớm").param("level", "COMMUNE")
                        .param("parentId", String.valueOf(unitId("107"))).param("openedOn", "2020-05-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("id=\"openedOn-error\">Đơn vị cấp trên không hoạt động vào ngày này."),
                        containsString("value=\"Xã Quá Sớm\""))));
        assertThat(jdbc.queryForObject("select count(*) from administrative_unit", Integer.class)).isEqualTo(unitsBefore);
    }

    @Test
    void aSuccessorMustBeOpenOnTheDayAndOutsideTheClosingUnit() throws Exception {
        String prefix = fixturePrefix();
        long district = create(prefix + "A", "Huyện Đóng Thử", "DISTRICT", unitId("12"), "2027-01-01");
        long commune = create(prefix + "C", "Xã Bên Trong", "COMMUNE", district, "2027-01-01");
        long later = create(prefix + "L", "Huyện Mở Sau", "DISTRICT", unitId("12"), "2029-01-01");

        closeExpecting(district, "2028-01-01", commune,
                "id=\"successorId-error\">Đơn vị kế thừa không được là chính đơn vị này hoặc đơn vị trực thuộc nó.");
        closeExpecting(district, "2028-01-01", district,
                "id=\"successorId-error\">Đơn vị kế thừa không được là chính đơn vị này hoặc đơn vị trực thuộc nó.");
        closeExpecting(district, "2028-01-01", later,
                "id=\"successorId-error\">Đơn vị kế thừa phải đang hoạt động vào ngày đóng.");
        closeExpecting(district, "2026-06-01", null,
                "id=\"closedOn-error\">Ngày đóng phải sau ngày bắt đầu hoạt động của đơn vị.");
        assertThat(jdbc.queryForObject("select closed_on from administrative_unit where id = ?", Object.class, district)).isNull();
    }

    @Test
    void aStaleRenameIsRefusedWithAClearMessageAndOverwritesNothing() throws Exception {
        long district = create(fixturePrefix(), "Huyện Hai Người Sửa", "DISTRICT", unitId("12"), "2027-01-01");
        mvc.perform(post("/admin/units/{id}/rename", district).with(admin()).with(csrf())
                        .param("name", "Tên của người thứ nhất").param("version", "0"))
                .andExpect(redirectedUrl("/admin/units"));

        mvc.perform(post("/admin/units/{id}/rename", district).with(admin()).with(csrf())
                        .param("name", "Tên của người thứ hai").param("version", "0"))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(
                        containsString("vừa được người khác thay đổi"),
                        containsString("<td>Tên của người thứ nhất</td>"),
                        containsString("name=\"name\" value=\"Tên của người thứ hai\""),
                        containsString("name=\"version\" value=\"1\""))));
        assertThat(jdbc.queryForObject("select name from administrative_unit where id = ?", String.class, district))
                .isEqualTo("Tên của người thứ nhất");

        mvc.perform(post("/admin/units/{id}/close", district).with(admin()).with(csrf())
                        .param("closedOn", "2028-01-01").param("version", "0"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("vừa được người khác thay đổi")));
        assertThat(jdbc.queryForObject("select closed_on from administrative_unit where id = ?", Object.class, district)).isNull();
    }

    @Test
    void anUnknownUnitIsNotFound() throws Exception {
        mvc.perform(get("/admin/units/{id}/rename", 999_999).with(admin())).andExpect(status().isNotFound());
        mvc.perform(get("/admin/units/{id}/close", 999_999).with(admin())).andExpect(status().isNotFound());
    }

    @Test
    void everyNameIsFoldedForSearchingWithoutDiacriticsAsTheApplicationFoldsIt() {
        String shouting = "  XÃ ĐỒNG   ƯỚC Ỹ Tả Phìn\tỞ ";
        jdbc.update("insert into administrative_unit (code, name, level, parent_id, opened_on) "
                + "select ?, ?, 'COMMUNE', id, date '2027-01-01' from administrative_unit where code = '106'", fixturePrefix(), shouting);
        assertThat(jdbc.queryForObject("select search_text from administrative_unit where name = ?", String.class, shouting))
                .isEqualTo(SearchText.fold(shouting)).isEqualTo("xa dong uoc y ta phin o");
        jdbc.query("select name, search_text from administrative_unit", row -> {
            assertThat(row.getString("search_text")).isEqualTo(SearchText.fold(row.getString("name")));
        });
        jdbc.query("select name, search_text from agency", row -> {
            assertThat(row.getString("search_text")).isEqualTo(SearchText.fold(row.getString("name")));
        });
        assertThat(jdbc.queryForObject("select search_text from administrative_unit where code = '107'", String.class))
                .isEqualTo("huyen muong te");
    }

    private void closeExpecting(long unit, String day, Long successor, String error) throws Exception {
        var request = post("/admin/units/{id}/close", unit).with(admin()).with(csrf())
                .param("closedOn", day).param("version", "0");
        if (successor != null) {
            request.param("successorId", String.valueOf(successor));
        }
        mvc.perform(request)
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(error), not(containsString("vừa được người khác")))));
    }

    private long create(String code, String name, String level, long parent, String openedOn) throws Exception {
        MvcResult result = mvc.perform(post("/admin/units").with(admin()).with(csrf())
                        .param("code", code).param("name", name).param("level", level)
                        .param("parentId", String.valueOf(parent)).param("openedOn", openedOn))
                .andExpect(redirectedUrl("/admin/units"))
                .andExpect(flash().attribute("flashSuccess", "admin.units.created"))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        return unitId(code);
    }

    private long insertAgency(String code, String name, long unit) {
        return jdbc.queryForObject("""
                insert into agency (code, name, kind_id, unit_id, opened_on)
                select ?, ?, id, ?, date '2027-01-01' from agency_kind where code = 'UBND' returning id""",
                Long.class, code, name, unit);
    }

    private List<Map<String, Object>> reported(long agency) {
        return jdbc.queryForList("""
                select 'obligation' as row_kind, o.id, o.agency_id, o.task_id, o.year, null as status from obligation o where o.agency_id = ?
                union all
                select 'report', r.id, r.agency_id, r.task_id, r.year, r.status from progress_report r where r.agency_id = ?
                order by 1, 2""", agency, agency);
    }

    private long unitId(String code) {
        return jdbc.queryForObject("select id from administrative_unit where code = ?", Long.class, code);
    }

    private static String fixturePrefix() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }
}
