package vn.laichau.hlg.tracker.dashboard.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.support.IntegrationTest;
import vn.laichau.hlg.tracker.support.TestAccounts;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The dashboard's unit filter lists the units that existed in the year: districts, then communes. */
@IntegrationTest
class DashboardUnitsOfTheYearWebIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Test
    void theUnitFilterFollowsThe2025Reorganisation() throws Exception {
        CurrentUser province = accounts.create("nam.don.vi", Role.PROVINCE_REVIEWER, "HLG-TINH", "12");

        mvc.perform(get("/dashboard").param("year", "2024").with(TestAccounts.as(province)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Huyện Tam Đường</option>")))
                .andExpect(content().string(not(containsString(">Xã Bình Lư</option>"))));
        mvc.perform(get("/dashboard").param("year", "2025").with(TestAccounts.as(province)))
                .andExpect(content().string(containsString(">Huyện Tam Đường</option>")))
                .andExpect(content().string(containsString(">Xã Bình Lư</option>")));
        mvc.perform(get("/dashboard").param("year", "2026").with(TestAccounts.as(province)))
                .andExpect(content().string(not(containsString(">Huyện Tam Đường</option>"))))
                .andExpect(content().string(containsString(">Xã Bình Lư</option>")))
                .andExpect(content().string(containsString(">Phường Đoàn Kết</option>")));
    }
}
