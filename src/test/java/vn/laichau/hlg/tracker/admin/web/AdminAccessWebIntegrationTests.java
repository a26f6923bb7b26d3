package vn.laichau.hlg.tracker.admin.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import java.util.List;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.laichau.hlg.tracker.support.AdminRequests.admin;
import static vn.laichau.hlg.tracker.support.AdminRequests.as;

/** The administration of units and agencies is for administrators only. */
@IntegrationTest
class AdminAccessWebIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theIndexLinksToEveryAdministrationPage() throws Exception {
        mvc.perform(get("/admin").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("href=\"/admin/units\""),
                        containsString("href=\"/admin/agencies\""), containsString("href=\"/admin/agencies/import\""),
                        containsString("href=\"/admin/accounts\""), containsString("href=\"/admin/audit\""))));
    }

    @Test
    void theAdministratorReachesEveryPageInBothLanguages() throws Exception {
        long unit = jdbc.queryForObject("select id from administrative_unit where code = '106'", Long.class);
        long agency = jdbc.queryForObject("select id from agency where code = 'SO-TU-PHAP'", Long.class);
        for (String path : List.of("/admin", "/admin/units", "/admin/units/new", "/admin/units/new?parent=" + unit,
                "/admin/units/" + unit + "/rename", "/admin/units/" + unit + "/close",
                "/admin/agencies", "/admin/agencies/new", "/admin/agencies/" + agency + "/edit",
                "/admin/agencies/" + agency + "/close", "/admin/agencies/import")) {
            mvc.perform(get(path).with(admin())).andExpect(status().isOk());
            mvc.perform(get(path).param("lang", "en").with(admin()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Administration")));
        }
        mvc.perform(get("/admin/agencies/import/preview").with(admin())).andExpect(redirectedUrl("/admin/agencies/import"));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
    void everyOtherRoleIsRefused(Role role) throws Exception {
        for (AbstractMockHttpServletRequestBuilder<?> request : requests()) {
            mvc.perform(request.with(as(role)).with(csrf())).andExpect(status().isForbidden());
        }
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        for (String path : List.of("/admin", "/admin/units", "/admin/agencies", "/admin/agencies/import")) {
            mvc.perform(get(path)).andExpect(redirectedUrl("/login"));
        }
    }

    private static List<AbstractMockHttpServletRequestBuilder<?>> requests() {
        return List.of(
                get("/admin"),
                get("/admin/units"), get("/admin/units/new"), get("/admin/units/1/rename"), get("/admin/units/1/close"),
                post("/admin/units").param("code", "X").param("name", "X").param("level", "COMMUNE"),
                post("/admin/units/1/rename").param("name", "X").param("version", "0"),
                post("/admin/units/1/close").param("closedOn", "2030-01-01").param("version", "0"),
                get("/admin/agencies"), get("/admin/agencies/new"), get("/admin/agencies/1/edit"), get("/admin/agencies/1/close"),
                post("/admin/agencies").param("code", "X"),
                post("/admin/agencies/1/edit").param("code", "X").param("version", "0"),
                post("/admin/agencies/1/close").param("closedOn", "2030-01-01").param("version", "0"),
                get("/admin/agencies/import"), get("/admin/agencies/import/preview"),
                multipart("/admin/agencies/import").file(new MockMultipartFile("file", "a.csv", "text/csv", new byte[] {'a'})),
                post("/admin/agencies/import/confirm").param("token", "x"),
                post("/admin/agencies/import/cancel"));
    }
}
