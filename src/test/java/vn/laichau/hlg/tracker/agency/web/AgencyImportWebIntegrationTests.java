package vn.laichau.hlg.tracker.agency.web;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import vn.laichau.hlg.tracker.shared.AuditEvent;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.laichau.hlg.tracker.support.AdminRequests.admin;

/**
 * Import of agencies from CSV: every row's problems are shown before anything is saved, and a file is
 * saved whole or not at all. Every test rolls back.
 */
@IntegrationTest
@Transactional
@RecordApplicationEvents
class AgencyImportWebIntegrationTests {

    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");
    private static final String BOM = "\uFEFF";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEvents events;

    @Test
    void thePageDocumentsTheColumns() throws Exception {
        mvc.perform(get("/admin/agencies/import").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("ma_don_vi_hanh_chinh"), containsString("ngay_bat_dau"),
                        containsString("HOI_LUAT_GIA"), containsString("enctype=\"multipart/form-data\""))));
    }

    @Test
    void aFileWithBadRowsIsPreviewedWithEveryProblemAndNothingIsSaved() throws Exception {
        String p = prefix();
        String csv = BOM + """
                ma,ten,loai,ma_don_vi_hanh_chinh,ngay_bat_dau
                %1$s-OK,UBND xã Đúng,UBND,03390,01/07/2027
                %1$s-KIND,Cơ quan Loại Lạ,KHONG_CO,03390,01/07/2027
                %1$s-UNIT,Cơ quan Đơn Vị Lạ,UBND,999,01/07/2027
                %1$s-DUP,Cơ quan Trùng 1,UBND,03390,2027-07-01
                %1$s-dup,Cơ quan Trùng 2,UBND,03390,2027-07-01
                SO-TU-PHAP,Sở Tư pháp lần nữa,SO_BAN_NGANH,12,01/01/2027
                %1$s-DATE,Cơ quan Ngày Sai,UBND,03390,31/02/2027
                %1$s-NONAME,,UBND,03390,01/07/2027
                %1$s-EARLY,Cơ quan Mở Quá Sớm,UBND,03390,01/01/2020
                """.formatted(p);
        int before = agencyCount();
        Cookie session = upload(csv);

        mvc.perform(get("/admin/agencies/import/preview").with(admin()).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Tệp có 9 dòng, trong đó 8 dòng có lỗi."),
                        containsString("Không có loại cơ quan mã &quot;KHONG_CO&quot;."),
                        containsString("Không có đơn vị hành chính mã &quot;999&quot;."),
                        containsString("Mã bị trùng với dòng 5 của tệp."),
                        containsString("Mã bị trùng với dòng 6 của tệp."),
                        containsString("Mã này đã được dùng cho một cơ quan, đơn vị khác."),
                        containsString("Ngày &quot;31/02/2027&quot; không hợp lệ"),
                        containsString("Thiếu tên."),
                        containsString("Đơn vị hành chính không hoạt động vào ngày bắt đầu này."),
                        containsString(p + "-OK"), containsString("UBND xã Đúng"),
                        not(containsString("name=\"token\"")))));
        assertThat(agencyCount()).isEqualTo(before);
        assertThat(events.stream(AuditEvent.class)).isEmpty();

        mvc.perform(post("/admin/agencies/import/confirm").with(admin()).with(csrf()).cookie(session)
                        .param("token", "guessed"))
                .andExpect(redirectedUrl("/admin/agencies/import"))
                .andExpect(flash().attribute("flashError", "admin.agencies.import.error.expired"));
        assertThat(agencyCount()).isEqualTo(before);
    }

    @Test
    void aGoodFileIsSavedWholeAfterThePreview() throws Exception {
        String p = prefix();
        String csv = BOM + """
                Ten;Ma;Loai;Ma_don_vi_hanh_chinh;Ngay_bat_dau;ghi_chu
                UBND xã Thử Nhập Một;%1$s-1;ubnd;03390;01/07/2027;không dùng
                Hội Luật gia xã Thử Nhập Hai;%1$s-2;HOI_LUAT_GIA;03445;2027-07-01;

                """.formatted(p);
        Cookie session = upload(csv);
        MvcResult preview = mvc.perform(get("/admin/agencies/import/preview").with(admin()).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Cả 2 dòng đều đúng."),
                        containsString("Lưu cả 2 cơ quan, đơn vị"))))
                .andReturn();
        assertThat(agencyCount(p)).isZero();

        mvc.perform(post("/admin/agencies/import/confirm").with(admin()).with(csrf()).cookie(session)
                        .param("token", token(preview)))
                .andExpect(redirectedUrl("/admin/agencies"))
                .andExpect(flash().attribute("flashSuccess", "admin.agencies.import.saved"));

        Map<String, Object> first = jdbc.queryForMap("""
                select a.name, a.search_text, k.code as kind, u.code as unit, a.opened_on::text as opened_on
                from agency a join agency_kind k on k.id = a.kind_id join administrative_unit u on u.id = a.unit_id
                where a.code = ?""", p + "-1");
        assertThat(first).containsEntry("name", "UBND xã Thử Nhập Một").containsEntry("search_text", "ubnd xa thu nhap mot")
                .containsEntry("kind", "UBND").containsEntry("unit", "03390").containsEntry("opened_on", "2027-07-01");
        assertThat(agencyCount(p)).isEqualTo(2);
        assertThat(events.stream(AuditEvent.class)).singleElement()
                .extracting(AuditEvent::kind, AuditEvent::newValue)
                .containsExactly("AGENCIES_IMPORTED", "2 agencies: " + p + "-1, " + p + "-2");

        // The upload was used up: confirming again saves nothing more.
        mvc.perform(post("/admin/agencies/import/confirm").with(admin()).with(csrf()).cookie(session)
                        .param("token", token(preview)))
                .andExpect(flash().attribute("flashError", "admin.agencies.import.error.expired"));
        assertThat(agencyCount(p)).isEqualTo(2);
    }

    @Test
    void whenARowBecomesWrongBeforeConfirmingNothingOfTheFileIsSaved() throws Exception {
        String p = prefix();
        Cookie session = upload("""
                ma,ten,loai,ma_don_vi_hanh_chinh,ngay_bat_dau
                %1$s-1,UBND xã Một,UBND,03390,01/07/2027
                %1$s-2,UBND xã Hai,UBND,03390,01/07/2027
                """.formatted(p));
        MvcResult preview = mvc.perform(get("/admin/agencies/import/preview").with(admin()).cookie(session))
                .andExpect(content().string(containsString("Cả 2 dòng đều đúng."))).andReturn();
        // Meanwhile someone adds an agency with the second code.
        jdbc.update("""
                insert into agency (code, name, kind_id, unit_id, opened_on)
                select ?, 'Người khác thêm', k.id, u.id, date '2027-01-01'
                from agency_kind k, administrative_unit u where k.code = 'KHAC' and u.code = '12'""", p + "-2");

        mvc.perform(post("/admin/agencies/import/confirm").with(admin()).with(csrf()).cookie(session)
                        .param("token", token(preview)))
                .andExpect(redirectedUrl("/admin/agencies/import/preview"))
                .andExpect(flash().attribute("flashError", "admin.agencies.import.error.notSaved"));
        assertThat(agencyCount(p)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from agency where code = ?", Integer.class, p + "-1")).isZero();
    }

    @Test
    void aFileThatIsNotUtf8OrLacksAColumnIsExplained() throws Exception {
        byte[] latin1 = "ma,ten,loai,ma_don_vi_hanh_chinh,ngay_bat_dau\nX,Hội,UBND,03390,01/07/2027\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        latin1[latin1.length - 20] = (byte) 0xE9;
        Cookie session = upload(latin1);
        mvc.perform(get("/admin/agencies/import/preview").with(admin()).cookie(session))
                .andExpect(content().string(allOf(containsString("Tệp không phải mã hóa UTF-8."), not(containsString("name=\"token\"")))));

        session = upload("ma,ten,loai\nX,Y,UBND\n");
        mvc.perform(get("/admin/agencies/import/preview").with(admin()).cookie(session))
                .andExpect(content().string(containsString("Thiếu cột bắt buộc ở dòng đầu: ma_don_vi_hanh_chinh, ngay_bat_dau.")));

        mvc.perform(multipart("/admin/agencies/import").with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/agencies/import"))
                .andExpect(flash().attribute("flashError", "admin.agencies.import.error.noFile"));
    }

    private Cookie upload(String csv) throws Exception {
        return upload(csv.getBytes(StandardCharsets.UTF_8));
    }

    private Cookie upload(byte[] content) throws Exception {
        MvcResult result = mvc.perform(multipart("/admin/agencies/import")
                        .file(new MockMultipartFile("file", "co-quan.csv", "text/csv", content))
                        .with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/agencies/import/preview"))
                .andReturn();
        Cookie session = result.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        return session;
    }

    private static String token(MvcResult preview) throws Exception {
        Matcher matcher = TOKEN.matcher(preview.getResponse().getContentAsString());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private int agencyCount() {
        return jdbc.queryForObject("select count(*) from agency", Integer.class);
    }

    private int agencyCount(String prefix) {
        return jdbc.queryForObject("select count(*) from agency where code like ?", Integer.class, prefix + "%");
    }

    private static String prefix() {
        return "IMP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
