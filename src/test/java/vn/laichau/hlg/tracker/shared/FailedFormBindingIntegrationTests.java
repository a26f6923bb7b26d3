package vn.laichau.hlg.tracker.shared;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.laichau.hlg.tracker.support.AdminRequests;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A form whose values cannot even be converted comes back with what was typed and a message, not an error page. */
@IntegrationTest
class FailedFormBindingIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void aDateTypedOnAPhoneWithoutADatePickerKeepsTheRestOfTheForm() throws Exception {
        mvc.perform(post("/admin/agencies").with(AdminRequests.admin()).with(csrf())
                        .param("code", "MA-GIU-LAI").param("name", "Phòng Tư pháp giữ lại")
                        .param("kindId", "chữ").param("openedOn", "31/02/2025").param("version", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Phòng Tư pháp giữ lại\"")))
                .andExpect(content().string(containsString("value=\"MA-GIU-LAI\"")))
                .andExpect(content().string(containsString("value=\"31/02/2025\"")))
                .andExpect(content().string(containsString("Ngày không hợp lệ. Hãy nhập ngày theo dạng ngày/tháng/năm")));
    }
}
