package vn.laichau.hlg.tracker.unit.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import vn.laichau.hlg.tracker.shared.AuditEvent;
import vn.laichau.hlg.tracker.support.IntegrationTest;
import vn.laichau.hlg.tracker.unit.UnitService;

import java.util.List;

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
 * The administrator names a closed unit's successors and confirms, one by one, that whoever oversaw the
 * closed unit oversees them too (huyện Tam Đường, closed from 1/7/2025, and its communes). Every test
 * rolls back.
 */
@IntegrationTest
@Transactional
@RecordApplicationEvents
class UnitSuccessorsWebIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UnitService units;

    @Autowired
    ApplicationEvents events;

    @Test
    void confirmingASuccessorLetsTheClosedDistrictsOverseersReadItAndWithdrawingTakesItBack() throws Exception {
        long tamDuong = unitId("106");
        long binhLu = unitId("03390");
        jdbc.update("update unit_successor set scope_confirmed = false where unit_id = ?", tamDuong);
        assertThat(units.overseenIds(tamDuong)).contains(tamDuong).doesNotContain(binhLu);

        mvc.perform(get("/admin/units/{id}/successors", tamDuong).with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Đơn vị kế thừa của Huyện Tam Đường (106)"),
                        containsString("Đã đóng từ ngày 01/07/2025"),
                        containsString("Xã Bình Lư"),
                        containsString("Chưa xác nhận"),
                        containsString("action=\"/admin/units/" + tamDuong + "/successors/" + binhLu + "/scope\""))));

        mvc.perform(post("/admin/units/{id}/successors/{s}/scope", tamDuong, binhLu).with(admin()).with(csrf())
                        .param("confirmed", "true"))
                .andExpect(redirectedUrl("/admin/units/" + tamDuong + "/successors"))
                .andExpect(flash().attribute("flashSuccess", "admin.units.successors.confirmed"));
        assertThat(confirmed(tamDuong, binhLu)).isTrue();
        assertThat(units.overseenIds(tamDuong)).contains(tamDuong, binhLu).doesNotContain(unitId("03549"));

        mvc.perform(post("/admin/units/{id}/successors/{s}/scope", tamDuong, binhLu).with(admin()).with(csrf())
                        .param("confirmed", "false"))
                .andExpect(flash().attribute("flashSuccess", "admin.units.successors.withdrawn"));
        assertThat(confirmed(tamDuong, binhLu)).isFalse();
        assertThat(units.overseenIds(tamDuong)).doesNotContain(binhLu);

        assertThat(events.stream(AuditEvent.class))
                .extracting(AuditEvent::kind, AuditEvent::actor, AuditEvent::target, AuditEvent::newValue)
                .containsExactly(
                        tuple("UNIT_SUCCESSOR_SCOPE_CONFIRMED", "test.admin", "unit:" + tamDuong, "03390 Xã Bình Lư; scope confirmed"),
                        tuple("UNIT_SUCCESSOR_SCOPE_WITHDRAWN", "test.admin", "unit:" + tamDuong, "03390 Xã Bình Lư; scope not confirmed"));
    }

    @Test
    void aSuccessorIsNamedOnlyWhenOpenOnTheClosingDayAndNotNamedAlreadyAndCanBeTakenBack() throws Exception {
        long tamDuong = unitId("106");
        long binhLu = unitId("03390");
        long phongTho = unitId("03549");
        long otherDistrict = jdbc.queryForObject(
                "select id from administrative_unit where level = 'DISTRICT' and code <> '106' order by code limit 1", Long.class);
        int namedBefore = named(tamDuong).size();

        nameExpecting(tamDuong, otherDistrict, "id=\"successorId-error\">Đơn vị kế thừa phải đang hoạt động vào ngày đóng.");
        nameExpecting(tamDuong, binhLu, "id=\"successorId-error\">Đơn vị này đã là đơn vị kế thừa.");
        nameExpecting(tamDuong, null, "id=\"successorId-error\">Hãy chọn đơn vị kế thừa.");
        nameExpecting(tamDuong, 987_654_321L, "id=\"successorId-error\">Không tìm thấy đơn vị kế thừa này.");
        assertThat(named(tamDuong)).hasSize(namedBefore);
        assertThat(events.stream(AuditEvent.class)).isEmpty();

        mvc.perform(post("/admin/units/{id}/successors", tamDuong).with(admin()).with(csrf())
                        .param("successorId", String.valueOf(phongTho)).param("scopeConfirmed", "true"))
                .andExpect(redirectedUrl("/admin/units/" + tamDuong + "/successors"))
                .andExpect(flash().attribute("flashSuccess", "admin.units.successors.named"));
        assertThat(named(tamDuong)).hasSize(namedBefore + 1).contains(phongTho);
        assertThat(confirmed(tamDuong, phongTho)).isTrue();
        assertThat(units.overseenIds(tamDuong)).contains(phongTho);

        mvc.perform(post("/admin/units/{id}/successors/{s}/remove", tamDuong, phongTho).with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/units/" + tamDuong + "/successors"))
                .andExpect(flash().attribute("flashSuccess", "admin.units.successors.removed"));
        assertThat(named(tamDuong)).hasSize(namedBefore).doesNotContain(phongTho);
        assertThat(units.overseenIds(tamDuong)).doesNotContain(phongTho);
        assertThat(events.stream(AuditEvent.class))
                .extracting(AuditEvent::kind, AuditEvent::target, AuditEvent::oldValue, AuditEvent::newValue)
                .containsExactly(
                        tuple("UNIT_SUCCESSOR_NAMED", "unit:" + tamDuong, null, "03549 Xã Phong Thổ; scope confirmed"),
                        tuple("UNIT_SUCCESSOR_REMOVED", "unit:" + tamDuong, "03549 Xã Phong Thổ; scope confirmed", null));

        mvc.perform(post("/admin/units/{id}/successors/{s}/remove", tamDuong, phongTho).with(admin()).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void anOpenUnitHasNoSuccessorsToNameAndTheTreeLinksEveryClosedUnitToItsSuccessors() throws Exception {
        long province = unitId("12");
        mvc.perform(get("/admin/units/{id}/successors", province).with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Đơn vị này đang hoạt động. Đơn vị kế thừa được chỉ định khi đóng đơn vị."),
                        not(containsString("action=\"/admin/units/" + province + "/successors\"")))));
        mvc.perform(post("/admin/units/{id}/successors", province).with(admin()).with(csrf())
                        .param("successorId", String.valueOf(unitId("03390"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đơn vị này chưa đóng nên chưa có đơn vị kế thừa.")));
        assertThat(named(province)).isEmpty();

        mvc.perform(get("/admin/units").with(admin()))
                .andExpect(content().string(allOf(
                        containsString("href=\"/admin/units/" + unitId("106") + "/successors\""),
                        not(containsString("href=\"/admin/units/" + province + "/successors\"")))));
        mvc.perform(get("/admin/units/{id}/successors", 987_654_321L).with(admin())).andExpect(status().isNotFound());
    }

    @Test
    void closingAUnitWithASuccessorListsItAmongTheSuccessors() throws Exception {
        long province = unitId("12");
        long old = insertUnit("TSA", province);
        long successor = insertUnit("TSB", province);
        mvc.perform(post("/admin/units/{id}/close", old).with(admin()).with(csrf())
                        .param("closedOn", "2028-01-01").param("successorId", String.valueOf(successor)).param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(named(old)).containsExactly(successor);
        assertThat(confirmed(old, successor)).isFalse();
    }

    private void nameExpecting(long unit, Long successor, String error) throws Exception {
        mvc.perform(post("/admin/units/{id}/successors", unit).with(admin()).with(csrf())
                        .param("successorId", successor == null ? "" : String.valueOf(successor)).param("scopeConfirmed", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(error), containsString("checked"))));
    }

    private List<Long> named(long unit) {
        return jdbc.queryForList("select successor_id from unit_successor where unit_id = ?", Long.class, unit);
    }

    private boolean confirmed(long unit, long successor) {
        return jdbc.queryForObject("select scope_confirmed from unit_successor where unit_id = ? and successor_id = ?",
                Boolean.class, unit, successor);
    }

    private long insertUnit(String prefix, long parent) {
        String code = prefix + System.nanoTime() % 1_000_000;
        return jdbc.queryForObject("insert into administrative_unit (code, name, level, parent_id, opened_on) "
                + "values (?, ?, 'DISTRICT', ?, date '2027-01-01') returning id", Long.class, code, "Huyện " + code, parent);
    }

    private long unitId(String code) {
        return jdbc.queryForObject("select id from administrative_unit where code = ?", Long.class, code);
    }
}
