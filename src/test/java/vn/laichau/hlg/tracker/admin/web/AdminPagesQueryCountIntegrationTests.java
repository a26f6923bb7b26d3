package vn.laichau.hlg.tracker.admin.web;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.laichau.hlg.tracker.support.AdminRequests.admin;

/**
 * The administration pages run the same small number of SQL statements however many units and agencies
 * there are (no query per row). Every test rolls back.
 */
@IntegrationTest
@Transactional
class AdminPagesQueryCountIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    Statistics statistics;

    @BeforeEach
    void countStatements() {
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
    }

    @AfterEach
    void stopCounting() {
        statistics.setStatisticsEnabled(false);
    }

    @Test
    void theUnitTreeAndTheAgencyListDoNotGrowWithTheData() throws Exception {
        long before = statementsFor("/admin/units");
        long listBefore = statementsFor("/admin/agencies?unit=" + unitId("12") + "&status=OPEN");
        long formBefore = statementsFor("/admin/agencies/new");
        assertThat(before).isPositive();
        assertThat(listBefore).isPositive();

        for (int i = 0; i < 20; i++) {
            String code = "Q" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            long unit = jdbc.queryForObject("""
                    insert into administrative_unit (code, name, level, parent_id, opened_on)
                    select ?, ?, 'COMMUNE', id, date '2027-01-01' from administrative_unit where code = '106' returning id""",
                    Long.class, code, "Xã Đếm " + i);
            jdbc.update("""
                    insert into agency (code, name, kind_id, unit_id, opened_on)
                    select ?, ?, id, ?, date '2027-01-01' from agency_kind where code = 'UBND'""",
                    code, "UBND xã Đếm " + i, unit);
        }

        assertThat(statementsFor("/admin/units")).isEqualTo(before).isLessThanOrEqualTo(3);
        assertThat(statementsFor("/admin/agencies?unit=" + unitId("12") + "&status=OPEN")).isEqualTo(listBefore).isLessThanOrEqualTo(8);
        assertThat(statementsFor("/admin/agencies/new")).isEqualTo(formBefore).isLessThanOrEqualTo(4);
    }

    private long statementsFor(String url) throws Exception {
        statistics.clear();
        mvc.perform(get(url).with(admin())).andExpect(status().isOk());
        return statistics.getPrepareStatementCount();
    }

    private long unitId(String code) {
        return jdbc.queryForObject("select id from administrative_unit where code = ?", Long.class, code);
    }
}
