package vn.laichau.hlg.tracker.plan.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.laichau.hlg.tracker.period.ObligationService;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The plan stays as issued while its district-level assignments are carried, from 1/7/2025, by the
 * communes and the province's bodies; an administrator re-points an assignment from a day with a reason.
 */
@IntegrationTest
class AssignmentCarrierWebIntegrationTests {

    private static final String REASON = "Thử giao lại nhiệm vụ 10 cho Sở Tư pháp";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObligationService obligations;

    @AfterEach
    void removeCarrier() {
        jdbc.update("delete from task_assignment_carrier where reason = ?", REASON);
        obligations.refresh();
    }

    @Test
    void thePlanShowsTheIssuedWordingAndWhoCarriesEachDistrictAssignmentToday() throws Exception {
        mvc.perform(get("/plan"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Các sở, ban, ngành tỉnh, UBND cấp huyện, cấp xã.")))
                .andExpect(content().string(containsString(
                        "Từ ngày 01/07/2025, phần giao cho “UBND cấp huyện” do Ủy ban nhân dân cấp xã đảm nhận.")))
                .andExpect(content().string(containsString(
                        "Từ ngày 01/07/2025, phần giao cho “Hội Luật gia cấp huyện” do Hội Luật gia tỉnh đảm nhận.")))
                .andExpect(content().string(containsString(
                        "Từ ngày 01/07/2025, phần giao cho “Hội đồng phối hợp PBGDPL cấp huyện” do Hội đồng phối hợp PBGDPL tỉnh đảm nhận.")));
        mvc.perform(get("/plan/tasks/1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("UBND xã Bình Lư")))
                .andExpect(content().string(containsString("UBND phường Đoàn Kết")))
                .andExpect(content().string(not(containsString("UBND huyện Tam Đường"))));
    }

    @Test
    void anAdministratorRePointsAnAssignmentFromADayAndOnlyLaterYearsChange() throws Exception {
        long assignment = jdbc.queryForObject("""
                select ta.id from task_assignment ta join task t on t.id = ta.task_id
                where t.code = '10' and ta.role = 'LEAD' and ta.unit_level = 'DISTRICT'""", Long.class);
        long justice = jdbc.queryForObject("select id from agency where code = 'SO-TU-PHAP'", Long.class);
        long kind = jdbc.queryForObject("select id from agency_kind where code = 'UBND'", Long.class);

        mvc.perform(post("/admin/plan/carriers").with(csrf()).with(user("admin").roles("ADMIN"))
                        .param("assignmentId", String.valueOf(assignment)).param("validFrom", "31/02/2027")
                        .param("agencyId", String.valueOf(justice)).param("kindId", String.valueOf(kind)).param("reason", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"carrier-from-error\"")))
                .andExpect(content().string(containsString("Vui lòng chọn một cơ quan, hoặc một loại cơ quan, không chọn cả hai.")))
                .andExpect(content().string(containsString("id=\"carrier-reason-error\"")));
        assertThat(jdbc.queryForObject("select count(*) from task_assignment_carrier where assignment_id = ?", Integer.class,
                assignment)).isEqualTo(1);

        mvc.perform(post("/admin/plan/carriers").with(csrf()).with(user("admin").roles("ADMIN"))
                        .param("assignmentId", String.valueOf(assignment)).param("validFrom", "2027-01-01")
                        .param("agencyId", String.valueOf(justice)).param("reason", REASON))
                .andExpect(flash().attribute("flashSuccess", "plan.admin.carrier.saved"));

        assertThat(jdbc.queryForList("""
                select o.year from obligation o join task t on t.id = o.task_id
                where o.agency_id = ? and t.code = '10' order by 1""", Integer.class, justice))
                .containsExactly(2027, 2028, 2029, 2030);
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_entry where kind = 'ASSIGNMENT_REPOINTED' and new_value like ?""",
                Integer.class, "%" + REASON + "%")).isEqualTo(1);
        mvc.perform(get("/admin/plan").with(user("admin").roles("ADMIN")))
                .andExpect(content().string(containsString(REASON)));
    }
}
