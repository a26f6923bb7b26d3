package vn.laichau.hlg.tracker.plan.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Indicators are data: an administrator adds them and attaches them to tasks. */
@IntegrationTest
class IndicatorAdminWebIntegrationTests {

    static final String CODE = "TEST_MOOT_COURTS";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeTestIndicator() {
        jdbc.update("delete from task_indicator where indicator_id in (select id from indicator where code = ?)", CODE);
        jdbc.update("delete from indicator where code = ?", CODE);
    }

    @Test
    void theSeededIndicatorsAreListedByTask() throws Exception {
        mvc.perform(get("/admin/plan").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Trung tâm pháp luật cộng đồng đang hoạt động (trung tâm)")))
                .andExpect(content().string(containsString("Luật gia đã nghỉ hưu tham gia phổ biến, giáo dục pháp luật")));
        mvc.perform(get("/admin/plan").with(user("viewer").roles("VIEWER"))).andExpect(status().isForbidden());
    }

    @Test
    void anAdministratorAddsAnIndicatorAndAttachesItToATask() throws Exception {
        mvc.perform(post("/admin/plan/indicators").with(csrf()).with(user("admin").roles("ADMIN"))
                        .param("code", "x").param("name", "").param("unit", "phiên").param("position", "abc"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"indicator-code-error\"")))
                .andExpect(content().string(containsString("id=\"indicator-name-error\"")))
                .andExpect(content().string(containsString("id=\"indicator-position-error\"")));
        mvc.perform(post("/admin/plan/indicators").with(csrf()).with(user("admin").roles("ADMIN"))
                        .param("code", CODE).param("name", "Phiên tòa giả định đã tổ chức").param("unit", "phiên").param("position", "200"))
                .andExpect(flash().attribute("flashSuccess", "plan.admin.saved"));
        long indicator = jdbc.queryForObject("select id from indicator where code = ?", Long.class, CODE);
        long task = jdbc.queryForObject("select id from task where code = '6'", Long.class);
        mvc.perform(post("/admin/plan/tasks/" + task + "/indicators").with(csrf()).with(user("admin").roles("ADMIN"))
                        .param("indicator", String.valueOf(indicator)))
                .andExpect(flash().attribute("flashSuccess", "plan.admin.attached"));
        assertThat(jdbc.queryForObject("select count(*) from task_indicator where task_id = ? and indicator_id = ?",
                Integer.class, task, indicator)).isEqualTo(1);
    }

    @Test
    void aTasksSelectOffersOnlyIndicatorsNotYetAttachedAndPreselectsNone() throws Exception {
        var attached = jdbc.queryForMap("""
                select ti.task_id, ti.indicator_id from task_indicator ti order by ti.task_id, ti.indicator_id limit 1""");
        long task = ((Number) attached.get("task_id")).longValue();
        long indicator = ((Number) attached.get("indicator_id")).longValue();
        String page = mvc.perform(get("/admin/plan").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int start = page.indexOf("id=\"attach-" + task + "\"");
        assertThat(start).isPositive();
        String select = page.substring(start, page.indexOf("</select>", start));
        java.util.List<String> options = java.util.regex.Pattern.compile("<option[^>]*>").matcher(select).results()
                .map(java.util.regex.MatchResult::group).toList();
        assertThat(options.get(0)).contains("value=\"\"", "selected");
        assertThat(options.subList(1, options.size())).isNotEmpty().noneMatch(option -> option.contains("selected"))
                .noneMatch(option -> option.contains("value=\"" + indicator + "\""));

        mvc.perform(post("/admin/plan/tasks/" + task + "/indicators").with(csrf()).with(user("admin").roles("ADMIN"))
                        .param("indicator", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashError", "plan.admin.attachNone"));
    }

    @Test
    void aStaleEditGetsTheSharedConflictPageWithBothVersionsAndOverwritesNothing() throws Exception {
        long id = jdbc.queryForObject("""
                insert into indicator (code, name, unit, position) values (?, 'Tên thứ nhất', 'phiên', 901) returning id""",
                Long.class, CODE);
        jdbc.update("update indicator set name = 'Tên người khác vừa lưu', version = version + 1 where id = ?", id);

        mvc.perform(post("/admin/plan/indicators/" + id).with(csrf()).with(user("admin").roles("ADMIN"))
                        .param("name", "Tên của tôi").param("unit", "phiên").param("position", "901").param("active", "true")
                        .param("version", "0"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("<td>Tên của tôi</td>")))
                .andExpect(content().string(containsString("<td>Tên người khác vừa lưu</td>")))
                .andExpect(content().string(containsString("name=\"version\" value=\"1\"")))
                .andExpect(content().string(containsString("action=\"/admin/plan/indicators/" + id + "\"")));
        assertThat(jdbc.queryForObject("select name from indicator where id = ?", String.class, id))
                .isEqualTo("Tên người khác vừa lưu");
    }
}
