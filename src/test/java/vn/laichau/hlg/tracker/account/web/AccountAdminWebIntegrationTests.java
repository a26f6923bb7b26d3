package vn.laichau.hlg.tracker.account.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.support.IntegrationTest;
import vn.laichau.hlg.tracker.support.TestAccounts;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.laichau.hlg.tracker.support.TestAccounts.as;

/** Account administration as an administrator uses it, and as nobody else may. */
@IntegrationTest
class AccountAdminWebIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestAccounts accounts;

    @Test
    void anAccountIsCreatedWithAOneTimePasswordShownOnceAndAudited() throws Exception {
        CurrentUser admin = accounts.create("quantri", Role.ADMIN, null, null);
        String username = "bao.cao." + System.nanoTime() % 1_000_000;
        Long agencyId = jdbc.queryForObject("select id from agency where code = 'UBND-SIN-HO'", Long.class);

        MvcResult created = mvc.perform(post("/admin/accounts").with(as(admin)).with(csrf())
                        .param("username", username).param("displayName", "Lò Văn Sìn")
                        .param("role", "REPORTER").param("agencyId", agencyId.toString()))
                .andExpect(redirectedUrlPattern("/admin/accounts/*")).andReturn();
        String oneTimePassword = (String) created.getFlashMap().get("oneTimePassword");
        assertThat(oneTimePassword).matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}");

        String location = created.getResponse().getRedirectedUrl();
        var session = created.getResponse().getCookie("SESSION");
        mvc.perform(get(location).with(as(admin)).cookie(session))
                .andExpect(content().string(containsString("id=\"one-time-password\">" + oneTimePassword)));
        mvc.perform(get(location).with(as(admin)).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Lò Văn Sìn")))
                .andExpect(content().string(not(containsString(oneTimePassword))));
        assertThat(jdbc.queryForObject("select must_change_password from account where username = ?", Boolean.class, username)).isTrue();
        assertThat(jdbc.queryForObject("select new_value from audit_entry where kind = 'ACCOUNT_CREATED' and target = ?",
                String.class, "account:" + username)).contains("role=REPORTER");
    }

    @Test
    void badInputIsExplainedNextToEachFieldAndKept() throws Exception {
        CurrentUser admin = accounts.create("quantri", Role.ADMIN, null, null);

        mvc.perform(post("/admin/accounts").with(as(admin)).with(csrf())
                        .param("username", "Tên Có Dấu").param("displayName", "Nguyễn Văn Nhập Dở")
                        .param("role", "REPORTER").param("agencyId", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"username-error\">Tên đăng nhập dài 3–50 ký tự")))
                .andExpect(content().string(containsString("id=\"agencyId-error\">Cán bộ báo cáo phải thuộc một cơ quan, đơn vị.")))
                .andExpect(content().string(containsString("value=\"Nguyễn Văn Nhập Dở\"")));
        mvc.perform(post("/admin/accounts").with(as(admin)).with(csrf())
                        .param("username", "hop.le").param("displayName", "Ai đó").param("role", "NOT_A_ROLE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"role-error\"")));
    }

    @Test
    void aStaleEditGetsTheSharedConflictPageWithBothVersions() throws Exception {
        CurrentUser admin = accounts.create("quantri", Role.ADMIN, null, null);
        CurrentUser user = accounts.create("cu", Role.VIEWER, null, "12");

        mvc.perform(post("/admin/accounts/{id}", user.id()).with(as(admin)).with(csrf())
                        .param("displayName", "Tên mới").param("role", "VIEWER")
                        .param("unitId", user.unitId().toString()).param("version", "99"))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("vừa được người khác thay đổi"),
                        containsString("<td>Tên mới</td>"), containsString("<td>Lãnh đạo theo dõi</td>"),
                        containsString("name=\"displayName\" value=\"Tên mới\""))));
        assertThat(jdbc.queryForObject("select display_name from account where id = ?", String.class, user.id()))
                .isEqualTo(user.displayName());
    }

    @Test
    void searchFindsNamesTypedWithoutDiacritics() throws Exception {
        CurrentUser admin = accounts.create("quantri", Role.ADMIN, null, null);
        String username = "tim." + System.nanoTime() % 1_000_000;
        Long agencyId = jdbc.queryForObject("select id from agency where code = 'SO-TU-PHAP'", Long.class);
        mvc.perform(post("/admin/accounts").with(as(admin)).with(csrf())
                .param("username", username).param("displayName", "Cán bộ Sở Tư pháp Điện Biên Đông")
                .param("role", "REPORTER").param("agencyId", agencyId.toString()));

        mvc.perform(get("/admin/accounts").param("q", "so tu phap dien bien").with(as(admin)))
                .andExpect(content().string(containsString(username)));
        mvc.perform(get("/admin/accounts").param("q", "Sở Tư Pháp ĐIỆN").with(as(admin)))
                .andExpect(content().string(containsString(username)));
        // Accounts written outside the application are found the same way.
        CurrentUser inserted = accounts.create("ngoai", Role.VIEWER, null, "12");
        jdbc.update("update account set display_name = 'Lãnh đạo Ủy ban nhân dân tỉnh' where id = ?", inserted.id());
        mvc.perform(get("/admin/accounts").param("q", "lanh dao uy ban").with(as(admin)))
                .andExpect(content().string(containsString(inserted.getUsername())));
        mvc.perform(get("/admin/accounts").param("q", "khong ai ten vay").with(as(admin)))
                .andExpect(content().string(not(containsString(username))));
    }

    @Test
    void aCsvWithBadRowsIsPreviewedWithEveryErrorAndNothingIsSaved() throws Exception {
        CurrentUser admin = accounts.create("quantri", Role.ADMIN, null, null);
        String a = "csv.a" + System.nanoTime() % 1_000_000;
        String csv = "\uFEFFten_dang_nhap,ho_ten,vai_tro,ma_co_quan,ma_don_vi\n"
                + a + ",Nguyễn Văn A,REPORTER,UBND-XA-BINH-LU,\n"
                + a + ",Trùng tên,REPORTER,UBND-XA-BINH-LU,\n"
                + "csv.b,Trần Thị B,REPORTER,KHONG-CO,\n"
                + "csv.c,Lê Văn C,THU_KY,,12\n"
                + "Có Dấu,Ai Đó,VIEWER,,12\n";

        mvc.perform(multipart("/admin/accounts/import").file(csvFile(csv)).with(as(admin)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Có 4 dòng lỗi")))
                .andExpect(content().string(containsString("Tên đăng nhập bị trùng với một dòng khác trong tệp.")))
                .andExpect(content().string(containsString("Không có cơ quan, đơn vị nào đang hoạt động với mã này.")))
                .andExpect(content().string(containsString("Vai trò không hợp lệ.")))
                .andExpect(content().string(containsString("Tên đăng nhập dài 3–50 ký tự")))
                .andExpect(content().string(not(containsString("Xác nhận lưu"))));
        mvc.perform(post("/admin/accounts/import/confirm").with(as(admin)).with(csrf()));

        assertThat(jdbc.queryForObject("select count(*) from account where username = ?", Integer.class, a)).isZero();
    }

    @Test
    void aGoodCsvIsSavedAllTogetherWithOneTimePasswords() throws Exception {
        CurrentUser admin = accounts.create("quantri", Role.ADMIN, null, null);
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        String csv = "ten_dang_nhap,ho_ten,vai_tro,ma_co_quan,ma_don_vi\n"
                + "csv.tot1." + suffix + ",Giàng A Tốt,REPORTER,UBND-XA-MUONG-TE,\n"
                + "csv.tot2." + suffix + ",Vàng Thị Tốt,DISTRICT_REVIEWER,UBND-XA-MUONG-TE,\n";
        MvcResult preview = mvc.perform(multipart("/admin/accounts/import").file(csvFile(csv)).with(as(admin)).with(csrf()))
                .andExpect(content().string(containsString("Tất cả các dòng đều hợp lệ"))).andReturn();

        MvcResult saved = mvc.perform(post("/admin/accounts/import/confirm").with(as(admin)).with(csrf())
                        .cookie(preview.getResponse().getCookie("SESSION")))
                .andExpect(redirectedUrl("/admin/accounts/import/result")).andReturn();

        assertThat((List<?>) saved.getFlashMap().get("imported")).hasSize(2);
        assertThat(jdbc.queryForList("select role || ':' || coalesce(unit_id::text, '-') from account where username like ? order by username",
                String.class, "csv.tot%." + suffix)).hasSize(2).allSatisfy(row -> assertThat(row).doesNotEndWith("DISTRICT_REVIEWER:-"));
    }

    @Test
    void nobodyButAnAdministratorReachesAccountAdministration() throws Exception {
        for (Role role : List.of(Role.PROVINCE_REVIEWER, Role.DISTRICT_REVIEWER, Role.REPORTER, Role.VIEWER)) {
            CurrentUser user = accounts.create("khong.phai.quantri", role, role == Role.REPORTER ? "SO-TU-PHAP" : null,
                    role == Role.REPORTER ? null : (role == Role.DISTRICT_REVIEWER ? "106" : "12"));
            mvc.perform(get("/admin/accounts").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(post("/admin/accounts").with(as(user)).with(csrf()).param("username", "x.y.z"))
                    .andExpect(status().isForbidden());
        }
    }

    private static MockMultipartFile csvFile(String csv) {
        return new MockMultipartFile("file", "tai-khoan.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }
}
