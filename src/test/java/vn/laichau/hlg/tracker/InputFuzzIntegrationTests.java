package vn.laichau.hlg.tracker;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.laichau.hlg.tracker.export.EditionService;
import vn.laichau.hlg.tracker.period.ObligationService;
import vn.laichau.hlg.tracker.period.PeriodService;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.support.IntegrationTest;
import vn.laichau.hlg.tracker.support.TestAccounts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Hostile values in every field of every form the application has, and in the query of every page:
 * each request is otherwise valid (a user of the right role, a CSRF token, a realistic form for
 * records that exist), so that the hostile value reaches the validation. Nothing may answer with a
 * server error. A form added without a line here fails the test.
 */
@IntegrationTest
class InputFuzzIntegrationTests {

    /** Values that have broken forms before, or could. */
    static final List<String> HOSTILE = List.of(
            "a\u0000b",
            "x\u0001\u0008\u001b[31m\u007f\u0085\u009fy",
            "x".repeat(100_000),
            "-1",
            "99999999999999999999999999",
            "1e400",
            "2025-02-30",
            "😀𝕏 Lai Châu 🇻🇳",
            "Lai Cha\u0302u, Ho\u0323\u0302i Lua\u0323\u0302t gia",
            "'; drop table account; --",
            "<script>alert(1)</script>\"'><img src=x>",
            "");

    /** For forms without fields and for the queries of pages: the values that reach the most code. */
    static final List<String> SHORT_LIST = List.of(HOSTILE.get(0), HOSTILE.get(1), HOSTILE.get(4), HOSTILE.get(8),
            HOSTILE.get(10));

    /** Query parameters the pages read; every one gets each hostile value. */
    static final List<String> QUERY = List.of("page", "year", "unit", "q", "kind", "status", "actor", "from", "to",
            "task", "include", "parent");

    /**
     * Forms whose record does not exist here (an attachment, a contribution the agency's tasks do not
     * ask for): they answer 404, and their fields are numbers bound before anything else runs.
     */
    private static final Set<String> NOT_FOUND_HERE = Set.of("POST /reports/contribute",
            "POST /reports/{id}/attachments/{attachmentId}/delete");

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObligationService obligations;

    @Autowired
    PeriodService periods;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    TestAccounts accounts;

    @Autowired
    EditionService editions;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final Map<String, Form> forms = new LinkedHashMap<>();
    private final Map<Role, CurrentUser> users = new LinkedHashMap<>();
    private final Map<String, Long> baseline = new LinkedHashMap<>();
    private Map<String, Object> period2030;
    private String suffix;
    private long agency;
    private long editedAgency;
    private long closedAgency;
    private long unit;
    private long indicator;
    private long task;
    private long report;
    private long reviewed;
    private int year;
    private CurrentUser signInAccount;
    private CurrentUser passwordAccount;
    private CurrentUser administered;
    private CurrentUser stranded;
    private String passwordHash;

    /** A form: who posts it, where, and a valid payload made fresh for each request. */
    private record Form(Role role, String path, Supplier<Map<String, String>> base, String fileField) {
    }

    @BeforeEach
    void fixtures() {
        for (String table : List.of("administrative_unit", "agency", "indicator", "account", "progress_report")) {
            baseline.put(table, jdbc.queryForObject("select coalesce(max(id), 0) from " + table, Long.class));
        }
        period2030 = jdbc.queryForMap("select opens_on, due_on, closed_at from reporting_period where year = 2030");
        suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        // Since 1 July 2025 communes sit directly under the province, and UBND cấp xã carry the plan's work.
        long provinceUnit = id("select id from administrative_unit where code = '12'");
        unit = id("insert into administrative_unit (code, name, level, parent_id, opened_on) values (?, ?, 'COMMUNE', ?, "
                + "date '2024-01-01') returning id", "FZ" + suffix, "Xã Thử " + suffix, provinceUnit);
        agency = agency("FZ-R-" + suffix, unit);
        editedAgency = agency("FZ-E-" + suffix, unit);
        closedAgency = agency("FZ-C-" + suffix, unit);
        obligations.refresh();
        indicator = id("insert into indicator (code, name, unit, position) values (?, ?, 'người', 100) returning id",
                "FZ_" + suffix, "Chỉ tiêu thử " + suffix);
        year = periods.currentYear();
        long obligation = id("select o.id from obligation o where o.agency_id = ? and o.year = ? order by o.id limit 1",
                agency, year);
        task = id("select task_id from obligation where id = ?", obligation);
        report = id("insert into progress_report (agency_id, task_id, year) values (?, ?, ?) returning id", agency, task, year);
        long second = id("select o.id from obligation o where o.agency_id = ? and o.year = ? order by o.id limit 1",
                editedAgency, year);
        reviewed = id("insert into progress_report (agency_id, task_id, year, status, submitted_at, first_submitted_at) "
                + "select agency_id, task_id, year, 'SUBMITTED', now(), now() from obligation where id = ? returning id", second);

        users.put(Role.ADMIN, accounts.create("fz", Role.ADMIN, null, null));
        users.put(Role.PROVINCE_REVIEWER, accounts.create("fz", Role.PROVINCE_REVIEWER, "HLG-TINH", "12"));
        users.put(Role.REPORTER, accounts.create("fz", Role.REPORTER, "FZ-R-" + suffix, null));
        users.put(Role.VIEWER, accounts.create("fz", Role.VIEWER, null, "12"));
        signInAccount = accounts.create("fz", Role.VIEWER, null, "12");
        passwordAccount = accounts.create("fz", Role.VIEWER, null, "12");
        administered = accounts.create("fz", Role.REPORTER, "FZ-E-" + suffix, null);
        stranded = accounts.create("fz", Role.REPORTER, "UBND-TAM-DUONG", null);
        passwordHash = jdbc.queryForObject("select password_hash from account where id = ?", String.class, passwordAccount.id());
        describeForms(provinceUnit);
    }

    @AfterEach
    void cleanup() {
        jdbc.update("update reporting_period set opens_on = ?, due_on = ?, closed_at = ? where year = 2030",
                period2030.get("opens_on"), period2030.get("due_on"), period2030.get("closed_at"));
        jdbc.update("delete from task_assignment_carrier where valid_from = date '2030-12-31'");
        jdbc.update("update plan set document_number = null, issued_on = null");
        String newAgencies = "select id from agency where id > " + baseline.get("agency");
        String newReports = "select id from progress_report where id > " + baseline.get("progress_report")
                + " or agency_id in (" + newAgencies + ")";
        String newAccounts = "select id from account where id > " + baseline.get("account");
        jdbc.update("delete from report_event where report_id in (" + newReports + ") or actor_id in (" + newAccounts + ")");
        jdbc.update("delete from report_attachment where report_id in (" + newReports + ")");
        jdbc.update("delete from report_indicator_value where report_id in (" + newReports + ")");
        jdbc.update("update progress_report set approved_by_id = null, created_by_id = null, updated_by_id = null "
                + "where approved_by_id in (" + newAccounts + ") or created_by_id in (" + newAccounts + ") "
                + "or updated_by_id in (" + newAccounts + ")");
        jdbc.update("delete from progress_report where id in (" + newReports + ")");
        jdbc.update("delete from period_reopening where agency_id in (" + newAgencies + ") or reopened_by_id in (" + newAccounts + ")");
        jdbc.update("delete from notification_read where account_id in (" + newAccounts + ")");
        jdbc.update("delete from reminder_digest where account_id in (" + newAccounts + ")");
        jdbc.update("delete from agency_reminder where sent_by in (" + newAccounts + ") or agency_id in (" + newAgencies + ")");
        jdbc.update("delete from account_recovery_code where account_id in (" + newAccounts + ")");
        jdbc.update("delete from account where id in (" + newAccounts + ")");
        jdbc.update("delete from obligation where agency_id in (" + newAgencies + ")");
        jdbc.update("delete from task_indicator where indicator_id > ?", baseline.get("indicator"));
        jdbc.update("delete from indicator where id > ?", baseline.get("indicator"));
        jdbc.update("delete from agency where id > ?", baseline.get("agency"));
        jdbc.update("update administrative_unit set successor_id = null where successor_id > ?", baseline.get("administrative_unit"));
        jdbc.update("delete from unit_successor where unit_id > ? or successor_id > ?", baseline.get("administrative_unit"),
                baseline.get("administrative_unit"));
        for (Long id : jdbc.queryForList("select id from administrative_unit where id > ? order by id desc", Long.class,
                baseline.get("administrative_unit"))) {
            jdbc.update("delete from administrative_unit where id = ?", id);
        }
        obligations.refresh();
    }

    @Test
    void everyFormHasAValidPayloadHere() throws Exception {
        Set<String> described = new TreeSet<>(forms.keySet());
        described.remove("POST /login"); // handled by Spring Security's filter, not by a controller
        assertThat(described).containsExactlyInAnyOrderElementsOf(registered("POST"));
        // The payloads are accepted as they are, so that a hostile value in one field is what the form judges.
        List<String> refused = new ArrayList<>();
        for (Map.Entry<String, Form> entry : forms.entrySet()) {
            int status = send(entry.getValue(), entry.getValue().base().get(), null).getResponse().getStatus();
            if (status >= 400 && !(status == 404 && NOT_FOUND_HERE.contains(entry.getKey()))) {
                refused.add(entry.getKey() + " → " + status);
            }
        }
        assertThat(refused).isEmpty();
    }

    @Test
    void noHostileValueInAnyFieldOfAnyFormGivesAServerError() throws Exception {
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Map.Entry<String, Form> entry : forms.entrySet()) {
            Form form = entry.getValue();
            List<String> fields = new ArrayList<>(form.base().get().keySet());
            boolean noFields = fields.isEmpty();
            if (noFields) {
                fields.add("unexpected");
            }
            for (String field : fields) {
                for (String value : noFields ? List.of(HOSTILE.get(0), HOSTILE.get(2)) : HOSTILE) {
                    Map<String, String> payload = new LinkedHashMap<>(form.base().get());
                    payload.put(field, value);
                    sent++;
                    check(failures, entry.getKey(), field, value, () -> send(form, payload, null));
                }
                sent++;
                check(failures, entry.getKey(), field, "(sent twice)", () -> send(form, form.base().get(), field));
            }
        }
        assertThat(sent).isGreaterThan(1_000);
        assertThat(forms).hasSizeGreaterThanOrEqualTo(40);
        assertThat(failures).isEmpty();
    }

    @Test
    void noHostileValueInTheQueryOfAnyPageGivesAServerError() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String route : registered("GET")) {
            String pattern = route.substring(4);
            for (String value : SHORT_LIST) {
                MockHttpServletRequestBuilder get = request(HttpMethod.GET, path(pattern));
                QUERY.forEach(name -> get.param(name, value));
                check(failures, route, "query", value, () -> mvc.perform(get.with(TestAccounts.as(users.get(roleFor(pattern))))).andReturn());
            }
            for (String page : List.of("2147483647", "-2147483648", "99999999")) {
                MockHttpServletRequestBuilder get = request(HttpMethod.GET, path(pattern)).param("page", page);
                check(failures, route, "page", page, () -> mvc.perform(get.with(TestAccounts.as(users.get(roleFor(pattern))))).andReturn());
            }
        }
        assertThat(failures).isEmpty();
    }

    /** A request as MockMvc performs it (an exception no handler answered is a server error too). */
    private interface Exchange {
        MvcResult perform() throws Exception;
    }

    private void check(List<String> failures, String route, String field, String value, Exchange exchange) {
        String shown = (value.length() > 40 ? value.substring(0, 20) + "…(" + value.length() + " chars)" : value)
                .replaceAll("\\p{Cntrl}", "?");
        try {
            MvcResult result = exchange.perform();
            int status = result.getResponse().getStatus();
            if (status >= 500) {
                failures.add(route + " " + field + "=" + shown + " → " + status
                        + (result.getResolvedException() == null ? "" : " " + result.getResolvedException()));
            }
        } catch (Exception unanswered) {
            Throwable cause = unanswered;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            failures.add(route + " " + field + "=" + shown + " → " + cause);
        }
    }

    private MvcResult send(Form form, Map<String, String> payload, String twice) throws Exception {
        AbstractMockHttpServletRequestBuilder<?> builder;
        if (form.fileField() != null) {
            String csv = payload.entrySet().stream().filter(e -> !e.getKey().equals("unexpected"))
                    .map(Map.Entry::getKey).collect(Collectors.joining(",")) + "\n"
                    + payload.entrySet().stream().filter(e -> !e.getKey().equals("unexpected"))
                    .map(e -> "\"" + e.getValue().replace("\"", "\"\"") + "\"").collect(Collectors.joining(",")) + "\n";
            MockMultipartHttpServletRequestBuilder upload = multipart(form.path());
            upload.file(new MockMultipartFile(form.fileField(), "fuzz.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
            if (payload.containsKey("unexpected")) {
                upload.param("unexpected", payload.get("unexpected"));
            }
            builder = upload;
        } else if (form.path().endsWith("/edit") && form.path().startsWith("/reports/")) {
            MockMultipartHttpServletRequestBuilder upload = multipart(form.path());
            upload.file(new MockMultipartFile("files", "", "application/octet-stream", new byte[0]));
            builder = upload;
            payload.forEach(builder::param);
        } else {
            builder = request(HttpMethod.POST, form.path());
            payload.forEach(builder::param);
        }
        if (twice != null && payload.containsKey(twice)) {
            builder.param(twice, payload.get(twice));
        }
        builder.with(csrf());
        if (form.role() != null) {
            builder.with(TestAccounts.as(form.path().startsWith("/account/password") ? passwordAccount : users.get(form.role())));
        }
        return mvc.perform(builder).andReturn();
    }

    private void describeForms(long provinceUnit) {
        Role admin = Role.ADMIN;
        Role reporter = Role.REPORTER;
        Role province = Role.PROVINCE_REVIEWER;
        Map<String, String> none = Map.of();
        form("POST /login", null, "/login", () -> map("username", signInAccount.getUsername(), "password", TestAccounts.PASSWORD));
        form("POST /account/password", Role.VIEWER, "/account/password", () -> {
            jdbc.update("update account set password_hash = ? where id = ?", passwordHash, passwordAccount.id());
            return map("currentPassword", TestAccounts.PASSWORD, "newPassword", "một mật khẩu mới đủ dài 2026",
                    "confirmPassword", "một mật khẩu mới đủ dài 2026");
        });
        form("POST /account/sessions/{handle}/end", Role.VIEWER, "/account/sessions/000000000000000000000000/end", () -> none);
        form("POST /account/sessions/end-others", Role.VIEWER, "/account/sessions/end-others", () -> none);
        form("POST /account/email", Role.VIEWER, "/account/email", () -> map("email", "can.bo.thu@laichau.gov.vn"));
        form("POST /account/email/resend", Role.VIEWER, "/account/email/resend", () -> none);
        form("POST /account/totp", admin, "/account/totp", () -> map("code", "123456"));
        form("POST /login/totp", admin, "/login/totp", () -> map("code", "123456"));
        form("POST /admin/accounts", admin, "/admin/accounts", () -> map("username", "fz.u" + SEQUENCE.incrementAndGet()
                + "." + suffix.toLowerCase(), "displayName", "Nguyễn Văn Thử", "role", "REPORTER",
                "agencyId", String.valueOf(editedAgency), "unitId", "", "version", "", "email", "thu@laichau.gov.vn"));
        form("POST /admin/accounts/{id}", admin, "/admin/accounts/" + administered.id(), () -> map(
                "username", administered.getUsername(), "displayName", "Trần Thị Thử", "role", "REPORTER",
                "agencyId", String.valueOf(editedAgency), "unitId", "",
                "version", version("account", administered.id()), "email", ""));
        for (String action : List.of("disable", "enable", "reset-password", "unlock", "remove-second-factor")) {
            form("POST /admin/accounts/{id}/" + action, admin, "/admin/accounts/" + administered.id() + "/" + action, () -> none);
        }
        // A reporter of an agency closed on 1/7/2025, moved to the province's UBND (same kind, above it).
        form("POST /admin/accounts/{id}/move", admin, "/admin/accounts/" + stranded.id() + "/move", () -> {
            jdbc.update("update account set agency_id = (select id from agency where code = 'UBND-TAM-DUONG') where id = ?",
                    stranded.id());
            return map("target", String.valueOf(id("select id from agency where code = 'UBND-TINH'")),
                    "version", version("account", stranded.id()), "confirmed", "1");
        });
        form("POST /admin/accounts/import", admin, "/admin/accounts/import", () -> map("ten_dang_nhap",
                "fz.csv." + suffix.toLowerCase(), "ho_ten", "Lò Văn Thử", "vai_tro", "REPORTER", "ma_co_quan",
                "FZ-E-" + suffix, "ma_don_vi", ""), "file");
        form("POST /admin/accounts/import/confirm", admin, "/admin/accounts/import/confirm", () -> none);
        form("POST /admin/units", admin, "/admin/units", () -> map("code", "FZ" + SEQUENCE.incrementAndGet() + suffix,
                "name", "Xã Mới Thử", "level", "COMMUNE", "parentId", String.valueOf(provinceUnit), "openedOn", "2025-07-01"));
        form("POST /admin/units/{id}/rename", admin, "/admin/units/" + unit + "/rename", () -> map(
                "name", "Xã Đổi Tên", "version", version("administrative_unit", unit)));
        form("POST /admin/units/{id}/close", admin, "/admin/units/" + unit + "/close", () -> {
            jdbc.update("update administrative_unit set closed_on = null, successor_id = null where id = ?", unit);
            return map("closedOn", "2030-01-01", "successorId", "", "version", version("administrative_unit", unit));
        });
        // The unit closed, then a successor named, its scope confirmed, taken back.
        form("POST /admin/units/{id}/successors", admin, "/admin/units/" + unit + "/successors", () -> {
            jdbc.update("update administrative_unit set closed_on = date '2030-01-01' where id = ?", unit);
            jdbc.update("delete from unit_successor where unit_id = ?", unit);
            return map("successorId", String.valueOf(provinceUnit), "scopeConfirmed", "true");
        });
        for (String action : List.of("scope", "remove")) {
            form("POST /admin/units/{id}/successors/{successorId}/" + action, admin,
                    "/admin/units/" + unit + "/successors/" + provinceUnit + "/" + action, () -> {
                        jdbc.update("insert into unit_successor (unit_id, successor_id) values (?, ?) on conflict do nothing",
                                unit, provinceUnit);
                        return action.equals("scope") ? map("confirmed", "true") : none;
                    });
        }
        form("POST /admin/units/import", admin, "/admin/units/import", () -> map("ma", "FZ-U-" + suffix, "ten", "Xã Nhập Thử",
                "cap", "COMMUNE", "ma_cha", "12", "ngay_mo", "01/07/2025", "ngay_dong", "", "ma_ke_thua", ""), "file");
        form("POST /admin/units/import/confirm", admin, "/admin/units/import/confirm", () -> map("token", "abc"));
        form("POST /admin/units/import/cancel", admin, "/admin/units/import/cancel", () -> none);
        form("POST /admin/reorganisation", admin, "/admin/reorganisation", () -> map("thao_tac", "mo_don_vi",
                "ngay_hieu_luc", "01/01/2030", "ma", "FZ-R-" + suffix, "ten", "Xã Sắp Xếp Thử", "cap", "COMMUNE", "loai", "",
                "ma_don_vi", "12", "ma_ke_thua", ""), "file");
        form("POST /admin/reorganisation/confirm", admin, "/admin/reorganisation/confirm", () -> map("token", "abc"));
        form("POST /admin/reorganisation/cancel", admin, "/admin/reorganisation/cancel", () -> none);
        form("POST /admin/agencies", admin, "/admin/agencies", () -> map("code", "FZ-N-" + SEQUENCE.incrementAndGet() + suffix,
                "name", "UBND xã Thử Mới", "kindId", id("select id from agency_kind where code = 'UBND'") + "",
                "unitId", String.valueOf(unit), "openedOn", "2025-07-01", "version", "0"));
        form("POST /admin/agencies/{id}/edit", admin, "/admin/agencies/" + editedAgency + "/edit", () -> map(
                "code", "FZ-E-" + suffix, "name", "UBND xã Thử Sửa", "kindId", id("select id from agency_kind where code = 'UBND'") + "",
                "unitId", String.valueOf(unit), "openedOn", "2024-01-01", "version", version("agency", editedAgency)));
        form("POST /admin/agencies/{id}/close", admin, "/admin/agencies/" + closedAgency + "/close", () -> {
            jdbc.update("update agency set closed_on = null where id = ?", closedAgency);
            return map("closedOn", "2030-01-01", "version", version("agency", closedAgency));
        });
        form("POST /admin/agencies/import", admin, "/admin/agencies/import", () -> map("ma", "FZ-I-" + suffix,
                "ten", "UBND xã Nhập Thử", "loai", "UBND", "ma_don_vi_hanh_chinh", "106", "ngay_bat_dau", "01/07/2025"), "file");
        form("POST /admin/agencies/import/confirm", admin, "/admin/agencies/import/confirm", () -> map("token", "abc"));
        form("POST /admin/agencies/import/cancel", admin, "/admin/agencies/import/cancel", () -> none);
        form("POST /admin/backups", admin, "/admin/backups", () -> none);
        // Re-pointed after the last reporting window of the plan, so that no obligation changes.
        Map<String, Object> assignment = jdbc.queryForMap("select id, agency_kind_id, unit_level from task_assignment "
                + "where party_type = 'KIND' and unit_level is not null order by id limit 1");
        form("POST /admin/plan/carriers", admin, "/admin/plan/carriers", () -> map("assignmentId",
                String.valueOf(assignment.get("id")), "validFrom", "31/12/2030", "kindId", String.valueOf(assignment.get("agency_kind_id")),
                "agencyId", "", "unitLevel", String.valueOf(assignment.get("unit_level")), "reason", "Thử nhập liệu"));
        form("POST /admin/periods/{year}/schedule", province, "/admin/periods/2030/schedule", () -> map(
                "opensOn", "2029-12-15", "dueOn", "2030-12-14", "version", version("reporting_period", periodId(2030))));
        form("POST /admin/periods/{year}/close", province, "/admin/periods/2030/close", () -> none);
        form("POST /admin/periods/{year}/open", province, "/admin/periods/2030/open", () -> none);
        form("POST /admin/periods/{year}/reopen", province, "/admin/periods/2030/reopen", () -> {
            jdbc.update("update reporting_period set closed_at = now() where year = 2030");
            return map("agencyId", String.valueOf(agency), "openUntil", "2030-12-31", "reason", "Cơ quan bổ sung số liệu");
        });
        form("POST /admin/plan/document", admin, "/admin/plan/document", () -> map("documentNumber", "125/KH-UBND",
                "issuedOn", "18/04/2024"));
        form("POST /admin/plan/indicators", admin, "/admin/plan/indicators", () -> map("code", "FZ_N" + SEQUENCE.incrementAndGet()
                + "_" + suffix, "name", "Số người được tuyên truyền", "unit", "người", "memberCategory", "Hội viên",
                "position", "100", "active", "true"));
        form("POST /admin/plan/indicators/{id}", admin, "/admin/plan/indicators/" + indicator, () -> map(
                "name", "Số lượt tư vấn", "unit", "lượt", "memberCategory", "Luật gia", "position", "50", "active", "true",
                "version", version("indicator", indicator)));
        form("POST /admin/plan/tasks/{taskId}/indicators", admin, "/admin/plan/tasks/" + task + "/indicators",
                () -> map("indicator", String.valueOf(indicator)));
        form("POST /admin/plan/tasks/{taskId}/indicators/{indicator}/detach", admin,
                "/admin/plan/tasks/" + task + "/indicators/" + indicator + "/detach", () -> none);
        form("POST /notifications/read", reporter, "/notifications/read", () -> none);
        form("POST /dashboard/agencies/{id}/remind", province, "/dashboard/agencies/" + editedAgency + "/remind",
                () -> map("year", "2026", "task", ""));
        form("POST /reports/start", reporter, "/reports/start", () -> map("obligation",
                String.valueOf(id("select id from obligation where agency_id = ? and year = ? order by id desc limit 1", agency, year))));
        form("POST /reports/contribute", reporter, "/reports/contribute", () -> map("task", String.valueOf(task), "year", String.valueOf(year)));
        form("POST /reports/{id}/edit", reporter, "/reports/" + report + "/edit", () -> {
            jdbc.update("update progress_report set status = 'DRAFT' where id = ?", report);
            Map<String, String> payload = map("version", version("progress_report", report), "implementationStatus", "IN_PROGRESS",
                    "percentComplete", "50", "results", "Đã tổ chức 3 hội nghị", "difficulties", "Địa bàn rộng",
                    "proposals", "Bổ sung kinh phí", "budgetPlanned", "1.000.000", "budgetSpent", "500.000",
                    "budgetOtherPlanned", "200.000", "budgetOtherSpent", "100.000",
                    "documentsIssued", "Kế hoạch số 12/KH-HLG ngày 15/01/2026", "action", "save");
            jdbc.queryForList("select indicator_id from task_indicator where task_id = ?", Long.class, task)
                    .forEach(id -> payload.put("indicators[" + id + "]", "10"));
            return payload;
        });
        form("POST /reports/{id}/attachments/{attachmentId}/delete", reporter, "/reports/" + report + "/attachments/987654321/delete",
                () -> none);
        // Editions of a commune's consolidated report (a commune no other test drafts for): one draft to edit, one to
        // issue, and an issued one to supersede.
        long commune = id("select id from administrative_unit where code = '03598'");
        CurrentUser reviewer = users.get(province);
        long drafted = edition(reviewer, commune, 2024, false);
        long toIssue = edition(reviewer, commune, 2025, false);
        long issued = edition(reviewer, commune, 2026, true);
        form("POST /editions", province, "/editions", () -> map("unit", String.valueOf(commune), "period", "2024"));
        form("POST /editions/{id}/sections/{section}", province, "/editions/" + drafted + "/sections/RESULTS", () -> map(
                "body", "## 1. Nhiệm vụ\nĐã tổ chức 3 hội nghị.\n| Chỉ tiêu | Số |\n| Hội nghị | 3 |",
                "version", String.valueOf(jdbc.queryForObject("select version from edition_section where edition_id = ? "
                        + "and section = 'RESULTS'", Long.class, drafted))));
        form("POST /editions/{id}/issue", province, "/editions/" + toIssue + "/issue", () -> map("number",
                "FZ" + SEQUENCE.incrementAndGet() + "/BC-HLG", "issuedOn", "14/12/2025", "signerName", "Nguyễn Văn Thử",
                "signerTitle", "CHỦ TỊCH", "recipients", "- UBND tỉnh;\n- Lưu: VT.",
                "version", version("edition", toIssue)));
        form("POST /editions/{id}/supersede", province, "/editions/" + issued + "/supersede",
                () -> map("reason", "Sửa số liệu kinh phí"));
        // Two proposals of the reviewed report as items: one to answer, one to merge into the other.
        long item = id("insert into difficulty_item (report_id, kind, position, text) values (?, 'PROPOSAL', 1, ?) returning id",
                reviewed, "Đề nghị bổ sung kinh phí");
        long duplicate = id("insert into difficulty_item (report_id, kind, position, text) values (?, 'PROPOSAL', 2, ?) returning id",
                reviewed, "Đề nghị tăng kinh phí");
        form("POST /difficulties/{id}", province, "/difficulties/" + item, () -> {
            jdbc.update("update difficulty_item set status = 'NEW', answer = null where id = ?", item);
            return map("status", "DIRECTED", "answer", "UBND tỉnh giao Sở Tài chính bố trí kinh phí.",
                    "version", version("difficulty_item", item));
        });
        form("POST /difficulties/{id}/merge", province, "/difficulties/" + duplicate + "/merge", () -> {
            jdbc.update("update difficulty_item set merged_into = null where id = ?", duplicate);
            return map("into", String.valueOf(item));
        });
        form("POST /review/{id}/approve", province, "/review/" + reviewed + "/approve", () -> {
            jdbc.update("update progress_report set status = 'SUBMITTED' where id = ?", reviewed);
            return map("version", version("progress_report", reviewed), "confirmed", "1");
        });
        form("POST /review/{id}/return", province, "/review/" + reviewed + "/return", () -> {
            jdbc.update("update progress_report set status = 'SUBMITTED' where id = ?", reviewed);
            return map("version", version("progress_report", reviewed), "reason", "Thiếu số liệu kinh phí");
        });
        form("POST /review/{id}/reopen", province, "/review/" + reviewed + "/reopen", () -> {
            jdbc.update("update progress_report set status = 'APPROVED', approved_at = now() where id = ?", reviewed);
            return map("version", version("progress_report", reviewed), "reason", "Cần sửa số liệu");
        });
    }

    /** The commune's latest edition of the year (issued when asked), drafted when there is none. */
    private long edition(CurrentUser reviewer, long commune, int year, boolean issued) {
        List<Long> found = jdbc.queryForList("select id from edition where unit_id = ? and first_year = ? and last_year = ? "
                + (issued ? "and status = 'ISSUED' " : "") + "order by id desc limit 1", Long.class, commune, year, year);
        if (!found.isEmpty()) {
            return found.get(0);
        }
        long id = editions.start(reviewer, commune, new EditionService.Period(year, year), java.util.Locale.forLanguageTag("vi"));
        if (issued) {
            editions.issue(reviewer, id, new EditionService.IssueForm("FZ-" + year + "-" + suffix, "15/12/" + year,
                    "Nguyễn Văn Thử", "CHỦ TỊCH", "- Lưu: VT.", Long.valueOf(version("edition", id))));
        }
        return id;
    }

    private void form(String route, Role role, String path, Supplier<Map<String, String>> base) {
        form(route, role, path, base, null);
    }

    private void form(String route, Role role, String path, Supplier<Map<String, String>> base, String fileField) {
        forms.put(route, new Form(role, path, base, fileField));
    }

    private static Map<String, String> map(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private Role roleFor(String pattern) {
        if (pattern.startsWith("/admin/periods")) {
            return Role.PROVINCE_REVIEWER;
        }
        if (pattern.startsWith("/admin")) {
            return Role.ADMIN;
        }
        if (pattern.startsWith("/review") || pattern.startsWith("/dashboard") || pattern.startsWith("/exports")
                || pattern.startsWith("/editions") || pattern.startsWith("/difficulties")) {
            return Role.PROVINCE_REVIEWER;
        }
        return Role.REPORTER;
    }

    private String path(String pattern) {
        return pattern.replace("{code}", "1").replace("{id}", pattern.startsWith("/admin/accounts") ? String.valueOf(administered.id())
                        : pattern.startsWith("/admin/units") ? String.valueOf(unit)
                        : pattern.startsWith("/admin/agencies") ? String.valueOf(editedAgency)
                        : pattern.startsWith("/admin/plan") ? String.valueOf(indicator)
                        : pattern.startsWith("/review") ? String.valueOf(reviewed) : String.valueOf(report))
                .replace("{attachmentId}", "987654321").replace("{handle}", "000000000000000000000000")
                .replace("{year}", "2030").replace("{section}", "RESULTS").replace("{taskId}", String.valueOf(task)).replace("{indicator}", String.valueOf(indicator));
    }

    private Set<String> registered(String method) {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("GET")
                    : info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(Collectors.toSet());
            for (String pattern : info.getPatternValues()) {
                if (!pattern.equals("/error") && methods.contains(method)) {
                    routes.add(method + " " + pattern);
                }
            }
        }
        return routes;
    }

    private long agency(String code, long unitId) {
        return id("insert into agency (code, name, kind_id, unit_id, opened_on) select ?, ?, k.id, ?, date '2024-01-01' "
                + "from agency_kind k where k.code = 'UBND' returning id", code, "UBND xã " + code, unitId);
    }

    private long periodId(int periodYear) {
        return id("select id from reporting_period where year = ?", periodYear);
    }

    private String version(String table, long rowId) {
        return String.valueOf(id("select version from " + table + " where id = ?", rowId));
    }

    private long id(String sql, Object... arguments) {
        return jdbc.queryForObject(sql, Long.class, arguments);
    }
}
