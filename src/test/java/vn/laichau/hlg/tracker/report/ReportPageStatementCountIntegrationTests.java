package vn.laichau.hlg.tracker.report;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.laichau.hlg.tracker.period.ObligationService;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.support.IntegrationTest;
import vn.laichau.hlg.tracker.support.SqlStatementCounter;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A report's page and its review page run the same number of SQL statements, from the security filters
 * to the template, for a report with one history line, indicator value, attachment and contribution as
 * for one with many of each: nothing on these pages is loaded row by row.
 */
@IntegrationTest
class ReportPageStatementCountIntegrationTests {

    /** A year of the plan that the other report tests leave alone. */
    static final int YEAR = 2030;
    static final int FEW = 1;
    static final int MANY = 20;
    /**
     * What a page may cost at most. The pages need between 20 and 30 statements today (the scope, the
     * report, its indicators, attachments, history and contributions, the previous year's report on the
     * review page, the layout's notifications, the session); loading the MANY contributions one by one
     * would add at least MANY more.
     */
    static final int BOUND = 30;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObligationService obligations;

    ReportFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new ReportFixtures(jdbc, obligations);
    }

    @AfterEach
    void tearDown() {
        fixtures.cleanup();
    }

    @Test
    void theReportAndReviewPagesRunABoundedNumberOfStatementsWhateverTheDataSize() throws Exception {
        // 2026: the district closed on 1/7/2025; its UBND cấp xã successors report, and its reviewers oversee them
        fixtures.confirmSuccessors("106");
        long agency = fixtures.agency("UBND", "03390");
        CurrentUser reporter = fixtures.reporter(agency);
        CurrentUser reviewer = fixtures.reviewer(Role.DISTRICT_REVIEWER, "106", null);
        long small = leadReport(agency, "1", FEW, reporter);
        long large = leadReport(agency, "2", MANY, reporter);

        assertThat(count("select count(*) from report_event where report_id = ?", large)).isEqualTo(MANY);
        assertThat(count("select count(*) from report_attachment where report_id = ?", large)).isEqualTo(MANY);
        assertThat(count("select count(*) from report_indicator_value where report_id = ?", large)).isGreaterThan(10);
        assertThat(count("""
                select count(*) from progress_report c join progress_report l on l.task_id = c.task_id and l.year = c.year
                where l.id = ? and c.kind = 'CONTRIBUTION' and c.status <> 'DRAFT'""", large)).isGreaterThanOrEqualTo(MANY);

        record Case(String name, String url, CurrentUser user) {
        }
        for (Case c : List.of(new Case("report page, reviewer", "/reports/%d", reviewer),
                new Case("review page, reviewer", "/review/%d", reviewer),
                new Case("report page, reporter of the lead agency", "/reports/%d", reporter))) {
            page(c.url().formatted(small), c.user());   // anything done once per application, not per page
            Page few = page(c.url().formatted(small), c.user());
            Page many = page(c.url().formatted(large), c.user());

            // The page does show every row, so the count below is the cost of showing them.
            assertThat(many.html()).as(c.name()).contains("minh-chung-" + MANY + ".pdf", "mới " + MANY,
                    "Đóng góp " + MANY + " của cơ quan phối hợp");
            assertThat(many.statements().size()).as("%s: statements with many rows against few; with many:%n%s",
                    c.name(), String.join("\n", many.statements())).isEqualTo(few.statements().size());
            assertThat(many.statements().size()).as("%s: statements:%n%s", c.name(), String.join("\n", many.statements()))
                    .isLessThanOrEqualTo(BOUND);
        }
    }

    private record Page(List<String> statements, String html) {
    }

    private Page page(String url, CurrentUser user) throws Exception {
        String[] html = new String[1];
        List<String> statements = SqlStatementCounter.statements(() -> html[0] = mvc.perform(get(url)
                        .with(authentication(ReportFixtures.auth(user))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        return new Page(statements, html[0]);
    }

    /**
     * A submitted report of the agency on the task, with {@code rows} history lines, attachments and
     * indicator values, the same agency's approved report of the year before, and one submitted
     * contribution per coordinating agency (as many as {@code rows}), each with as many rows again.
     */
    private long leadReport(long agency, String task, int rows, CurrentUser uploader) {
        long lead = report(agency, task, YEAR, "LEAD", "SUBMITTED", rows, uploader);
        report(agency, task, YEAR - 1, "LEAD", "APPROVED", rows, uploader);
        int n = 0;
        for (long coordinating : fixtures.agencies(rows, "KHAC", "03390")) {
            n++;
            long contribution = report(coordinating, task, YEAR, "CONTRIBUTION", "SUBMITTED", rows, uploader);
            jdbc.update("update progress_report set results = ? where id = ?", "Đóng góp " + n + " của cơ quan phối hợp",
                    contribution);
        }
        return lead;
    }

    private long report(long agency, String task, int year, String kind, String status, int rows, CurrentUser uploader) {
        long id = jdbc.queryForObject("""
                insert into progress_report (agency_id, task_id, year, kind, status, implementation_status,
                    percent_complete, results, first_submitted_at, submitted_at, approved_at)
                select ?, t.id, ?, ?, ?, 'IN_PROGRESS', 50, 'Kết quả', now(), now(),
                       case when ? = 'APPROVED' then now() end
                from task t where t.code = ? returning id""", Long.class, agency, year, kind, status, status, task);
        jdbc.update("""
                insert into report_event (report_id, at, actor_id, actor_name, action, field, old_value, new_value)
                select ?, now() - g * interval '1 minute', ?, 'Người thử', 'CHANGED', 'results', 'cũ ' || g, 'mới ' || g
                from generate_series(1, ?) g""", id, uploader.id(), rows);
        jdbc.update("""
                insert into report_attachment (report_id, file_name, content_type, size_bytes, sha256, content,
                    uploaded_by_id, uploaded_at)
                select ?, 'minh-chung-' || g || '.pdf', 'application/pdf', 4, repeat('a', 64), '\\x25504446'::bytea, ?, now()
                from generate_series(1, ?) g""", id, uploader.id(), rows);
        // An indicator the task does not ask for comes first, so that even one value takes every path.
        jdbc.update("""
                insert into report_indicator_value (report_id, indicator_id, value)
                select ?, i.id, 7 from indicator i
                order by exists (select 1 from task_indicator ti join task t on t.id = ti.task_id
                                 where t.code = ? and ti.indicator_id = i.id), i.id
                limit ?""", id, task, rows);
        return id;
    }

    private long count(String sql, long id) {
        return jdbc.queryForObject(sql, Long.class, id);
    }
}
