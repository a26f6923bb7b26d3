package vn.laichau.hlg.tracker.plan.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The plan pages, as an anonymous visitor sees them. */
@IntegrationTest
class PlanWebIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void thePlanIsOpenToAnonymousVisitorsWithEveryTaskAndItsDocumentWording() throws Exception {
        mvc.perform(get("/plan"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kế hoạch triển khai Đề án 129")))
                .andExpect(content().string(containsString("Xây dựng và tổ chức thực hiện có hiệu quả phong trào “Mỗi luật gia là một báo cáo viên, tuyên truyền viên pháp luật”.")))
                .andExpect(content().string(containsString("Các sở, ban, ngành tỉnh, UBND cấp huyện, cấp xã.")))
                .andExpect(content().string(containsString("Sơ kết năm 2026, tổng kết năm 2030.")))
                .andExpect(content().string(containsString("href=\"/plan/tasks/11.2\"")))
                .andExpect(content().string(containsString("11 nhóm nội dung, 16 nhiệm vụ cụ thể, thực hiện từ năm 2024 đến năm 2030.")));
    }

    @Test
    void aTaskPageNamesTheAgenciesEachPartyStandsFor() throws Exception {
        mvc.perform(get("/plan/tasks/3"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("UBND các huyện, thành phố")))
                // the districts closed on 1/7/2025: their part is carried by the communes and the province's association
                .andExpect(content().string(containsString("Từ ngày 01/07/2025, phần giao cho “UBND các huyện, thành phố” do Ủy ban nhân dân cấp xã đảm nhận.")))
                .andExpect(content().string(containsString("UBND xã Hua Bum")))
                .andExpect(content().string(containsString("Từ ngày 01/07/2025, phần giao cho “Hội Luật gia cấp huyện” do Hội Luật gia tỉnh đảm nhận.")))
                .andExpect(content().string(not(containsString("Hội Luật gia huyện Than Uyên"))))
                .andExpect(content().string(containsString("(38 cơ quan, đơn vị)")));
    }

    @Test
    void theReviewTaskShowsItsMilestones() throws Exception {
        mvc.perform(get("/plan/tasks/11.1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sơ kết: năm 2026")))
                .andExpect(content().string(containsString("Tổng kết: năm 2030")))
                .andExpect(content().string(containsString("Thuộc nội dung 11. Kiểm tra, đánh giá kết quả thực hiện Đề án.")));
    }

    @Test
    void anUnknownTaskIsNotFound() throws Exception {
        mvc.perform(get("/plan/tasks/99")).andExpect(status().isNotFound());
    }

    @Test
    void englishIsOneClickAway() throws Exception {
        mvc.perform(get("/plan").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Lead agency")))
                .andExpect(content().string(not(containsString("Cơ quan chủ trì"))));
    }
}
