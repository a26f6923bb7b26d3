package vn.laichau.hlg.tracker.period;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.laichau.hlg.tracker.support.AdminRequests;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** An agency added by an administrator owes its reports from its first year, without a restart. */
@IntegrationTest
class ObligationRefreshIntegrationTests {

    private static final String UNIT = "OBL-XA-2030";
    private static final String AGENCY = "UBND-OBL-XA-2030";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeFixture() {
        jdbc.update("delete from obligation where agency_id in (select id from agency where code = ?)", AGENCY);
        jdbc.update("delete from agency where code = ?", AGENCY);
        jdbc.update("delete from administrative_unit where code = ?", UNIT);
    }

    @Test
    void aCommunePeoplesCommitteeAddedInTheAdministrationOwesTaskOneFromItsOpeningYear() throws Exception {
        jdbc.update("""
                insert into administrative_unit (code, name, level, parent_id, opened_on)
                select ?, 'Xã Thử Nghĩa Vụ', 'COMMUNE', id, date '2030-01-01' from administrative_unit where code = '106'""", UNIT);
        Long unitId = jdbc.queryForObject("select id from administrative_unit where code = ?", Long.class, UNIT);
        Long kindId = jdbc.queryForObject("select id from agency_kind where code = 'UBND'", Long.class);

        mvc.perform(post("/admin/agencies").with(AdminRequests.admin()).with(csrf())
                .param("code", AGENCY).param("name", "UBND xã Thử Nghĩa Vụ")
                .param("kindId", kindId.toString()).param("unitId", unitId.toString())
                .param("openedOn", "2030-01-01").param("version", "0"));

        List<String> owed = jdbc.queryForList("""
                select t.code || '/' || o.year from obligation o join task t on t.id = o.task_id
                join agency a on a.id = o.agency_id where a.code = ? order by 1""", String.class, AGENCY);
        assertThat(owed).containsExactly("1/2030");
    }
}
