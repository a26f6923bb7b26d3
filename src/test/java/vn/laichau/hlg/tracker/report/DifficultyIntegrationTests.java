package vn.laichau.hlg.tracker.report;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.laichau.hlg.tracker.period.ObligationService;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Difficulties and proposals as items: made when a report is approved, followed by the province reviewer
 * (status, answer, merging duplicates), read by the district reviewer and answered on the reporter's report.
 */
@IntegrationTest
class DifficultyIntegrationTests {

    static final int YEAR = 2026;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObligationService obligations;

    ReportFixtures fixtures;
    long agency;
    long otherAgency;
    CurrentUser reporter;
    CurrentUser districtReviewer;
    CurrentUser provinceReviewer;

    @BeforeEach
    void setUp() {
        fixtures = new ReportFixtures(jdbc, obligations);
        fixtures.confirmSuccessors("106");
        agency = fixtures.agency("UBND", "03390");
        otherAgency = fixtures.agency("UBND", "03598");
        reporter = fixtures.reporter(agency);
        districtReviewer = fixtures.reviewer(Role.DISTRICT_REVIEWER, "106", null);
        provinceReviewer = fixtures.reviewer(Role.PROVINCE_REVIEWER, "12", null);
    }

    @AfterEach
    void tearDown() {
        fixtures.cleanup();
    }

    @Test
    void approvingAReportMakesOneItemPerNonEmptyLine() throws Exception {
        long report = submitted(agency, "- Thiếu kinh phí.\n\n   Thiếu   tài liệu bằng tiếng dân tộc  \r\n",
                "Đề nghị UBND tỉnh bố trí kinh phí riêng.");
        assertThat(items(report)).isEmpty();

        approve(report, districtReviewer);

        assertThat(items(report)).containsExactly("DIFFICULTY Thiếu kinh phí. NEW", "DIFFICULTY Thiếu tài liệu bằng tiếng dân tộc NEW",
                "PROPOSAL Đề nghị UBND tỉnh bố trí kinh phí riêng. NEW");
        // A report still under review has no items, and nobody sees them.
        long other = submitted(otherAgency, "Khó khăn chưa duyệt", null);
        assertThat(items(other)).isEmpty();
    }

    @Test
    void theProvinceMovesAnItemForwardAndTheReporterReadsTheAnswer() throws Exception {
        long report = submitted(agency, "Thiếu kinh phí", null);
        approve(report, districtReviewer);
        long item = itemId(report, "Thiếu kinh phí");

        as(post("/difficulties/" + item).with(csrf()).param("status", "COLLECTED").param("version", "0"), provinceReviewer)
                .andExpect(redirectedUrl("/difficulties/" + item));
        as(post("/difficulties/" + item).with(csrf()).param("status", "FORWARDED").param("version", "1"), provinceReviewer)
                .andExpect(redirectedUrl("/difficulties/" + item));
        // A direction needs its answer: refused next to the field, the choice kept.
        as(post("/difficulties/" + item).with(csrf()).param("status", "DIRECTED").param("answer", "  ").param("version", "2"),
                provinceReviewer)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Hãy ghi ý kiến trả lời khi đã có ý kiến chỉ đạo")))
                .andExpect(content().string(containsString("selected=\"selected\">Đã có ý kiến chỉ đạo")));
        // Never back to an earlier step.
        as(post("/difficulties/" + item).with(csrf()).param("status", "NEW").param("answer", "Trả lời").param("version", "2"),
                provinceReviewer)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("chỉ được chuyển tiếp")))
                .andExpect(content().string(containsString(">Trả lời</textarea>")));
        // A stale form changes nothing.
        as(post("/difficulties/" + item).with(csrf()).param("status", "DIRECTED").param("answer", "Cũ").param("version", "0"),
                provinceReviewer)
                .andExpect(status().isUnprocessableEntity());
        assertThat(jdbc.queryForObject("select status from difficulty_item where id = ?", String.class, item)).isEqualTo("FORWARDED");

        as(post("/difficulties/" + item).with(csrf()).param("status", "DIRECTED")
                .param("answer", "UBND tỉnh giao Sở Tài chính bố trí 200.000.000 đồng năm 2027.").param("version", "2"), provinceReviewer)
                .andExpect(redirectedUrl("/difficulties/" + item));

        as(get("/reports/" + report), reporter)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đã có ý kiến chỉ đạo")))
                .andExpect(content().string(containsString("UBND tỉnh giao Sở Tài chính bố trí 200.000.000 đồng năm 2027.")));
        assertThat(jdbc.queryForList("select new_value from audit_entry where kind = 'DIFFICULTY_UPDATED' and target = ?"
                + " order by id", String.class, "difficulty:" + item))
                .containsExactly("Đã tổng hợp", "Đã chuyển UBND tỉnh",
                        "Đã có ý kiến chỉ đạo; ý kiến trả lời: UBND tỉnh giao Sở Tài chính bố trí 200.000.000 đồng năm 2027.");
    }

    @Test
    void theDistrictReviewerReadsItsScopeOnlyAndCannotActTheReporterHasNoList() throws Exception {
        long report = submitted(agency, "Thiếu kinh phí", null);
        approve(report, districtReviewer);
        long item = itemId(report, "Thiếu kinh phí");

        as(get("/difficulties"), districtReviewer)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/difficulties/" + item + "\"")));
        as(get("/difficulties/" + item), districtReviewer)
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"difficulty-form\""))));
        as(post("/difficulties/" + item).with(csrf()).param("status", "COLLECTED").param("version", "0"), districtReviewer)
                .andExpect(status().isNotFound());
        as(post("/difficulties/" + item + "/merge").with(csrf()).param("into", "1"), districtReviewer)
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select status from difficulty_item where id = ?", String.class, item)).isEqualTo("NEW");

        CurrentUser otherDistrict = fixtures.reviewer(Role.DISTRICT_REVIEWER, "105", null);
        as(get("/difficulties/" + item), otherDistrict).andExpect(status().isNotFound());
        as(get("/difficulties"), otherDistrict)
                .andExpect(content().string(not(containsString("/difficulties/" + item + "\""))));
        as(get("/difficulties"), reporter).andExpect(status().isForbidden());
        as(get("/difficulties/" + item), reporter).andExpect(status().isForbidden());
    }

    @Test
    void aDuplicateMergedIntoAnotherIsListedOnceWithBothReports() throws Exception {
        long first = submitted(agency, "Thiếu kinh phí", "Đề nghị tăng kinh phí");
        long second = submitted(otherAgency, null, "Đề nghị bổ sung kinh phí cho Đề án");
        approve(first, districtReviewer);
        approve(second, provinceReviewer);
        long kept = itemId(first, "Đề nghị tăng kinh phí");
        long duplicate = itemId(second, "Đề nghị bổ sung kinh phí cho Đề án");
        long difficulty = itemId(first, "Thiếu kinh phí");

        as(post("/difficulties/" + duplicate + "/merge").with(csrf()).param("into", "abc"), provinceReviewer)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("chỉ gồm chữ số")))
                .andExpect(content().string(containsString("value=\"abc\"")));
        as(post("/difficulties/" + duplicate + "/merge").with(csrf()).param("into", String.valueOf(duplicate)), provinceReviewer)
                .andExpect(content().string(containsString("Không thể gộp một mục vào chính nó")));
        as(post("/difficulties/" + duplicate + "/merge").with(csrf()).param("into", String.valueOf(difficulty)), provinceReviewer)
                .andExpect(content().string(containsString("Chỉ gộp khó khăn với khó khăn")));
        as(post("/difficulties/" + duplicate + "/merge").with(csrf()).param("into", "987654321"), provinceReviewer)
                .andExpect(content().string(containsString("Không có mục nào mang số này")));

        as(post("/difficulties/" + duplicate + "/merge").with(csrf()).param("into", String.valueOf(kept)), provinceReviewer)
                .andExpect(redirectedUrl("/difficulties/" + duplicate));

        String list = as(get("/difficulties").param("kind", "PROPOSAL").param("year", String.valueOf(YEAR)), provinceReviewer)
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("/difficulties/" + kept + "\"").doesNotContain("/difficulties/" + duplicate + "\"")
                .contains("gộp thêm 1 mục trùng");
        as(get("/difficulties/" + kept), provinceReviewer)
                .andExpect(content().string(containsString("/review/" + first + "\"")))
                .andExpect(content().string(containsString("/review/" + second + "\"")));
        // The answer to the kept item reaches the reporter of the duplicate too.
        as(post("/difficulties/" + kept).with(csrf()).param("status", "RESOLVED").param("answer", "Đã bố trí kinh phí.")
                .param("version", "0"), provinceReviewer).andExpect(redirectedUrl("/difficulties/" + kept));
        as(get("/reports/" + second), fixtures.reporter(otherAgency))
                .andExpect(content().string(containsString("Đã bố trí kinh phí.")))
                .andExpect(content().string(containsString("Đã giải quyết")));
    }

    @Test
    void theListFiltersByYearUnitStatusAndKind() throws Exception {
        long first = submitted(agency, "Thiếu kinh phí", "Đề nghị tăng kinh phí");
        long second = submitted(otherAgency, "Thiếu cán bộ", null);
        approve(first, provinceReviewer);
        approve(second, provinceReviewer);
        long money = itemId(first, "Thiếu kinh phí");
        long proposal = itemId(first, "Đề nghị tăng kinh phí");
        long staff = itemId(second, "Thiếu cán bộ");
        as(post("/difficulties/" + staff).with(csrf()).param("status", "COLLECTED").param("version", "0"), provinceReviewer);

        assertThat(listed(provinceReviewer, "kind", "DIFFICULTY")).contains(money, staff).doesNotContain(proposal);
        assertThat(listed(provinceReviewer, "kind", "PROPOSAL")).contains(proposal).doesNotContain(money, staff);
        assertThat(listed(provinceReviewer, "status", "COLLECTED")).contains(staff).doesNotContain(money, proposal);
        assertThat(listed(provinceReviewer, "unit", String.valueOf(fixtures.unitId("03598")))).contains(staff).doesNotContain(money);
        assertThat(listed(provinceReviewer, "year", "2025")).doesNotContain(money, proposal, staff);
        assertThat(listed(provinceReviewer, "year", String.valueOf(YEAR))).contains(money, proposal, staff);
        // Filters that mean nothing are ignored, never an error.
        as(get("/difficulties").param("year", "x").param("status", "<b>").param("page", "-3"), provinceReviewer)
                .andExpect(status().isOk());
    }

    @Test
    void reviewersHaveANavigationLinkReportersDoNot() throws Exception {
        as(get("/"), provinceReviewer).andExpect(content().string(containsString("href=\"/difficulties\"")));
        as(get("/"), districtReviewer).andExpect(content().string(containsString("href=\"/difficulties\"")));
        as(get("/"), reporter).andExpect(content().string(not(containsString("href=\"/difficulties\""))));
    }

    private List<Long> listed(CurrentUser user, String filter, String value) throws Exception {
        String html = as(get("/difficulties").param(filter, value), user).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return java.util.regex.Pattern.compile("href=\"/difficulties/(\\d+)\"").matcher(html).results()
                .map(m -> Long.parseLong(m.group(1))).toList();
    }

    private ResultActions as(org.springframework.test.web.servlet.RequestBuilder request, CurrentUser user) throws Exception {
        org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder builder =
                (org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder) request;
        return mvc.perform(builder.with(authentication(ReportFixtures.auth(user))));
    }

    private long submitted(long agencyId, String difficulties, String proposals) {
        return jdbc.queryForObject("""
                insert into progress_report (agency_id, task_id, year, kind, status, difficulties, proposals, submitted_at,
                                             first_submitted_at)
                values (?, ?, ?, 'LEAD', 'SUBMITTED', ?, ?, now(), now()) returning id""", Long.class,
                agencyId, fixtures.taskId("1"), YEAR, difficulties, proposals);
    }

    private void approve(long report, CurrentUser reviewer) throws Exception {
        long version = jdbc.queryForObject("select version from progress_report where id = ?", Long.class, report);
        as(post("/review/" + report + "/approve").with(csrf()).param("confirmed", "1").param("version", String.valueOf(version)),
                reviewer).andExpect(redirectedUrl("/review/" + report));
        assertThat(jdbc.queryForObject("select status from progress_report where id = ?", String.class, report)).isEqualTo("APPROVED");
    }

    private List<String> items(long report) {
        return jdbc.queryForList("select kind || ' ' || text || ' ' || status from difficulty_item where report_id = ?"
                + " order by kind, position", String.class, report);
    }

    private long itemId(long report, String text) {
        return jdbc.queryForObject("select id from difficulty_item where report_id = ? and text = ?", Long.class, report, text);
    }
}
