package vn.laichau.hlg.tracker.export.web;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.support.IntegrationTest;
import vn.laichau.hlg.tracker.support.TestAccounts;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.laichau.hlg.tracker.support.TestAccounts.as;

/**
 * Editions of the consolidated report through the pages: drafted from the data, edited with history and
 * optimistic locking, issued (then frozen, also by the database), superseded, and only in scope. Each test
 * works on a district of its own (2024, when the districts still reported).
 */
@IntegrationTest
class EditionIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestAccounts accounts;

    @Test
    void aDraftIsEditedWithHistoryAndAStaleSaveKeepsBothTexts() throws Exception {
        CurrentUser anh = accounts.create("ed.anh", Role.DISTRICT_REVIEWER, null, "107");
        CurrentUser binh = accounts.create("ed.binh", Role.DISTRICT_REVIEWER, null, "107");
        long id = start(anh, "2024");

        // Every section is drafted from the data: the results by task, the appendix of who did not report.
        String page = mvc.perform(get("/editions/" + id).with(as(anh))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI", "II. KẾT QUẢ THỰC HIỆN", "III. KINH PHÍ THỰC HIỆN",
                "IV. ĐÁNH GIÁ CHUNG", "V. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", "VI. ĐỀ XUẤT, KIẾN NGHỊ", "PHỤ LỤC",
                "Báo cáo tổng hợp năm 2024", "Thực hiện Kế hoạch số");
        assertThat(body(id, "RESULTS")).contains("## 1.");
        assertThat(body(id, "PROPOSALS")).contains("Trên đây là báo cáo kết quả thực hiện Đề án 129 năm 2024");

        // Anh and Binh open the section at the same version; Anh saves first.
        long opened = version(id, "DIRECTION");
        save(anh, id, "DIRECTION", "Ban hành Kế hoạch số 12/KH-HLG ngày 05/3/2024.", opened).andExpect(status().is3xxRedirection());
        assertThat(body(id, "DIRECTION")).isEqualTo("Ban hành Kế hoạch số 12/KH-HLG ngày 05/3/2024.");

        // Binh's save over the older version is refused; the page shows Anh's text and keeps Binh's.
        String conflict = save(binh, id, "DIRECTION", "Văn bản của Bình, chưa lưu.", opened)
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(conflict).contains("Ban hành Kế hoạch số 12/KH-HLG ngày 05/3/2024.", "Văn bản của Bình, chưa lưu.",
                anh.getUsername(), "Nội dung của bạn (chưa lưu)");
        assertThat(body(id, "DIRECTION")).isEqualTo("Ban hành Kế hoạch số 12/KH-HLG ngày 05/3/2024.");
        // Saving again, now over Anh's version, is Binh's deliberate choice.
        save(binh, id, "DIRECTION", "Văn bản của Bình, chưa lưu.", version(id, "DIRECTION")).andExpect(status().is3xxRedirection());

        // The history: drafted from the data, then Anh, then Binh; each earlier text can be read again.
        List<String> history = jdbc.queryForList("select saved_by || ':' || drafted from edition_revision "
                + "where edition_id = ? and section = 'DIRECTION' order by id", String.class, id);
        assertThat(history).containsExactly(anh.getUsername() + ":true", anh.getUsername() + ":false", binh.getUsername() + ":false");
        long drafted = jdbc.queryForObject("select min(id) from edition_revision where edition_id = ? and section = 'DIRECTION'",
                Long.class, id);
        String old = mvc.perform(get("/editions/" + id + "/sections/DIRECTION").param("revision", String.valueOf(drafted))
                .with(as(binh))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(old).contains("Các cơ quan, đơn vị phải gửi", "Soạn từ số liệu");

        // Opening the period again opens the same draft.
        assertThat(start(binh, "2024")).isEqualTo(id);
        assertThat(audit(id)).contains("EDITION_DRAFTED", "EDITION_SECTION_SAVED");
    }

    @Test
    void anIssuedEditionNeverChangesAndDownloadsAsIssued() throws Exception {
        CurrentUser reviewer = accounts.create("ed.issue", Role.DISTRICT_REVIEWER, null, "108");
        long id = start(reviewer, "2024");
        save(reviewer, id, "OUTLOOK", "Tiếp tục tập huấn cho hội viên ở các xã vùng cao.", version(id, "OUTLOOK"));
        long version = jdbc.queryForObject("select version from edition where id = ?", Long.class, id);

        // Wrong fields: a message next to each, and what was typed comes back.
        String refused = mvc.perform(post("/editions/" + id + "/issue").with(csrf()).with(as(reviewer))
                        .param("number", "").param("issuedOn", "31/02/2025").param("signerName", "Lò Văn Sáng")
                        .param("signerTitle", "CHỦ TỊCH").param("recipients", "- Hội Luật gia tỉnh Lai Châu;\n- Lưu: VT.")
                        .param("version", String.valueOf(version)))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Không được để trống.", "Ngày không hợp lệ", "value=\"31/02/2025\"", "Lò Văn Sáng");
        assertThat(statusOf(id)).isEqualTo("DRAFT");

        issue(reviewer, id, "07/BC-HLG", "05/02/2025");
        assertThat(statusOf(id)).isEqualTo("ISSUED");
        String before = docxText(reviewer, id);
        assertThat(before).contains("Số: 07/BC-HLG", place(id) + ", ngày 05 tháng 02 năm 2025",
                "Tiếp tục tập huấn cho hội viên ở các xã vùng cao.", "TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Lò Văn Sáng",
                "- Hội Luật gia tỉnh Lai Châu;", "PHỤ LỤC");

        // The server refuses edits; so does the database.
        mvc.perform(post("/editions/" + id + "/sections/OUTLOOK").with(csrf()).with(as(reviewer))
                        .param("body", "Sửa sau khi ban hành").param("version", String.valueOf(version(id, "OUTLOOK"))))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashError", "edition.refused.issued"));
        assertThat(body(id, "OUTLOOK")).isEqualTo("Tiếp tục tập huấn cho hội viên ở các xã vùng cao.");
        assertThatThrownBy(() -> jdbc.update("update edition_section set body = 'x' where edition_id = ?", id))
                .hasMessageContaining("never change");
        assertThatThrownBy(() -> jdbc.update("update edition set number = '08/BC-HLG' where id = ?", id))
                .hasMessageContaining("never changes");

        // The file is laid out from the stored text: a unit renamed later does not change it.
        long unit = jdbc.queryForObject("select unit_id from edition where id = ?", Long.class, id);
        String name = jdbc.queryForObject("select name from administrative_unit where id = ?", String.class, unit);
        jdbc.update("update administrative_unit set name = 'Huyện Đổi Tên' where id = ?", unit);
        try {
            assertThat(docxText(reviewer, id)).isEqualTo(before).doesNotContain("Đổi Tên");
        } finally {
            jdbc.update("update administrative_unit set name = ? where id = ?", name, unit);
        }
        // A second edition of the period starts only from the issued one.
        mvc.perform(post("/editions").with(csrf()).with(as(reviewer)).param("period", "2024"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashError", "edition.refused.issuedExists"));
        assertThat(audit(id)).contains("EDITION_ISSUED");
    }

    @Test
    void aLaterEditionSupersedesTheIssuedOneWithAReasonAndBothAreKept() throws Exception {
        CurrentUser reviewer = accounts.create("ed.sup", Role.DISTRICT_REVIEWER, null, "109");
        long first = start(reviewer, "2024");
        issue(reviewer, first, "01/BC-HLG", "10/01/2025");

        String noReason = mvc.perform(post("/editions/" + first + "/supersede").with(csrf()).with(as(reviewer)).param("reason", " "))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(noReason).contains("Không được để trống.");

        String location = mvc.perform(post("/editions/" + first + "/supersede").with(csrf()).with(as(reviewer))
                        .param("reason", "Bổ sung kết quả của UBND xã được phê duyệt muộn"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long second = Long.parseLong(location.substring("/editions/".length()));
        // The new draft starts from the issued text; the issued one stays issued until the new one is.
        assertThat(body(second, "RESULTS")).isEqualTo(body(first, "RESULTS"));
        assertThat(statusOf(first)).isEqualTo("ISSUED");
        save(reviewer, second, "RESULTS", body(first, "RESULTS") + "\n- Bổ sung: UBND xã tổ chức 2 hội nghị.", version(second, "RESULTS"));
        issue(reviewer, second, "02/BC-HLG", "20/01/2025");

        assertThat(statusOf(first)).isEqualTo("SUPERSEDED");
        assertThat(statusOf(second)).isEqualTo("ISSUED");
        assertThat(mvc.perform(get("/editions/" + first).with(as(reviewer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("đã được thay thế bởi báo cáo số 02/BC-HLG");
        assertThat(mvc.perform(get("/editions/" + second).with(as(reviewer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("Thay thế báo cáo số 01/BC-HLG", "Bổ sung kết quả của UBND xã được phê duyệt muộn");
        // Both still download, each as issued.
        assertThat(docxText(reviewer, first)).contains("Số: 01/BC-HLG").doesNotContain("Bổ sung: UBND xã");
        assertThat(docxText(reviewer, second)).contains("Số: 02/BC-HLG", "Bổ sung: UBND xã tổ chức 2 hội nghị.");
        assertThat(mvc.perform(get("/editions").with(as(reviewer))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("01/BC-HLG", "02/BC-HLG", "Đã được thay thế", "Đã ban hành");
        assertThat(audit(first)).contains("EDITION_SUPERSEDED");
    }

    @Test
    void onlyReviewersOfTheEditionsUnitReachIt() throws Exception {
        CurrentUser own = accounts.create("ed.own", Role.DISTRICT_REVIEWER, null, "110");
        CurrentUser other = accounts.create("ed.other", Role.DISTRICT_REVIEWER, null, "111");
        CurrentUser province = accounts.create("ed.tinh", Role.PROVINCE_REVIEWER, "HLG-TINH", "12");
        CurrentUser reporter = accounts.create("ed.rep", Role.REPORTER, "UBND-TAM-DUONG", null);
        CurrentUser viewer = accounts.create("ed.view", Role.VIEWER, null, "12");
        long id = start(own, "2024");
        long version = version(id, "BUDGET");

        for (var request : List.of(get("/editions/" + id), get("/editions/" + id + "/sections/BUDGET"),
                get("/editions/" + id + "/edition.docx"))) {
            mvc.perform(request.with(as(other))).andExpect(status().isNotFound());
            mvc.perform(request.with(as(reporter))).andExpect(status().isForbidden());
            mvc.perform(request.with(as(viewer))).andExpect(status().isForbidden());
        }
        save(other, id, "BUDGET", "Sửa trái phạm vi", version).andExpect(status().isNotFound());
        mvc.perform(post("/editions/" + id + "/issue").with(csrf()).with(as(other)).param("number", "9/BC-HLG")
                .param("issuedOn", "01/02/2025").param("signerName", "A").param("signerTitle", "B").param("recipients", "C")
                .param("version", "0")).andExpect(status().isNotFound());
        assertThat(body(id, "BUDGET")).doesNotContain("Sửa trái phạm vi");
        assertThat(statusOf(id)).isEqualTo("DRAFT");
        // A district reviewer works on its own unit only, not on the province's or a neighbour's.
        long provinceUnit = jdbc.queryForObject("select id from administrative_unit where code = '12'", Long.class);
        mvc.perform(post("/editions").with(csrf()).with(as(own)).param("unit", String.valueOf(provinceUnit)).param("period", "2024"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/editions").param("unit", String.valueOf(provinceUnit)).with(as(own))).andExpect(status().isNotFound());
        // The province's reviewer reaches every unit's edition.
        mvc.perform(get("/editions/" + id).with(as(province))).andExpect(status().isOk());
        mvc.perform(get("/editions/" + id + "/sections/nothing").with(as(own))).andExpect(status().isNotFound());
        // An unknown period is refused with a message, nothing drafted.
        mvc.perform(post("/editions").with(csrf()).with(as(own)).param("period", "2019"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashError", "edition.error.period"));
        mvc.perform(get("/editions").with(as(own))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Báo cáo tổng hợp năm 2024")));
    }

    private long start(CurrentUser user, String period) throws Exception {
        String location = mvc.perform(post("/editions").with(csrf()).with(as(user)).param("period", period))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/editions/\\d+");
        return Long.parseLong(location.substring("/editions/".length()));
    }

    private org.springframework.test.web.servlet.ResultActions save(CurrentUser user, long id, String section, String body,
                                                                    long version) throws Exception {
        return mvc.perform(post("/editions/" + id + "/sections/" + section).with(csrf()).with(as(user))
                .param("body", body).param("version", String.valueOf(version)));
    }

    private void issue(CurrentUser user, long id, String number, String day) throws Exception {
        long version = jdbc.queryForObject("select version from edition where id = ?", Long.class, id);
        mvc.perform(post("/editions/" + id + "/issue").with(csrf()).with(as(user)).param("number", number)
                        .param("issuedOn", day).param("signerName", "Lò Văn Sáng").param("signerTitle", "CHỦ TỊCH")
                        .param("recipients", "- Hội Luật gia tỉnh Lai Châu;\n- Lưu: VT.").param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashSuccess", "edition.issued"));
    }

    private String docxText(CurrentUser user, long id) throws Exception {
        byte[] bytes = mvc.perform(get("/editions/" + id + "/edition.docx").with(as(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            String paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            String tables = doc.getTables().stream().map(t -> t.getText()).collect(Collectors.joining("\n"));
            return paragraphs + "\n" + tables;
        }
    }

    private String body(long id, String section) {
        return jdbc.queryForObject("select body from edition_section where edition_id = ? and section = ?", String.class, id, section);
    }

    private long version(long id, String section) {
        return jdbc.queryForObject("select version from edition_section where edition_id = ? and section = ?", Long.class, id, section);
    }

    private String statusOf(long id) {
        return jdbc.queryForObject("select status from edition where id = ?", String.class, id);
    }

    private String place(long id) {
        return jdbc.queryForObject("select place from edition where id = ?", String.class, id);
    }

    private List<String> audit(long id) {
        return jdbc.queryForList("select kind from audit_entry where target = ?", String.class, "edition:" + id);
    }
}
