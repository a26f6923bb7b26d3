package vn.laichau.hlg.tracker.dashboard.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.laichau.hlg.tracker.dashboard.web.DashboardWebIntegrationTests.as;

/**
 * Rendered dashboards are kept until their data changes: every committed change to what they show is
 * on the next page, a kept page carries nothing of the session it was rendered in, and the scope check
 * runs before anything kept is served.
 *
 * <p>The world: a province DPC with a district DPC-1, one agency in each, owing task 1 in 2045.
 */
@IntegrationTest
class DashboardPageCacheWebIntegrationTests {

    static final String YEAR = "2045";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    long province;
    long district;

    @BeforeEach
    void world() {
        if (jdbc.queryForObject("select count(*) from administrative_unit where code = 'DPC'", Integer.class) == 0) {
            jdbc.update("""
                    insert into reporting_period (year, data_from, data_to, opens_on, due_on)
                    values (2045, date '2044-12-15', date '2045-12-14', date '2045-01-01', date '2045-12-20')
                    on conflict (year) do nothing""");
            jdbc.update("insert into administrative_unit (code, name, level, opened_on) values ('DPC', 'Tỉnh Bộ Nhớ', 'PROVINCE', date '2024-01-01')");
            jdbc.update("insert into administrative_unit (code, name, level, parent_id, opened_on) select 'DPC-1', 'Huyện Bộ Nhớ', 'DISTRICT', id, date '2024-01-01' from administrative_unit where code = 'DPC'");
            jdbc.update("""
                    insert into agency (code, name, kind_id, unit_id, opened_on)
                    select 'DPC-A0', 'Hội Luật gia Tỉnh Bộ Nhớ', k.id, u.id, date '2024-01-01'
                    from agency_kind k, administrative_unit u where k.code = 'HOI_LUAT_GIA' and u.code = 'DPC'""");
            jdbc.update("""
                    insert into agency (code, name, kind_id, unit_id, opened_on)
                    select 'DPC-A1', 'UBND huyện Bộ Nhớ', k.id, u.id, date '2024-01-01'
                    from agency_kind k, administrative_unit u where k.code = 'UBND' and u.code = 'DPC-1'""");
            jdbc.update("""
                    insert into obligation (agency_id, task_id, year)
                    select a.id, t.id, 2045 from agency a, task t where a.code in ('DPC-A0', 'DPC-A1') and t.code = '1'""");
            jdbc.update("""
                    insert into progress_report (agency_id, task_id, year, kind, status, first_submitted_at, submitted_at)
                    select a.id, t.id, 2045, 'LEAD', 'SUBMITTED', timestamptz '2045-12-01 03:00Z', timestamptz '2045-12-01 03:00Z'
                    from agency a, task t where a.code = 'DPC-A0' and t.code = '1'""");
        }
        province = jdbc.queryForObject("select id from administrative_unit where code = 'DPC'", Long.class);
        district = jdbc.queryForObject("select id from administrative_unit where code = 'DPC-1'", Long.class);
    }

    @Test
    void aChangeCommittedAfterAPageWasKeptIsOnTheNextPage() throws Exception {
        String before = page(reviewer(province));
        assertThat(before).contains("id=\"sum-approved\">0<").contains("UBND huyện Bộ Nhớ");
        assertThat(sections(page(reviewer(province)))).isEqualTo(sections(before));

        jdbc.update("update progress_report set status = 'APPROVED', approved_at = now() where agency_id = (select id from agency where code = 'DPC-A0') and year = 2045");
        assertThat(page(reviewer(province))).contains("id=\"sum-approved\">1<");

        jdbc.update("update agency set name = 'UBND huyện Bộ Nhớ Mới' where code = 'DPC-A1'");
        assertThat(page(reviewer(province))).contains("UBND huyện Bộ Nhớ Mới");
    }

    @Test
    void savingADraftsTextKeepsPagesButEveryShownChangeRaisesTheVersionOnce() {
        jdbc.update("""
                insert into progress_report (agency_id, task_id, year, kind, status)
                select a.id, t.id, 2045, 'LEAD', 'DRAFT' from agency a, task t where a.code = 'DPC-A1' and t.code = '1'
                on conflict do nothing""");
        long draft = jdbc.queryForObject("select id from progress_report where agency_id = (select id from agency where code = 'DPC-A1') and year = 2045", Long.class);
        long before = version();
        jdbc.update("update progress_report set results = 'Đang viết' where id = ?", draft);
        assertThat(version()).isEqualTo(before);
        // Two statements in one transaction: one step.
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.update("update progress_report set status = 'SUBMITTED', first_submitted_at = now(), submitted_at = now() where id = ?", draft);
            jdbc.update("update agency set name = name where code = 'DPC-A1'");
        });
        assertThat(version()).isEqualTo(before + 1);
    }

    private long version() {
        return jdbc.queryForObject("select version from dashboard_version", Long.class);
    }

    @Test
    void aKeptPageCarriesNothingOfTheSessionItWasRenderedIn() throws Exception {
        String first = page(reviewer(province));
        String second = page(reviewer(province));
        assertThat(sections(first)).isEqualTo(sections(second)).doesNotContain("_csrf");
    }

    @Test
    void theScopeIsCheckedBeforeAKeptPageIsServed() throws Exception {
        // The province reviewer's page of the province is kept...
        page(reviewer(province));
        // ...and a district reviewer asking for the province still does not get it.
        mvc.perform(get("/dashboard").param("year", YEAR).param("unit", String.valueOf(province))
                        .with(as(districtReviewer())))
                .andExpect(status().isNotFound());
        String own = page(districtReviewer());
        assertThat(own).contains("UBND huyện Bộ Nhớ").doesNotContain("Hội Luật gia Tỉnh Bộ Nhớ");
    }

    private String page(CurrentUser user) throws Exception {
        return mvc.perform(get("/dashboard").param("year", YEAR).with(as(user)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    /** The kept part of a page: from the dashboard's own element to the end of the main content. */
    private static String sections(String page) {
        int start = page.indexOf("<div class=\"dashboard\"");
        int end = page.indexOf("</main>", start);
        assertThat(start).isPositive();
        assertThat(end).isGreaterThan(start);
        return page.substring(start, end);
    }

    private CurrentUser reviewer(long unit) {
        return new CurrentUser(-950, "dpc.province", null, "DPC province", Role.PROVINCE_REVIEWER, null, unit,
                true, false, false, false);
    }

    private CurrentUser districtReviewer() {
        return new CurrentUser(-951, "dpc.district", null, "DPC district", Role.DISTRICT_REVIEWER, null, district,
                true, false, false, false);
    }
}
