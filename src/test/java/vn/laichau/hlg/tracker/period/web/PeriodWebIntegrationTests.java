package vn.laichau.hlg.tracker.period.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.support.IntegrationTest;
import vn.laichau.hlg.tracker.support.TestAccounts;

import java.sql.Date;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.laichau.hlg.tracker.support.TestAccounts.as;

/** A province reviewer sets a period's dates, closes it and opens it again; a district reviewer may not. */
@IntegrationTest
class PeriodWebIntegrationTests {

    private static final int YEAR = 2036;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestAccounts accounts;

    @BeforeEach
    void period() {
        jdbc.update("""
                insert into reporting_period (year, data_from, data_to, opens_on, due_on)
                values (?, date '2035-12-15', date '2036-12-14', date '2035-12-15', date '2036-12-14')""", YEAR);
    }

    @AfterEach
    void removePeriod() {
        jdbc.update("delete from reporting_period where year = ?", YEAR);
    }

    @Test
    void datesAreSetWithMessagesForBadOnesThenThePeriodClosesAndOpens() throws Exception {
        CurrentUser reviewer = accounts.create("ky.bao.cao", Role.PROVINCE_REVIEWER, "HLG-TINH", "12");
        long version = jdbc.queryForObject("select version from reporting_period where year = ?", Long.class, YEAR);

        mvc.perform(post("/admin/periods/{year}/schedule", YEAR).with(as(reviewer)).with(csrf())
                        .param("opensOn", "2036-11-01").param("dueOn", "2036-10-01").param("version", String.valueOf(version)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"dueOn-2036-error\"")));
        mvc.perform(post("/admin/periods/{year}/schedule", YEAR).with(as(reviewer)).with(csrf())
                        .param("opensOn", "31/11/2036").param("dueOn", "20/12/2036").param("version", String.valueOf(version)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"opensOn-2036-error\">Giá trị không đúng dạng.")))
                .andExpect(content().string(containsString("value=\"31/11/2036\"")))
                .andExpect(content().string(containsString("value=\"20/12/2036\"")));
        // Days are typed as dd/mm/yyyy, whatever the browser's language.
        mvc.perform(post("/admin/periods/{year}/schedule", YEAR).with(as(reviewer)).with(csrf())
                        .param("opensOn", "01/06/2036").param("dueOn", "20/12/2036").param("version", String.valueOf(version)))
                .andExpect(redirectedUrl("/admin/periods"));
        assertThat(jdbc.queryForObject("select due_on from reporting_period where year = ?", Date.class, YEAR).toLocalDate())
                .isEqualTo(LocalDate.of(2036, 12, 20));

        mvc.perform(post("/admin/periods/{year}/close", YEAR).with(as(reviewer)).with(csrf()))
                .andExpect(redirectedUrl("/admin/periods"));
        assertThat(jdbc.queryForObject("select closed_at is not null from reporting_period where year = ?", Boolean.class, YEAR)).isTrue();
        mvc.perform(post("/admin/periods/{year}/open", YEAR).with(as(reviewer)).with(csrf()))
                .andExpect(redirectedUrl("/admin/periods"));
        assertThat(jdbc.queryForObject("select closed_at is null from reporting_period where year = ?", Boolean.class, YEAR)).isTrue();
        assertThat(jdbc.queryForList("select kind from audit_entry where target = ? order by id", String.class, "period:" + YEAR))
                .contains("PERIOD_SCHEDULED");
    }

    @Test
    void aDistrictReviewerCannotTouchPeriods() throws Exception {
        CurrentUser district = accounts.create("huyen", Role.DISTRICT_REVIEWER, "HLG-TAM-DUONG", "106");

        mvc.perform(post("/admin/periods/{year}/close", YEAR).with(as(district)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select closed_at is null from reporting_period where year = ?", Boolean.class, YEAR)).isTrue();
    }
}
