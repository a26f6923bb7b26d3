package vn.laichau.hlg.tracker.account;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reviewer of huyện Tam Đường, closed from 1/7/2025, keeps its history; it oversees the communes that
 * succeeded the district only once an administrator confirmed them.
 */
@IntegrationTest
class SuccessorScopeIntegrationTests {

    @Autowired
    ScopeService scopes;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void unconfirm() {
        jdbc.update("update unit_successor set scope_confirmed = false where unit_id = (select id from administrative_unit where code = '106')");
    }

    @Test
    void aReviewerOfAClosedDistrictReadsItsHistoryAndItsConfirmedSuccessors() {
        long tamDuong = unit("106");
        long binhLu = unit("03390");
        long phongThoCommune = unit("03549");
        CurrentUser reviewer = new CurrentUser(-1L, "t.scope", null, "Người thử", Role.DISTRICT_REVIEWER, null, tamDuong,
                true, false, false, false);

        assertThat(scopes.scopeOf(reviewer).unitIds()).contains(tamDuong).doesNotContain(binhLu);

        jdbc.update("update unit_successor set scope_confirmed = true where unit_id = ? and successor_id = ?", tamDuong, binhLu);

        // a scope is worked out once per request: ask as in a new request
        CurrentUser nextRequest = new CurrentUser(-3L, "t.scope", null, "Người thử", Role.DISTRICT_REVIEWER, null, tamDuong,
                true, false, false, false);
        assertThat(scopes.scopeOf(nextRequest).unitIds()).contains(tamDuong, binhLu).doesNotContain(phongThoCommune);
        // the province sees every year's units, closed or not
        CurrentUser province = new CurrentUser(-2L, "t.scope.tinh", null, "Người thử", Role.PROVINCE_REVIEWER, null, unit("12"),
                true, false, false, false);
        assertThat(scopes.scopeOf(province).unitIds()).contains(tamDuong, binhLu, phongThoCommune);
    }

    private long unit(String code) {
        return jdbc.queryForObject("select id from administrative_unit where code = ?", Long.class, code);
    }
}
