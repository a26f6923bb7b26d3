package vn.laichau.hlg.tracker.account.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.laichau.hlg.tracker.account.AccountAdministration;
import vn.laichau.hlg.tracker.account.AccountAdministration.AccountCommand;
import vn.laichau.hlg.tracker.account.AccountAdministration.Choices;
import vn.laichau.hlg.tracker.account.AccountAdministration.Created;
import vn.laichau.hlg.tracker.account.AccountEmails;
import vn.laichau.hlg.tracker.report.ReportService;
import vn.laichau.hlg.tracker.shared.Role;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
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
 * How the account form binds, without a database: typed fields reach the service, a value that is not of
 * its kind or an address that is not one comes back at its field with the typed text, and nothing is saved.
 */
@WebMvcTest(AccountAdminController.class)
@Import(EmailLinks.class)
class AccountAdminControllerTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AccountAdministration administration;

    @MockitoBean
    AccountEmails emails;

    /** The navigation badge's advice asks it; an administrator has no notifications. */
    @MockitoBean
    ReportService reports;

    @BeforeEach
    void choices() {
        given(administration.choices()).willReturn(new Choices(List.of(), List.of()));
    }

    @Test
    void aNewAccountBindsEachFieldToItsTypeAndRedirectsToTheAccount() throws Exception {
        given(administration.create(any(), anyString())).willReturn(new Created(41L, "Mk-một-lần", Map.of()));

        mvc.perform(post("/admin/accounts").with(admin()).with(csrf()).param("username", "can.bo")
                        .param("displayName", "Cán bộ Thử").param("role", "DISTRICT_REVIEWER").param("unitId", "106")
                        .param("agencyId", "").param("email", "canbo@laichau.gov.vn"))
                .andExpect(redirectedUrl("/admin/accounts/41"))
                .andExpect(flash().attribute("flashSuccess", "admin.accounts.created"));
        verify(administration).create(eq(new AccountCommand("can.bo", "Cán bộ Thử", Role.DISTRICT_REVIEWER, null, 106L, null)),
                anyString());
        verify(emails).change(eq(41L), eq("canbo@laichau.gov.vn"), anyString(), anyString());
    }

    @Test
    void aRoleThatIsNotOneComesBackAtItsFieldWithTheTypedTextKeptAndNothingSaved() throws Exception {
        mvc.perform(post("/admin/accounts").with(admin()).with(csrf()).param("username", "hop.le")
                        .param("displayName", "Người Thử").param("role", "NOT_A_ROLE").param("agencyId", "abc"))
                .andExpect(status().isOk())
                .andExpect(view().name("account/admin/form"))
                .andExpect(model().attributeHasFieldErrorCode("form", "role", "typeMismatch"))
                .andExpect(model().attributeHasFieldErrorCode("form", "agencyId", "typeMismatch"))
                .andExpect(content().string(allOf(
                        containsString("id=\"role-error\">Hãy chọn vai trò."),
                        containsString("id=\"agencyId-error\">Lựa chọn không hợp lệ."),
                        containsString("aria-describedby=\"role-error role-help\""),
                        containsString("value=\"hop.le\""), containsString("value=\"Người Thử\""))));
        verify(administration, never()).create(any(), anyString());
    }

    @Test
    void anAddressThatIsNotOneIsRefusedByItsConstraintWithTheMessageSayingWhy() throws Exception {
        mvc.perform(post("/admin/accounts").with(admin()).with(csrf()).param("username", "can.bo")
                        .param("displayName", "Cán bộ").param("role", "VIEWER").param("unitId", "12")
                        .param("email", "khong-phai-dia-chi"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "email", "AccountEmailAddress"))
                .andExpect(content().string(allOf(
                        containsString("id=\"email-error\">Địa chỉ thư điện tử không đúng dạng"),
                        containsString("value=\"khong-phai-dia-chi\""))));

        mvc.perform(post("/admin/accounts").with(admin()).with(csrf()).param("username", "can.bo")
                        .param("displayName", "Cán bộ").param("role", "VIEWER").param("unitId", "12")
                        .param("email", "a".repeat(250) + "@x.vn"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"email-error\">Địa chỉ thư điện tử không được dài quá 254 ký tự.")));
        verify(administration, never()).create(any(), anyString());
    }
}
