package vn.laichau.hlg.tracker.shared;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.laichau.hlg.tracker.period.ObligationService;
import vn.laichau.hlg.tracker.support.IntegrationTest;
import vn.laichau.hlg.tracker.support.TestAccounts;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What arrives is cleaned and checked before anything stores it: control characters removed with a
 * message and the rest of the text kept, Vietnamese in NFC, every length the form states enforced, a
 * field sent twice refused, page numbers past either end shown as the last or first page.
 */
@IntegrationTest
class InputWebIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ObligationService obligations;

    private final String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private Long agency;

    @AfterEach
    void cleanup() {
        jdbc.update("delete from indicator where code like ?", "IN_" + suffix + "%");
        if (agency != null) {
            jdbc.update("delete from report_event where report_id in (select id from progress_report where agency_id = ?)", agency);
            jdbc.update("delete from progress_report where agency_id = ?", agency);
            jdbc.update("delete from obligation where agency_id = ?", agency);
            jdbc.update("delete from agency where id = ?", agency);
        }
    }

    @Test
    void aNulInFreeTextIsRemovedTheTextIsSavedAndTheUserIsTold() throws Exception {
        MvcResult result = mvc.perform(post("/admin/plan/indicators").with(csrf()).with(admin())
                        .param("code", "IN_" + suffix).param("name", "Số người\u0000 được tư\u0007 vấn")
                        .param("unit", "người").param("memberCategory", "").param("position", "10"))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getFlashMap().get("flashWarning")).isEqualTo("input.cleaned");
        assertThat(jdbc.queryForObject("select name from indicator where code = ?", String.class, "IN_" + suffix))
                .isEqualTo("Số người được tư vấn");
    }

    @Test
    void aFormWithAnErrorComesBackWithTheCleanedTextAndTheWarning() throws Exception {
        String page = mvc.perform(post("/admin/plan/indicators").with(csrf()).with(admin())
                        .param("code", "IN_" + suffix).param("name", "Số lượt\u0000 tư vấn pháp luật")
                        .param("unit", "lượt").param("memberCategory", "").param("position", "mười"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("value=\"Số lượt tư vấn pháp luật\"", "Một số ký tự điều khiển", "Thứ tự là số nguyên");
    }

    @Test
    void decomposedVietnameseIsStoredComposed() throws Exception {
        String decomposed = "Lua\u0323\u0302t gia ho\u0323\u0302i vie\u0302n";
        mvc.perform(post("/admin/plan/indicators").with(csrf()).with(admin())
                .param("code", "IN_" + suffix).param("name", decomposed).param("unit", "người").param("position", "10"));

        assertThat(jdbc.queryForObject("select name from indicator where code = ?", String.class, "IN_" + suffix))
                .isEqualTo("Luật gia hội viên").hasSize(17);
    }

    @Test
    void aMemberCategoryLongerThanTheColumnGetsAMessageAndComesBack() throws Exception {
        String category = "Hội viên ".repeat(8);
        MvcResult result = mvc.perform(post("/admin/plan/indicators").with(csrf()).with(admin())
                        .param("code", "IN_" + suffix).param("name", "Số hội viên").param("unit", "người")
                        .param("memberCategory", category).param("position", "10"))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Nhóm hội viên tối đa 60 ký tự.", "value=\"" + category + "\"");
        assertThat(jdbc.queryForObject("select count(*) from indicator where code = ?", Integer.class, "IN_" + suffix)).isZero();
    }

    @Test
    void aUserNameLongerThanTheColumnIsAnOrdinaryFailedSignInAndIsAudited() throws Exception {
        String name = "u" + suffix.toLowerCase() + "x".repeat(150);
        MvcResult result = mvc.perform(post("/login").with(csrf()).param("username", name).param("password", "sai mật khẩu"))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login?error");
        assertThat(jdbc.queryForList("select actor from audit_entry where kind = 'LOGIN_FAILED' and actor like ?", String.class,
                "u" + suffix.toLowerCase() + "%")).containsExactly(name.substring(0, 100));
    }

    @Test
    void aFieldSentTwiceIsRefusedInsteadOfJoined() throws Exception {
        MvcResult form = mvc.perform(post("/admin/plan/indicators").with(csrf()).with(admin())
                        .param("code", "IN_" + suffix).param("name", "Số người", "Số lượt").param("unit", "người")
                        .param("position", "10"))
                .andReturn();
        MvcResult query = mvc.perform(get("/admin/accounts").param("q", "a", "b").with(admin())).andReturn();
        MvcResult upload = mvc.perform(multipart("/admin/agencies/import")
                        .file(new MockMultipartFile("file", "a.csv", "text/csv", "ma,ten\n".getBytes(StandardCharsets.UTF_8)))
                        .param("note", "một", "hai").with(csrf()).with(admin()))
                .andReturn();

        assertThat(List.of(form, query, upload)).extracting(r -> r.getResponse().getStatus()).containsOnly(400);
        assertThat(List.of(form, query, upload)).extracting(r -> r.getRequest().getAttribute("inputRefused"))
                .containsOnly("input.refused.duplicated");
        assertThat(jdbc.queryForObject("select count(*) from indicator where code = ?", Integer.class, "IN_" + suffix)).isZero();
    }

    @Test
    void pageNumbersPastEitherEndShowTheLastOrTheFirstPage() throws Exception {
        for (String list : List.of("/admin/accounts", "/admin/agencies", "/admin/audit")) {
            Page<?> last = page(list, "2147483647");
            Page<?> first = page(list, "-2147483648");

            assertThat(last.getTotalElements()).as(list).isPositive();
            assertThat(last.getNumber()).as(list).isEqualTo(last.getTotalPages() - 1);
            assertThat(last.getContent()).as(list).isNotEmpty();
            assertThat(first.getNumber()).as(list).isZero();
            assertThat(first.getContent()).as(list).isNotEmpty();
        }
    }

    @Test
    void aReasonLongerThanTheFormSaysIsRefusedAndComesBackWithItsMessage() throws Exception {
        long report = submittedReport();
        long version = jdbc.queryForObject("select version from progress_report where id = ?", Long.class, report);
        String reason = "Thiếu số liệu. ".repeat(7_000);

        MvcResult result = mvc.perform(post("/review/" + report + "/return").with(csrf())
                        .with(TestAccounts.as(accounts.create("in", Role.PROVINCE_REVIEWER, "HLG-TINH", "12")))
                        .param("version", String.valueOf(version)).param("reason", reason))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Lý do dài quá: tối đa 5.000 ký tự.", reason.strip());
        assertThat(jdbc.queryForObject("select status from progress_report where id = ?", String.class, report))
                .isEqualTo("SUBMITTED");
    }

    @Test
    void aPeriodReopeningReasonLongerThanItsFieldComesBackWithItsMessage() throws Exception {
        String reason = "Bổ sung số liệu. ".repeat(80);
        Object closedAt = jdbc.queryForObject("select closed_at from reporting_period where year = 2030", Object.class);
        jdbc.update("update reporting_period set closed_at = now() where year = 2030");
        try {
            String page = mvc.perform(post("/admin/periods/2030/reopen").with(csrf()).with(admin())
                            .param("agencyId", "987654321").param("openUntil", "2030-12-31").param("reason", reason))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

            assertThat(page).contains("Lý do tối đa 1.000 ký tự.", "value=\"" + reason + "\"");
        } finally {
            jdbc.update("update reporting_period set closed_at = ? where year = 2030", closedAt);
        }
    }

    private Page<?> page(String list, String number) throws Exception {
        MvcResult result = mvc.perform(get(list).param("page", number).with(admin())).andReturn();
        assertThat(result.getResponse().getStatus()).as(list + "?page=" + number).isEqualTo(200);
        return result.getModelAndView().getModel().values().stream().filter(Page.class::isInstance).map(Page.class::cast)
                .findFirst().orElseThrow();
    }

    private long submittedReport() {
        agency = jdbc.queryForObject("""
                insert into agency (code, name, kind_id, unit_id, opened_on)
                select ?, ?, k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u
                where k.code = 'UBND' and u.code = '106' returning id""", Long.class, "IN-" + suffix, "UBND thử " + suffix);
        obligations.refresh();
        return jdbc.queryForObject("""
                insert into progress_report (agency_id, task_id, year, status, submitted_at, first_submitted_at)
                select agency_id, task_id, year, 'SUBMITTED', now(), now() from obligation where agency_id = ?
                order by year desc limit 1 returning id""", Long.class, agency);
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return TestAccounts.as(accounts.create("in", Role.ADMIN, null, null));
    }
}
