package vn.laichau.hlg.tracker.plan.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The plan's own number and date, left blank in the document, recorded by an administrator and shown on /plan. */
@IntegrationTest
class PlanDocumentWebIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void clear() {
        jdbc.update("update plan set document_number = null, issued_on = null");
    }

    private int audited() {
        return jdbc.queryForObject("select count(*) from audit_entry where kind = 'PLAN_DOCUMENT_SET'", Integer.class);
    }

    @Test
    void anAdministratorRecordsTheNumberAndDateAndThePlanPageShowsThem() throws Exception {
        int before = jdbc.queryForObject("select count(*) from audit_entry where kind = 'PLAN_DOCUMENT_SET' and actor = 'admin'"
                + " and new_value = '125/KH-UBND / 2024-04-18'", Integer.class);
        mvc.perform(get("/plan")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("của Ủy ban nhân dân tỉnh Lai Châu.</p>"))));

        mvc.perform(post("/admin/plan/document").with(csrf()).with(user("admin").roles("ADMIN"))
                        .param("documentNumber", " 125/KH-UBND ").param("issuedOn", "18/4/2024"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/plan#plan-document"))
                .andExpect(flash().attribute("flashSuccess", "plan.admin.document.saved"));

        Map<String, Object> stored = jdbc.queryForMap("select document_number, issued_on from plan");
        assertThat(stored.get("document_number")).isEqualTo("125/KH-UBND");
        assertThat(((java.sql.Date) stored.get("issued_on")).toLocalDate()).isEqualTo(LocalDate.of(2024, 4, 18));
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where kind = 'PLAN_DOCUMENT_SET' and actor = 'admin'"
                + " and new_value = '125/KH-UBND / 2024-04-18'", Integer.class)).isEqualTo(before + 1);

        mvc.perform(get("/plan")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Kế hoạch số 125/KH-UBND ngày 18/04/2024 của Ủy ban nhân dân tỉnh Lai Châu.")));
        mvc.perform(get("/admin/plan").with(user("admin").roles("ADMIN"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"125/KH-UBND\"")))
                .andExpect(content().string(containsString("value=\"18/04/2024\"")));
    }

    @Test
    void aBadDateComesBackWithItsMessageAndTheTypedValuesAndNothingIsSaved() throws Exception {
        jdbc.update("update plan set document_number = '12/KH-UBND', issued_on = date '2024-03-01'");
        int before = audited();

        mvc.perform(post("/admin/plan/document").with(csrf()).with(user("admin").roles("ADMIN"))
                        .param("documentNumber", "125/KH-UBND").param("issuedOn", "31/02/2024"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"plan-document-issued-error\"")))
                .andExpect(content().string(containsString("Vui lòng nhập ngày ban hành hợp lệ (dd/MM/yyyy).")))
                .andExpect(content().string(containsString("value=\"125/KH-UBND\"")))
                .andExpect(content().string(containsString("value=\"31/02/2024\"")));
        mvc.perform(post("/admin/plan/document").with(csrf()).with(user("admin").roles("ADMIN"))
                        .param("documentNumber", "x".repeat(101)).param("issuedOn", "18/04/2031"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Số kế hoạch tối đa 100 ký tự.")))
                .andExpect(content().string(containsString("Ngày ban hành phải từ năm 2023 đến năm 2030.")));

        assertThat(jdbc.queryForMap("select document_number, issued_on::text as issued from plan"))
                .containsEntry("document_number", "12/KH-UBND").containsEntry("issued", "2024-03-01");
        assertThat(audited()).isEqualTo(before);
    }

    @Test
    void blankValuesClearTheNumberAndDate() throws Exception {
        jdbc.update("update plan set document_number = '12/KH-UBND', issued_on = date '2024-03-01'");
        mvc.perform(post("/admin/plan/document").with(csrf()).with(user("admin").roles("ADMIN"))
                        .param("documentNumber", " ").param("issuedOn", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForMap("select document_number, issued_on from plan"))
                .containsEntry("document_number", null).containsEntry("issued_on", null);
        mvc.perform(post("/admin/plan/document").with(csrf()).with(user("reviewer").roles("PROVINCE_REVIEWER"))
                        .param("documentNumber", "1/KH-UBND").param("issuedOn", "01/01/2024"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select document_number from plan", String.class)).isNull();
    }
}
