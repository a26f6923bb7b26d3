package vn.laichau.hlg.tracker;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.support.IntegrationTest;
import vn.laichau.hlg.tracker.support.TestAccounts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every registered route, for every role and for an anonymous visitor: who gets through and who is
 * refused. A route added without a line here fails the test, so that nobody forgets to decide who may
 * use it. Whatever arrives (here: ids that exist nowhere, empty forms), nobody ever gets a server error.
 * (Scope within a role — which agency, which district — is tested per module.)
 */
@IntegrationTest
class AccessMatrixIntegrationTests {

    /** "METHOD path: who may" — ALL (everyone, signed in or not), SIGNED_IN, or role names. */
    private static final String MATRIX = """
            GET /: SIGNED_IN
            GET /login: ALL
            GET /plan: ALL
            GET /plan/tasks/{code}: ALL
            GET /account: SIGNED_IN
            POST /account/email: SIGNED_IN
            POST /account/email/resend: SIGNED_IN
            GET /account/email/verify: SIGNED_IN
            GET /account/password: SIGNED_IN
            POST /account/password: SIGNED_IN
            GET /account/sessions: SIGNED_IN
            POST /account/sessions/{handle}/end: SIGNED_IN
            POST /account/sessions/end-others: SIGNED_IN
            GET /account/totp: SIGNED_IN
            POST /account/totp: SIGNED_IN
            GET /account/totp/recovery-codes: SIGNED_IN
            GET /login/totp: SIGNED_IN
            POST /login/totp: SIGNED_IN
            GET /admin/audit: ADMIN
            GET /admin/backups: ADMIN
            POST /admin/backups: ADMIN
            GET /admin/accounts: ADMIN
            POST /admin/accounts: ADMIN
            GET /admin/accounts/new: ADMIN
            GET /admin/accounts/{id}: ADMIN
            POST /admin/accounts/{id}: ADMIN
            GET /admin/accounts/{id}/edit: ADMIN
            POST /admin/accounts/{id}/disable: ADMIN
            POST /admin/accounts/{id}/enable: ADMIN
            POST /admin/accounts/{id}/reset-password: ADMIN
            POST /admin/accounts/{id}/unlock: ADMIN
            POST /admin/accounts/{id}/remove-second-factor: ADMIN
            GET /admin/accounts/{id}/move: ADMIN
            POST /admin/accounts/{id}/move: ADMIN
            GET /admin/accounts/import: ADMIN
            POST /admin/accounts/import: ADMIN
            POST /admin/accounts/import/confirm: ADMIN
            GET /admin/accounts/import/result: ADMIN
            GET /admin: ADMIN
            GET /admin/units: ADMIN
            POST /admin/units: ADMIN
            GET /admin/units/new: ADMIN
            GET /admin/units/{id}/rename: ADMIN
            POST /admin/units/{id}/rename: ADMIN
            GET /admin/units/{id}/close: ADMIN
            POST /admin/units/{id}/close: ADMIN
            GET /admin/units/{id}/successors: ADMIN
            POST /admin/units/{id}/successors: ADMIN
            POST /admin/units/{id}/successors/{successorId}/scope: ADMIN
            POST /admin/units/{id}/successors/{successorId}/remove: ADMIN
            GET /admin/units/import: ADMIN
            POST /admin/units/import: ADMIN
            GET /admin/units/import/preview: ADMIN
            POST /admin/units/import/confirm: ADMIN
            POST /admin/units/import/cancel: ADMIN
            GET /admin/reorganisation: ADMIN
            POST /admin/reorganisation: ADMIN
            GET /admin/reorganisation/preview: ADMIN
            POST /admin/reorganisation/confirm: ADMIN
            POST /admin/reorganisation/cancel: ADMIN
            GET /admin/agencies: ADMIN
            POST /admin/agencies: ADMIN
            GET /admin/agencies/new: ADMIN
            GET /admin/agencies/{id}/edit: ADMIN
            POST /admin/agencies/{id}/edit: ADMIN
            GET /admin/agencies/{id}/close: ADMIN
            POST /admin/agencies/{id}/close: ADMIN
            GET /admin/agencies/import: ADMIN
            POST /admin/agencies/import: ADMIN
            GET /admin/agencies/import/preview: ADMIN
            POST /admin/agencies/import/confirm: ADMIN
            POST /admin/agencies/import/cancel: ADMIN
            GET /admin/periods: ADMIN, PROVINCE_REVIEWER
            POST /admin/periods/{year}/schedule: ADMIN, PROVINCE_REVIEWER
            POST /admin/periods/{year}/close: ADMIN, PROVINCE_REVIEWER
            POST /admin/periods/{year}/open: ADMIN, PROVINCE_REVIEWER
            POST /admin/periods/{year}/reopen: ADMIN, PROVINCE_REVIEWER
            GET /admin/plan: ADMIN
            POST /admin/plan/carriers: ADMIN
            POST /admin/plan/document: ADMIN
            POST /admin/plan/indicators: ADMIN
            GET /admin/plan/indicators/{id}: ADMIN
            POST /admin/plan/indicators/{id}: ADMIN
            POST /admin/plan/tasks/{taskId}/indicators: ADMIN
            POST /admin/plan/tasks/{taskId}/indicators/{indicator}/detach: ADMIN
            GET /notifications: SIGNED_IN
            POST /notifications/read: SIGNED_IN
            GET /reports: REPORTER, PROVINCE_REVIEWER, DISTRICT_REVIEWER, VIEWER
            POST /reports/start: REPORTER, PROVINCE_REVIEWER, DISTRICT_REVIEWER, VIEWER
            POST /reports/contribute: REPORTER, PROVINCE_REVIEWER, DISTRICT_REVIEWER, VIEWER
            GET /reports/{id}: REPORTER, PROVINCE_REVIEWER, DISTRICT_REVIEWER, VIEWER
            GET /reports/{id}/edit: REPORTER, PROVINCE_REVIEWER, DISTRICT_REVIEWER, VIEWER
            POST /reports/{id}/edit: REPORTER, PROVINCE_REVIEWER, DISTRICT_REVIEWER, VIEWER
            GET /reports/{id}/attachments/{attachmentId}: REPORTER, PROVINCE_REVIEWER, DISTRICT_REVIEWER, VIEWER
            POST /reports/{id}/attachments/{attachmentId}/delete: REPORTER, PROVINCE_REVIEWER, DISTRICT_REVIEWER, VIEWER
            GET /review: PROVINCE_REVIEWER, DISTRICT_REVIEWER
            GET /review/{id}: PROVINCE_REVIEWER, DISTRICT_REVIEWER
            GET /review/{id}/approve: PROVINCE_REVIEWER, DISTRICT_REVIEWER
            POST /review/{id}/approve: PROVINCE_REVIEWER, DISTRICT_REVIEWER
            POST /review/{id}/return: PROVINCE_REVIEWER, DISTRICT_REVIEWER
            POST /review/{id}/reopen: PROVINCE_REVIEWER, DISTRICT_REVIEWER
            GET /difficulties: PROVINCE_REVIEWER, DISTRICT_REVIEWER
            GET /difficulties/{id}: PROVINCE_REVIEWER, DISTRICT_REVIEWER
            POST /difficulties/{id}: PROVINCE_REVIEWER, DISTRICT_REVIEWER
            POST /difficulties/{id}/merge: PROVINCE_REVIEWER, DISTRICT_REVIEWER
            GET /dashboard: PROVINCE_REVIEWER, DISTRICT_REVIEWER, VIEWER
            GET /dashboard/agencies/{id}: PROVINCE_REVIEWER, DISTRICT_REVIEWER, VIEWER
            POST /dashboard/agencies/{id}/remind: PROVINCE_REVIEWER, DISTRICT_REVIEWER
            GET /exports/dashboard.xlsx: PROVINCE_REVIEWER, DISTRICT_REVIEWER, VIEWER
            GET /exports/reports.csv: PROVINCE_REVIEWER, DISTRICT_REVIEWER, VIEWER
            GET /exports/consolidated.docx: PROVINCE_REVIEWER, DISTRICT_REVIEWER, VIEWER
            GET /editions: PROVINCE_REVIEWER, DISTRICT_REVIEWER
            POST /editions: PROVINCE_REVIEWER, DISTRICT_REVIEWER
            GET /editions/{id}: PROVINCE_REVIEWER, DISTRICT_REVIEWER
            GET /editions/{id}/sections/{section}: PROVINCE_REVIEWER, DISTRICT_REVIEWER
            POST /editions/{id}/sections/{section}: PROVINCE_REVIEWER, DISTRICT_REVIEWER
            POST /editions/{id}/issue: PROVINCE_REVIEWER, DISTRICT_REVIEWER
            POST /editions/{id}/supersede: PROVINCE_REVIEWER, DISTRICT_REVIEWER
            GET /editions/{id}/edition.docx: PROVINCE_REVIEWER, DISTRICT_REVIEWER
            """;

    /** Values for path variables: ids that exist nowhere, so that allowed requests change nothing. */
    private static final Map<String, String> VARIABLES = Map.of(
            "code", "1", "id", "987654321", "handle", "000000000000000000000000", "year", "2099",
            "taskId", "987654321", "indicator", "987654321", "attachmentId", "987654321", "section", "RESULTS",
            "successorId", "987654321");

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    TestAccounts accounts;

    private final Map<Role, CurrentUser> users = new EnumMap<>(Role.class);

    @BeforeEach
    void oneAccountPerRole() {
        users.put(Role.ADMIN, accounts.create("ma.tran", Role.ADMIN, null, null));
        users.put(Role.PROVINCE_REVIEWER, accounts.create("ma.tran", Role.PROVINCE_REVIEWER, "HLG-TINH", "12"));
        users.put(Role.DISTRICT_REVIEWER, accounts.create("ma.tran", Role.DISTRICT_REVIEWER, "HLG-TAM-DUONG", "106"));
        users.put(Role.REPORTER, accounts.create("ma.tran", Role.REPORTER, "UBND-TAM-DUONG", null));
        users.put(Role.VIEWER, accounts.create("ma.tran", Role.VIEWER, null, "12"));
    }

    @Test
    void everyRouteHasAnEntry() {
        assertThat(registeredRoutes()).containsExactlyInAnyOrderElementsOf(matrix().keySet());
    }

    @Test
    void everyRoleReachesExactlyWhatItsEntrySays() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Set<String>> entry : matrix().entrySet()) {
            String[] route = entry.getKey().split(" ", 2);
            Set<String> who = entry.getValue();
            for (Role role : Role.values()) {
                boolean allowed = who.contains("ALL") || who.contains("SIGNED_IN") || who.contains(role.name());
                MvcResult result = mvc.perform(build(route[0], route[1]).with(TestAccounts.as(users.get(role)))).andReturn();
                int status = result.getResponse().getStatus();
                boolean refused = status == 403;
                if (allowed == refused || status >= 500) {
                    wrong.add(entry.getKey() + " as " + role + " → " + status);
                }
            }
            MvcResult anonymous = mvc.perform(build(route[0], route[1])).andReturn();
            String location = anonymous.getResponse().getRedirectedUrl();
            boolean sentToSignIn = location != null && location.endsWith("/login");
            boolean refused = sentToSignIn || anonymous.getResponse().getStatus() == 403;
            if (who.contains("ALL") == refused) {
                wrong.add(entry.getKey() + " anonymously → " + anonymous.getResponse().getStatus() + " " + location);
            }
        }
        assertThat(wrong).isEmpty();
    }

    private MockHttpServletRequestBuilder build(String method, String pattern) {
        String path = pattern;
        for (Map.Entry<String, String> variable : VARIABLES.entrySet()) {
            path = path.replace("{" + variable.getKey() + "}", variable.getValue());
        }
        MockHttpServletRequestBuilder builder = request(HttpMethod.valueOf(method), path);
        return method.equals("GET") ? builder : builder.with(csrf());
    }

    private Set<String> registeredRoutes() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("GET")
                    : info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(Collectors.toSet());
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/error")) {
                    continue;
                }
                methods.forEach(method -> routes.add(method + " " + pattern));
            }
        }
        return routes;
    }

    private static Map<String, Set<String>> matrix() {
        Map<String, Set<String>> matrix = new LinkedHashMap<>();
        for (String line : MATRIX.strip().split("\n")) {
            int colon = line.lastIndexOf(':');
            matrix.put(line.substring(0, colon).strip(), Arrays.stream(line.substring(colon + 1).split(","))
                    .map(String::strip).collect(Collectors.toSet()));
        }
        return matrix;
    }
}
