package vn.laichau.hlg.tracker.agency.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import vn.laichau.hlg.tracker.shared.AuditEvent;
import vn.laichau.hlg.tracker.support.IntegrationTest;

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

/** The administrator lists, searches, adds, edits and closes agencies. Every test rolls back. */
@IntegrationTest
@Transactional
@RecordApplicationEvents
class AgencyAdminWebIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEvents events;

    @Test
    void searchWithoutDiacriticsFindsTheAgency() throws Exception {
        mvc.perform(get("/admin/agencies").with(admin()).param("q", "tu phap"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Sở Tư pháp"), not(containsString("Sở Tài chính")),
                        containsString("Tìm thấy 1 cơ quan, đơn vị."))));
        mvc.perform(get("/admin/agencies").with(admin()).param("q", "  MUONG te "))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("UBND huyện Mường Tè"),
                        containsString("Hội Luật gia huyện Mường Tè"), containsString("Hội đồng phối hợp PBGDPL huyện Mường Tè"),
                        not(containsString("UBND huyện Tam Đường")), containsString("value=\"MUONG te\""))));
        mvc.perform(get("/admin/agencies").with(admin()).param("q", "100%_"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tìm thấy 0 cơ quan, đơn vị.")));
    }

    @Test
    void filtersByKindAndByUnitWithTheUnitsBelowIt() throws Exception {
        long ubnd = jdbc.queryForObject("select id from agency_kind where code = 'UBND'", Long.class);
        mvc.perform(get("/admin/agencies").with(admin())
                        .param("kind", String.valueOf(ubnd)).param("unit", String.valueOf(unitId("107"))))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("UBND huyện Mường Tè"),
                        not(containsString("Hội Luật gia huyện Mường Tè")), containsString("Tìm thấy 1 cơ quan, đơn vị."))));
        int ubndCount = jdbc.queryForObject("""
                with recursive province(id) as (
                    select id from administrative_unit where code = '12'
                    union select u.id from administrative_unit u join province p on u.parent_id = p.id)
                select count(*) from agency a join agency_kind k on k.id = a.kind_id
                where k.code = 'UBND' and a.unit_id in (select id from province)""", Integer.class);
        mvc.perform(get("/admin/agencies").with(admin())
                        .param("kind", String.valueOf(ubnd)).param("unit", String.valueOf(unitId("12"))))
                .andExpect(content().string(allOf(containsString("UBND tỉnh Lai Châu"), containsString("UBND huyện Than Uyên"),
                        containsString("Tìm thấy " + ubndCount + " cơ quan, đơn vị."))));
    }

    @Test
    void theListIsPaged() throws Exception {
        int total = jdbc.queryForObject("select count(*) from agency", Integer.class);
        int pages = (total + 24) / 25;
        assertThat(pages).isGreaterThan(1);
        mvc.perform(get("/admin/agencies").with(admin()))
                .andExpect(content().string(allOf(containsString("Trang 1 / " + pages),
                        containsString("href=\"/admin/agencies?page=1\""))));
        mvc.perform(get("/admin/agencies").with(admin()).param("status", "ALL").param("page", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Trang 2 / " + pages),
                        containsString("href=\"/admin/agencies?status=ALL&amp;page=0\""))));
    }

    @Test
    void addEditAndCloseAnAgency() throws Exception {
        String code = fixtureCode();
        mvc.perform(post("/admin/agencies").with(admin()).with(csrf())
                        .param("code", code).param("name", "Trung tâm Trợ giúp pháp lý Thử")
                        .param("kindId", String.valueOf(kindId("KHAC"))).param("unitId", String.valueOf(unitId("12")))
                        .param("openedOn", "2027-03-01").param("version", "0"))
                .andExpect(redirectedUrl("/admin/agencies"))
                .andExpect(flash().attribute("flashSuccess", "admin.agencies.created"));
        long id = jdbc.queryForObject("select id from agency where code = ?", Long.class, code);
        mvc.perform(get("/admin/agencies").with(admin()).param("q", "tro giup phap ly thu"))
                .andExpect(content().string(containsString("Trung tâm Trợ giúp pháp lý Thử")));

        mvc.perform(post("/admin/agencies/{id}/edit", id).with(admin()).with(csrf())
                        .param("code", code).param("name", "Trung tâm Trợ giúp pháp lý Nhà nước Thử")
                        .param("kindId", String.valueOf(kindId("SO_BAN_NGANH"))).param("unitId", String.valueOf(unitId("12")))
                        .param("openedOn", "2027-03-01").param("version", "0"))
                .andExpect(redirectedUrl("/admin/agencies"))
                .andExpect(flash().attribute("flashSuccess", "admin.agencies.updated"));

        mvc.perform(post("/admin/agencies/{id}/close", id).with(admin()).with(csrf())
                        .param("closedOn", "2029-12-31").param("version", "1"))
                .andExpect(redirectedUrl("/admin/agencies"))
                .andExpect(flash().attribute("flashSuccess", "admin.agencies.closed"));

        Map<String, Object> saved = jdbc.queryForMap("""
                select a.name, a.search_text, k.code as kind, a.closed_on::text as closed_on
                from agency a join agency_kind k on k.id = a.kind_id where a.id = ?""", id);
        assertThat(saved).containsEntry("name", "Trung tâm Trợ giúp pháp lý Nhà nước Thử")
                .containsEntry("search_text", "trung tam tro giup phap ly nha nuoc thu")
                .containsEntry("kind", "SO_BAN_NGANH")
                .containsEntry("closed_on", "2029-12-31");
        assertThat(events.stream(AuditEvent.class)).extracting(AuditEvent::kind, AuditEvent::target)
                .containsExactly(tuple("AGENCY_CREATED", "agency:" + id),
                        tuple("AGENCY_UPDATED", "agency:" + id),
                        tuple("AGENCY_CLOSED", "agency:" + id));
        mvc.perform(get("/admin/agencies").with(admin()).param("q", "nha nuoc thu").param("status", "OPEN"))
                .andExpect(content().string(containsString("Tìm thấy 1 cơ quan, đơn vị.")));
    }

    @Test
    void anInvalidAgencyComesBackWithEachErrorNextToItsFieldAndTheInputKept() throws Exception {
        mvc.perform(post("/admin/agencies").with(admin()).with(csrf())
                        .param("code", "so-tu-phap").param("name", " ")
                        .param("kindId", "").param("unitId", String.valueOf(unitId("106")))
                        .param("openedOn", "2023-12-31").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("id=\"code-error\">Mã này đã được dùng cho một cơ quan, đơn vị khác."),
                        containsString("id=\"name-error\">Hãy nhập tên cơ quan, đơn vị."),
                        containsString("id=\"kindId-error\">Hãy chọn loại cơ quan."),
                        containsString("id=\"unitId-error\">Đơn vị hành chính không hoạt động vào ngày bắt đầu này."),
                        containsString("aria-describedby=\"unitId-error unitId-help\""),
                        containsString("value=\"so-tu-phap\""),
                        containsString("value=\"2023-12-31\""))));
        assertThat(jdbc.queryForObject("select count(*) from agency where lower(code) = 'so-tu-phap'", Integer.class)).isEqualTo(1);
    }

    @Test
    void aCodeWithSpacesOrAccentedLettersIsRefusedNextToItsFieldWithTheInputKept() throws Exception {
        long kind = jdbc.queryForObject("select id from agency_kind where code = 'MTTQ'", Long.class);
        mvc.perform(post("/admin/agencies").with(admin()).with(csrf())
                        .param("code", "mttq tam đường").param("name", "Ủy ban MTTQ Việt Nam Thử")
                        .param("kindId", String.valueOf(kind)).param("unitId", String.valueOf(unitId("12")))
                        .param("openedOn", "2027-01-01").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("id=\"code-error\">Mã chỉ gồm chữ cái A–Z không dấu, chữ số, dấu chấm (.), gạch ngang (-) và gạch dưới (_)"),
                        containsString("value=\"mttq tam đường\""),
                        containsString("value=\"Ủy ban MTTQ Việt Nam Thử\""))));
        assertThat(jdbc.queryForObject("select count(*) from agency where name = 'Ủy ban MTTQ Việt Nam Thử'", Integer.class))
                .isZero();

        String code = "mttq.tam_duong-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/admin/agencies").with(admin()).with(csrf())
                        .param("code", code).param("name", "Ủy ban MTTQ Việt Nam Thử")
                        .param("kindId", String.valueOf(kind)).param("unitId", String.valueOf(unitId("12")))
                        .param("openedOn", "2027-01-01").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from agency where code = ?", Integer.class, code)).isOne();
    }

    @Test
    void theOpeningDayIsTypedAndShownAsDayMonthYearInATextField() throws Exception {
        long kind = jdbc.queryForObject("select id from agency_kind where code = 'KHAC'", Long.class);
        String code = fixtureCode();
        mvc.perform(post("/admin/agencies").with(admin()).with(csrf())
                        .param("code", code).param("name", "Trung tâm Ngày Tháng Thử")
                        .param("kindId", String.valueOf(kind)).param("unitId", String.valueOf(unitId("12")))
                        .param("openedOn", "1/7/2027").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.queryForObject("select id from agency where code = ?", Long.class, code);
        assertThat(jdbc.queryForObject("select opened_on::text from agency where id = ?", String.class, id)).isEqualTo("2027-07-01");
        mvc.perform(get("/admin/agencies/" + id + "/edit").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"01/07/2027\""), containsString("placeholder=\"dd/mm/yyyy\""),
                        containsString("inputmode=\"numeric\""), not(containsString("type=\"date\"")))));
        // No such day: the message next to the field, the text as typed and the rest of the form kept.
        mvc.perform(post("/admin/agencies/" + id + "/edit").with(admin()).with(csrf())
                        .param("code", code).param("name", "Trung tâm Ngày Tháng Thử")
                        .param("kindId", String.valueOf(kind)).param("unitId", String.valueOf(unitId("12")))
                        .param("openedOn", "31/06/2027").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"31/06/2027\""),
                        containsString("id=\"openedOn-error\">Ngày không hợp lệ. Hãy nhập ngày theo dạng ngày/tháng/năm"),
                        containsString("value=\"Trung tâm Ngày Tháng Thử\""))));
        assertThat(jdbc.queryForObject("select opened_on::text from agency where id = ?", String.class, id)).isEqualTo("2027-07-01");
    }

    @Test
    void aStaleEditIsRefusedWithAClearMessageAndOverwritesNothing() throws Exception {
        long id = jdbc.queryForObject("""
                insert into agency (code, name, kind_id, unit_id, opened_on)
                select ?, 'Cơ quan Hai Người Sửa', k.id, u.id, date '2027-01-01'
                from agency_kind k, administrative_unit u where k.code = 'KHAC' and u.code = '12' returning id""",
                Long.class, fixtureCode());
        jdbc.update("update agency set name = 'Tên của người thứ nhất', version = version + 1 where id = ?", id);

        mvc.perform(post("/admin/agencies/{id}/edit", id).with(admin()).with(csrf())
                        .param("code", "X-" + id).param("name", "Tên của người thứ hai")
                        .param("kindId", String.valueOf(kindId("KHAC"))).param("unitId", String.valueOf(unitId("12")))
                        .param("openedOn", "2027-01-01").param("version", "0"))
                .andExpect(status().isConflict())
                // The shared page: both versions side by side, and the typed values ready to be posted again
                // over the current version.
                .andExpect(content().string(allOf(containsString("vừa được người khác thay đổi"),
                        containsString("<td>Tên của người thứ hai</td>"), containsString("<td>Tên của người thứ nhất</td>"),
                        containsString("<td>01/01/2027</td>"),
                        containsString("name=\"name\" value=\"Tên của người thứ hai\""),
                        containsString("name=\"version\" value=\"1\""),
                        containsString("action=\"/admin/agencies/" + id + "/edit\""))));
        mvc.perform(post("/admin/agencies/{id}/close", id).with(admin()).with(csrf())
                        .param("closedOn", "2028-01-01").param("version", "0"))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("<td>01/01/2028</td>"),
                        containsString("name=\"closedOn\" value=\"2028-01-01\""))));
        assertThat(jdbc.queryForMap("select name, closed_on from agency where id = ?", id))
                .containsEntry("name", "Tên của người thứ nhất").containsEntry("closed_on", null);

        // "Lưu bản của tôi": the same values posted again with the version now saved.
        mvc.perform(post("/admin/agencies/{id}/edit", id).with(admin()).with(csrf())
                        .param("code", "X-" + id).param("name", "Tên của người thứ hai")
                        .param("kindId", String.valueOf(kindId("KHAC"))).param("unitId", String.valueOf(unitId("12")))
                        .param("openedOn", "2027-01-01").param("version", "1"))
                .andExpect(redirectedUrl("/admin/agencies"));
        assertThat(jdbc.queryForObject("select name from agency where id = ?", String.class, id)).isEqualTo("Tên của người thứ hai");
    }

    @Test
    void agenciesStillOpenInAClosedUnitAreListedWithAWarning() throws Exception {
        long unit = jdbc.queryForObject("""
                insert into administrative_unit (code, name, level, parent_id, opened_on)
                select ?, 'Huyện Sắp Đóng', 'DISTRICT', id, date '2027-01-01' from administrative_unit where code = '12'
                returning id""", Long.class, fixtureCode().substring(0, 12));
        jdbc.update("""
                insert into agency (code, name, kind_id, unit_id, opened_on)
                select ?, 'Hội Luật gia huyện Sắp Đóng', id, ?, date '2027-01-01'
                from agency_kind where code = 'HOI_LUAT_GIA'""", fixtureCode(), unit);

        mvc.perform(post("/admin/units/{id}/close", unit).with(admin()).with(csrf())
                        .param("closedOn", "2028-07-01").param("version", "0"))
                .andExpect(redirectedUrl("/admin/agencies?unit=" + unit + "&status=OPEN"));
        mvc.perform(get("/admin/agencies").with(admin()).param("unit", String.valueOf(unit)).param("status", "OPEN"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Huyện Sắp Đóng đã đóng từ ngày 01/07/2028"),
                        containsString("Hội Luật gia huyện Sắp Đóng"),
                        containsString("Đơn vị hành chính đã đóng từ ngày 01/07/2028: hãy đóng cơ quan này hoặc chuyển sang đơn vị mới."))));
        // Rows written outside the application are searchable too: the database folds their names.
        mvc.perform(get("/admin/agencies").with(admin()).param("q", "hoi luat gia huyen sap dong"))
                .andExpect(content().string(containsString("Tìm thấy 1 cơ quan, đơn vị.")));
    }

    @Test
    void anUnknownAgencyIsNotFound() throws Exception {
        mvc.perform(get("/admin/agencies/{id}/edit", 999_999).with(admin())).andExpect(status().isNotFound());
        mvc.perform(get("/admin/agencies/{id}/close", 999_999).with(admin())).andExpect(status().isNotFound());
    }

    private long unitId(String code) {
        return jdbc.queryForObject("select id from administrative_unit where code = ?", Long.class, code);
    }

    private long kindId(String code) {
        return jdbc.queryForObject("select id from agency_kind where code = ?", Long.class, code);
    }

    private static String fixtureCode() {
        return "TEST-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
    }
}
