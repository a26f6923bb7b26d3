package vn.laichau.hlg.tracker.reorganisation;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.laichau.hlg.tracker.reorganisation.ImportViews.Preview;
import vn.laichau.hlg.tracker.reorganisation.ImportViews.Row;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.laichau.hlg.tracker.support.AdminRequests.admin;

/**
 * The unit import: every row's problems shown before anything is saved (unknown parent, a successor
 * closed before the unit closes, dates that overlap the parent's end, parents or successors in a cycle),
 * and a file saved whole or not at all. Every test rolls back.
 */
@IntegrationTest
@Transactional
class UnitImportIntegrationTests {

    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

    @Autowired
    UnitImportService unitImport;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    /** Outside the test's transaction, so that what the import rolls back is really gone. */
    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void badRowsAreAnsweredRowByRowAndNothingIsSaved() {
        String csv = """
                ma,ten,cap,ma_cha,ngay_mo,ngay_dong,ma_ke_thua
                98001,Xã Cha Lạ,COMMUNE,KHONG-CO,01/07/2025,,
                98002,Xã Kế Thừa Đã Đóng,xã,12,01/07/2025,01/01/2027,106
                98003,Xã Sống Lâu Hơn Huyện,COMMUNE,106,01/01/2025,,
                98004,Huyện Vòng A,DISTRICT,98005,01/01/2027,,
                98005,Huyện Vòng B,DISTRICT,98004,01/01/2027,,
                98006,Xã Vòng Kế Thừa A,COMMUNE,12,01/07/2025,01/01/2028,98007
                98007,Xã Vòng Kế Thừa B,COMMUNE,12,01/07/2025,01/01/2029,98006
                98008,Xã Đóng Trước Khi Mở,COMMUNE,12,01/07/2025,01/07/2025,
                98009,Xã Đúng,COMMUNE,12,01/07/2025,,
                98009,Xã Trùng Mã,COMMUNE,12,01/07/2025,,
                98010,Xã Ngày Sai,COMMUNE,12,31/02/2025,,
                """;
        int units = count("administrative_unit");
        int links = count("unit_successor");

        Preview preview = unitImport.importUnits(bytes(csv), "admin", "127.0.0.1");

        assertThat(preview.saveable()).isFalse();
        Map<Long, List<String>> problems = problemsByLine(preview);
        assertThat(problems.get(2L)).containsExactly("admin.units.import.error.parentUnknown KHONG-CO");
        assertThat(problems.get(3L)).containsExactly("admin.units.import.error.successorClosedBefore 106 (01/07/2025)");
        assertThat(problems.get(4L)).containsExactly("admin.units.import.error.outlivesParent 01/07/2025");
        assertThat(problems.get(5L)).containsExactly("admin.units.import.error.parentCycle 98005");
        assertThat(problems.get(6L)).containsExactly("admin.units.import.error.parentCycle 98004");
        assertThat(problems.get(7L)).containsExactly("admin.units.import.error.successorCycle 98007");
        assertThat(problems.get(8L)).containsExactly("admin.units.import.error.successorCycle 98006");
        assertThat(problems.get(9L)).containsExactly("admin.units.error.closedBeforeOpened");
        assertThat(problems.get(10L)).containsExactly("admin.units.import.error.codeRepeated 11");
        assertThat(problems.get(12L)).containsExactly("admin.units.import.error.dayInvalid 31/02/2025");
        assertThat(count("administrative_unit")).isEqualTo(units);
        assertThat(count("unit_successor")).isEqualTo(links);
    }

    @Test
    void aGoodFileIsSavedWholeWithParentsFromTheFileAndSuccessors() {
        // The child comes before its parent: rows are saved parents first.
        String csv = """
                ma;ten;cap;ma_cha;ngay_mo;ngay_dong;ma_ke_thua
                98101;Xã Con;COMMUNE;98100;01/01/2027;01/01/2029;98102|98103
                98100;Huyện Thử;huyện;12;01/01/2027;;
                98102;Xã Kế Thừa Một;COMMUNE;98100;2027-01-01;;
                98103;Xã Kế Thừa Hai;COMMUNE;12;01/01/2027;;
                """;
        Preview preview = unitImport.preview(bytes(csv));
        assertThat(preview.rows()).allMatch(Row::valid);
        assertThat(count("administrative_unit where code like '981%'")).isZero();

        Preview saved = unitImport.importUnits(bytes(csv), "admin", "127.0.0.1");

        assertThat(saved.saveable()).isTrue();
        assertThat(jdbc.queryForList("""
                select u.code || ' ' || u.level || ' ' || coalesce(p.code, '-') || ' ' || u.opened_on || ' ' || coalesce(u.closed_on::text, '-')
                from administrative_unit u left join administrative_unit p on p.id = u.parent_id
                where u.code like '981%' order by u.code""", String.class)).containsExactly(
                "98100 DISTRICT 12 2027-01-01 -",
                "98101 COMMUNE 98100 2027-01-01 2029-01-01",
                "98102 COMMUNE 98100 2027-01-01 -",
                "98103 COMMUNE 12 2027-01-01 -");
        assertThat(jdbc.queryForList("""
                select s.code from unit_successor l join administrative_unit u on u.id = l.unit_id
                join administrative_unit s on s.id = l.successor_id where u.code = '98101' order by 1""", String.class))
                .containsExactly("98102", "98103");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where kind = 'UNITS_IMPORTED'", Integer.class)).isPositive();
    }

    @Test
    void thePagesShowTheRowsThenSaveThem() throws Exception {
        mvc.perform(get("/admin/units/import").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("ma_ke_thua"), containsString("ngay_dong"),
                        containsString("enctype=\"multipart/form-data\""))));
        MvcResult uploaded = mvc.perform(multipart("/admin/units/import")
                        .file(new MockMultipartFile("file", "don-vi.csv", "text/csv",
                                bytes("ma,ten,cap,ma_cha,ngay_mo,ngay_dong,ma_ke_thua\n98201,Xã Trang,COMMUNE,12,01/01/2027,,\n")))
                        .with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/units/import/preview")).andReturn();
        Cookie session = uploaded.getResponse().getCookie("SESSION");
        String page = mvc.perform(get("/admin/units/import/preview").with(admin()).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Xã Trang"), containsString("Cả 1 dòng đều đúng"))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher token = TOKEN.matcher(page);
        assertThat(token.find()).isTrue();
        mvc.perform(post("/admin/units/import/confirm").param("token", token.group(1)).with(admin()).with(csrf()).cookie(session))
                .andExpect(redirectedUrl("/admin/units"));
        assertThat(count("administrative_unit where code = '98201'")).isEqualTo(1);
    }

    private static Map<Long, List<String>> problemsByLine(Preview preview) {
        Map<Long, List<String>> byLine = new TreeMap<>();
        for (Row row : preview.rows()) {
            List<String> lines = new ArrayList<>();
            row.problems().forEach(p -> lines.add(p.argument() == null ? p.key() : p.key() + " " + p.argument()));
            byLine.put(row.line(), lines);
        }
        return byLine;
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
