package vn.laichau.hlg.tracker.dashboard.web;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static vn.laichau.hlg.tracker.dashboard.web.DashboardWebIntegrationTests.as;

/**
 * A repeat view of a dashboard whose data, scope and session have not changed is a 304 with an empty
 * body; a committed change to what it shows, another unit, another person or another session each give
 * a page of their own with another tag.
 *
 * <p>The world: a province DET with a district DET-1, one agency in each, owing task 1 in 2046.
 */
@IntegrationTest
class DashboardETagWebIntegrationTests {

    static final String YEAR = "2046";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    long province;
    long district;

    @BeforeEach
    void world() {
        if (jdbc.queryForObject("select count(*) from administrative_unit where code = 'DET'", Integer.class) == 0) {
            jdbc.update("""
                    insert into reporting_period (year, data_from, data_to, opens_on, due_on)
                    values (2046, date '2045-12-15', date '2046-12-14', date '2046-01-01', date '2046-12-20')
                    on conflict (year) do nothing""");
            jdbc.update("insert into administrative_unit (code, name, level, opened_on) values ('DET', 'Tỉnh Nhãn', 'PROVINCE', date '2024-01-01')");
            jdbc.update("insert into administrative_unit (code, name, level, parent_id, opened_on) select 'DET-1', 'Huyện Nhãn', 'DISTRICT', id, date '2024-01-01' from administrative_unit where code = 'DET'");
            jdbc.update("""
                    insert into agency (code, name, kind_id, unit_id, opened_on)
                    select 'DET-A0', 'Hội Luật gia Tỉnh Nhãn', k.id, u.id, date '2024-01-01'
                    from agency_kind k, administrative_unit u where k.code = 'HOI_LUAT_GIA' and u.code = 'DET'""");
            jdbc.update("""
                    insert into agency (code, name, kind_id, unit_id, opened_on)
                    select 'DET-A1', 'UBND huyện Nhãn', k.id, u.id, date '2024-01-01'
                    from agency_kind k, administrative_unit u where k.code = 'UBND' and u.code = 'DET-1'""");
            jdbc.update("""
                    insert into obligation (agency_id, task_id, year)
                    select a.id, t.id, 2046 from agency a, task t where a.code in ('DET-A0', 'DET-A1') and t.code = '1'""");
            jdbc.update("""
                    insert into progress_report (agency_id, task_id, year, kind, status, first_submitted_at, submitted_at)
                    select a.id, t.id, 2046, 'LEAD', 'SUBMITTED', timestamptz '2046-12-01 03:00Z', timestamptz '2046-12-01 03:00Z'
                    from agency a, task t where a.code = 'DET-A0' and t.code = '1'""");
        }
        province = jdbc.queryForObject("select id from administrative_unit where code = 'DET'", Long.class);
        district = jdbc.queryForObject("select id from administrative_unit where code = 'DET-1'", Long.class);
    }

    @Test
    void aRepeatViewIsA304ThatRendersNothingUntilAReportChanges() throws Exception {
        var session = new Client();
        CurrentUser reviewer = reviewer(-960, province);
        MockHttpServletResponse first = view(reviewer, session, null, null);
        String tag = first.getHeader(HttpHeaders.ETAG);
        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(tag).startsWith("W/\"");
        assertThat(first.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("private, no-cache");
        assertThat(first.getContentAsString()).contains("UBND huyện Nhãn");

        MockHttpServletResponse repeat = view(reviewer, session, null, tag);
        assertThat(repeat.getStatus()).isEqualTo(304);
        assertThat(repeat.getContentAsString()).isEmpty();
        assertThat(repeat.getHeader(HttpHeaders.ETAG)).isEqualTo(tag);

        jdbc.update("update progress_report set status = 'APPROVED', approved_at = now() where agency_id = (select id from agency where code = 'DET-A0') and year = 2046");
        MockHttpServletResponse changed = view(reviewer, session, null, tag);
        assertThat(changed.getStatus()).isEqualTo(200);
        assertThat(changed.getHeader(HttpHeaders.ETAG)).isNotEqualTo(tag);
        assertThat(changed.getContentAsString()).contains("id=\"sum-approved\">1<");

        assertThat(view(reviewer, session, null, changed.getHeader(HttpHeaders.ETAG)).getStatus()).isEqualTo(304);
    }

    @Test
    void anotherScopeAnotherPersonOrAnotherSessionGetsAnotherTag() throws Exception {
        var session = new Client();
        CurrentUser reviewer = reviewer(-961, province);
        String provinceTag = view(reviewer, session, null, null).getHeader(HttpHeaders.ETAG);

        // The same session asking for the district: another scope, another page.
        MockHttpServletResponse districtPage = view(reviewer, session, district, provinceTag);
        assertThat(districtPage.getStatus()).isEqualTo(200);
        assertThat(districtPage.getHeader(HttpHeaders.ETAG)).isNotEqualTo(provinceTag);

        // A district reviewer sending the province's tag gets its own page.
        MockHttpServletResponse ownDistrict = view(districtReviewer(), new Client(), null, provinceTag);
        assertThat(ownDistrict.getStatus()).isEqualTo(200);
        assertThat(ownDistrict.getHeader(HttpHeaders.ETAG)).isNotEqualTo(provinceTag);
        assertThat(ownDistrict.getContentAsString()).doesNotContain("Hội Luật gia Tỉnh Nhãn");

        // The same person in another session (another CSRF token on the sign-out form).
        MockHttpServletResponse otherSession = view(reviewer, new Client(), null, provinceTag);
        assertThat(otherSession.getStatus()).isEqualTo(200);

        // Another person of the same scope and role.
        MockHttpServletResponse otherPerson = view(reviewer(-962, province), session, null, provinceTag);
        assertThat(otherPerson.getStatus()).isEqualTo(200);
    }

    @Test
    void theScopeIsCheckedBeforeATagIsCompared() throws Exception {
        var session = new Client();
        String provinceTag = view(reviewer(-963, province), session, null, null).getHeader(HttpHeaders.ETAG);
        assertThat(view(districtReviewer(), session, province, provinceTag).getStatus()).isEqualTo(404);
    }

    private MockHttpServletResponse view(CurrentUser user, Client session, Long unit, String ifNoneMatch)
            throws Exception {
        var request = get("/dashboard").param("year", YEAR).with(as(user));
        if (session.cookies != null) {
            request.cookie(session.cookies);
        }
        if (unit != null) {
            request.param("unit", String.valueOf(unit));
        }
        if (ifNoneMatch != null) {
            request.header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        if (session.cookies == null) {
            // The first request opens the session (a signed-in browser always has one), and is sent whole.
            assertThat(response.getHeader(HttpHeaders.ETAG)).isNull();
            session.cookies = response.getCookies();
            assertThat(session.cookies).extracting(Cookie::getName).contains("SESSION");
            return view(user, session, unit, ifNoneMatch);
        }
        return response;
    }

    /** A browser: the session cookie it was given. */
    static final class Client {
        Cookie[] cookies;
    }

    private static CurrentUser reviewer(long id, long unit) {
        return new CurrentUser(id, "det.province" + (-id), null, "DET province", Role.PROVINCE_REVIEWER, null, unit,
                true, false, false, false);
    }

    private CurrentUser districtReviewer() {
        return new CurrentUser(-964, "det.district", null, "DET district", Role.DISTRICT_REVIEWER, null, district,
                true, false, false, false);
    }
}
