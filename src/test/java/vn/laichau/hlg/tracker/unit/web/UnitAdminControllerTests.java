package vn.laichau.hlg.tracker.unit.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.laichau.hlg.tracker.report.ReportService;
import vn.laichau.hlg.tracker.unit.AdministrativeUnit;
import vn.laichau.hlg.tracker.unit.UnitLevel;
import vn.laichau.hlg.tracker.unit.UnitService;
import vn.laichau.hlg.tracker.unit.UnitViews.Details;

import java.time.LocalDate;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;
import static vn.laichau.hlg.tracker.support.AdminRequests.admin;

/**
 * The unit forms' web rules alone, without a database: how a post binds, where a success redirects, and
 * that a stale edit gets the shared 409 page. The service is a mock, and Spring Boot's default security
 * (signed in, CSRF token) stands in for the application's rules, which {@code AccessMatrixIntegrationTests}
 * checks on the whole application.
 */
@WebMvcTest(UnitAdminController.class)
class UnitAdminControllerTests {

    static final Details DISTRICT = new Details(7, "FX-7", "Huyện Bảy", UnitLevel.DISTRICT, 1L, "Tỉnh", LocalDate.of(2024, 1, 1),
            null, null, null, 3);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    UnitService units;

    /** The navigation badge's advice asks it; an administrator has no notifications. */
    @MockitoBean
    ReportService reports;

    @Test
    void aRenameBindsTheFormAndRedirectsToTheTreeWithAMessage() throws Exception {
        given(units.get(7)).willReturn(DISTRICT);

        mvc.perform(post("/admin/units/7/rename").with(admin()).with(csrf()).param("name", "Huyện Bảy Mới").param("version", "3"))
                .andExpect(redirectedUrl("/admin/units"))
                .andExpect(flash().attribute("flashSuccess", "admin.units.renamed"));
        verify(units).rename(eq(7L), eq(3L), eq("Huyện Bảy Mới"), anyString(), anyString());
    }

    @Test
    void aStaleRenameGetsTheSharedConflictPageWithBothNamesAndTheTypedOneReadyToSaveAgain() throws Exception {
        given(units.get(7)).willReturn(DISTRICT);
        willThrow(new ObjectOptimisticLockingFailureException(AdministrativeUnit.class, 7L))
                .given(units).rename(anyLong(), anyLong(), anyString(), anyString(), anyString());

        mvc.perform(post("/admin/units/7/rename").with(admin()).with(csrf()).param("name", "Tên của tôi").param("version", "2"))
                .andExpect(status().isConflict())
                .andExpect(view().name("error/409"))
                .andExpect(content().string(allOf(
                        containsString("<td>Tên của tôi</td>"), containsString("<td>Huyện Bảy</td>"),
                        containsString("name=\"name\" value=\"Tên của tôi\""),
                        containsString("name=\"version\" value=\"3\""),
                        containsString("action=\"/admin/units/7/rename\""),
                        not(containsString("value=\"2\"")))));
    }

    @Test
    void aStaleCloseGetsTheSamePageWithTheDaysAsPeopleWriteThem() throws Exception {
        given(units.get(7)).willReturn(DISTRICT);
        willThrow(new ObjectOptimisticLockingFailureException(AdministrativeUnit.class, 7L))
                .given(units).close(anyLong(), anyLong(), any(), any(), anyString(), anyString());

        mvc.perform(post("/admin/units/7/close").with(admin()).with(csrf()).param("closedOn", "2028-01-01").param("version", "3"))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("<td>01/01/2028</td>"),
                        containsString("name=\"closedOn\" value=\"2028-01-01\""))));
    }

    @Test
    void aDayThatCannotBeReadComesBackNextToItsFieldAndNothingIsSaved() throws Exception {
        given(units.get(7)).willReturn(DISTRICT);

        mvc.perform(post("/admin/units/7/close").with(admin()).with(csrf()).param("closedOn", "ngày mai").param("version", "3"))
                .andExpect(status().isOk())
                .andExpect(view().name("admin/units/close"))
                .andExpect(model().attributeHasFieldErrors("form", "closedOn"))
                .andExpect(content().string(containsString("id=\"closedOn-error\"")));
        verify(units, never()).close(anyLong(), anyLong(), any(), any(), anyString(), anyString());
    }
}
