package vn.laichau.hlg.tracker.export;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.support.IntegrationTest;
import vn.laichau.hlg.tracker.support.TestAccounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sections IV and VI of the consolidated report read the difficulties and proposals as items: a duplicate
 * merged into another is stated once with both agencies, an answer is stated with its status, and a
 * proposal addressed to the issuing association is not proposed to anyone but taken on in section V.
 */
@IntegrationTest
class ConsolidatedDraftItemsIntegrationTests {

    static final int YEAR = 2029;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ExportService exports;

    @Autowired
    MessageSource messages;

    @Autowired
    TestAccounts accounts;

    private final List<Long> agencies = new ArrayList<>();

    @BeforeEach
    void reports() {
        long first = agency();
        long second = agency();
        approved(first, "Thiếu cán bộ làm công tác phổ biến", "Đề nghị UBND tỉnh bố trí kinh phí riêng.\n"
                + "- Đề nghị Hội Luật gia tỉnh tổ chức thêm lớp tập huấn");
        approved(second, null, "Đề nghị bổ sung kinh phí cho Đề án");
        long kept = jdbc.queryForObject("select id from difficulty_item where text = 'Đề nghị UBND tỉnh bố trí kinh phí riêng.'"
                + " and report_id in (select id from progress_report where agency_id = ?)", Long.class, first);
        jdbc.update("update difficulty_item set merged_into = ? where text = 'Đề nghị bổ sung kinh phí cho Đề án'"
                + " and report_id in (select id from progress_report where agency_id = ?)", kept, second);
        jdbc.update("update difficulty_item set status = 'DIRECTED', answer = 'Giao Sở Tài chính bố trí từ năm 2030.' where id = ?", kept);
    }

    @AfterEach
    void cleanup() {
        for (Long agency : agencies) {
            jdbc.update("delete from progress_report where agency_id = ?", agency);
            jdbc.update("delete from obligation where agency_id = ?", agency);
            jdbc.update("delete from agency where id = ?", agency);
        }
    }

    @Test
    void theProposalsAndDifficultiesAreTheItemsMergedOnceAndAnswered() {
        CurrentUser reviewer = accounts.create("dr", Role.PROVINCE_REVIEWER, "HLG-TINH", "12");
        long province = jdbc.queryForObject("select id from administrative_unit where code = '12'", Long.class);
        Texts texts = new Texts(messages, Locale.forLanguageTag("vi"));
        Map<Section, String> draft = new ConsolidatedDraft(texts).draft(exports.data(reviewer, YEAR, YEAR, province, texts));

        String proposals = draft.get(Section.PROPOSALS);
        String[] names = agencyNames();
        assertThat(proposals).contains("Đề nghị UBND tỉnh bố trí kinh phí riêng (" + names[0] + ", " + names[1] + "; nhiệm vụ 1).")
                .contains("(Đã có ý kiến chỉ đạo: Giao Sở Tài chính bố trí từ năm 2030.)")
                .doesNotContain("Đề nghị bổ sung kinh phí cho Đề án")
                .doesNotContain("Hội Luật gia tỉnh tổ chức thêm lớp tập huấn");
        assertThat(draft.get(Section.OUTLOOK)).contains("Đề nghị Hội Luật gia tỉnh tổ chức thêm lớp tập huấn");
        assertThat(draft.get(Section.ASSESSMENT)).contains("Thiếu cán bộ làm công tác phổ biến (" + names[0] + "; nhiệm vụ 1).");
    }

    private String[] agencyNames() {
        return agencies.stream().map(id -> jdbc.queryForObject("select name from agency where id = ?", String.class, id))
                .toArray(String[]::new);
    }

    private long agency() {
        String code = "DR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        // Names in the order the draft lists agencies (by name).
        String name = "Cơ quan thử " + (char) ('A' + agencies.size()) + " " + code;
        long id = jdbc.queryForObject("""
                insert into agency (code, name, kind_id, unit_id, opened_on)
                select ?, ?, k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u
                where k.code = 'UBND' and u.code = '12' returning id""", Long.class, code, name);
        agencies.add(id);
        return id;
    }

    private void approved(long agency, String difficulties, String proposals) {
        jdbc.update("""
                insert into progress_report (agency_id, task_id, year, kind, status, difficulties, proposals, submitted_at,
                                             first_submitted_at, approved_at)
                select ?, t.id, ?, 'LEAD', 'APPROVED', ?, ?, now(), now(), now() from task t where t.code = '1'""",
                agency, YEAR, difficulties, proposals);
    }
}
