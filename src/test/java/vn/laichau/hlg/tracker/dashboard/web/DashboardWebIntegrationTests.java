package vn.laichau.hlg.tracker.dashboard.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.laichau.hlg.tracker.dashboard.DashboardFixture;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The dashboard page as reviewers, viewers and reporters reach it. */
@IntegrationTest
class DashboardWebIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    DashboardFixture fx;

    @BeforeEach
    void fixture() {
        fx = DashboardFixture.ensure(jdbc);
    }

    @Test
    void aProvinceReviewerSeesTheFiguresTheMatrixInWordsAndTheChartDataWithoutInlineScript() throws Exception {
        mvc.perform(get("/dashboard").param("year", "2038").with(as(fx.provinceReviewer())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Tỉnh Kiểm Thử — tình hình thực hiện năm 2038"),
                        containsString("Hạn nộp báo cáo năm nay: 31/01/2026."),
                        containsString("id=\"sum-owed\">7<"),
                        containsString("id=\"sum-overdue\">3<"),
                        containsString("href=\"/reports/" + fx.draftReport + "\""),
                        containsString("Nháp !"),
                        containsString("Chưa có !"),
                        containsString("Duyệt*"),
                        containsString("Tổng kinh phí dự kiến: 19.000.000 đồng; đã chi: 16.000.000 đồng."),
                        containsString("Ngân sách nhà nước: dự kiến 16.000.000 đồng; đã chi 13.500.000 đồng."),
                        containsString("Nguồn hợp pháp khác: dự kiến 3.000.000 đồng; đã chi 2.500.000 đồng."),
                        containsString("Thiếu kinh phí in ấn tài liệu."),
                        containsString("data-value=\"20\""),
                        containsString("chart.umd.min.js"),
                        containsString("Chưa đạt mục tiêu"))))
                .andExpect(content().string(not(containsString("Địa bàn rộng"))))
                .andExpect(content().string(not(containsString("<script>"))))
                .andExpect(content().string(not(containsString("style=\""))));
    }

    @Test
    void theSwitchAddsSubmittedReportsAndMarksThem() throws Exception {
        mvc.perform(get("/dashboard").param("year", "2038").param("include", "submitted").with(as(fx.provinceReviewer())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Địa bàn rộng, đi lại khó khăn."),
                        containsString("Chưa duyệt"),
                        containsString("đang tính cả báo cáo đã nộp nhưng chưa được duyệt"))));
    }

    @Test
    void aDistrictReviewerSeesOnlyItsDistrictAndNothingOutsideIt() throws Exception {
        mvc.perform(get("/dashboard").param("year", "2038").with(as(fx.districtReviewer())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("UBND huyện Một")))
                .andExpect(content().string(not(containsString("UBND huyện Hai"))))
                .andExpect(content().string(not(containsString("Hội Luật gia Tỉnh Kiểm Thử"))));
        mvc.perform(get("/dashboard").param("year", "2038").param("unit", String.valueOf(fx.district2))
                        .with(as(fx.districtReviewer())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/dashboard").param("year", "2038").param("unit", String.valueOf(fx.province))
                        .with(as(fx.districtReviewer())))
                .andExpect(status().isNotFound());
    }

    @Test
    void aReporterIsRefusedAndAnAnonymousVisitorIsSentToSignIn() throws Exception {
        mvc.perform(get("/dashboard").with(as(fx.reporter()))).andExpect(status().isForbidden());
        mvc.perform(get("/dashboard")).andExpect(status().is3xxRedirection());
    }

    @Test
    void theNavigationLeadsReviewersToTheDashboard() throws Exception {
        mvc.perform(get("/").with(as(fx.viewer())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bảng theo dõi")))
                .andExpect(content().string(containsString("id=\"home-dashboard\"")));
        mvc.perform(get("/").with(as(fx.reporter())))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Bảng theo dõi"))));
    }

    static RequestPostProcessor as(CurrentUser user) {
        return authentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }
}
