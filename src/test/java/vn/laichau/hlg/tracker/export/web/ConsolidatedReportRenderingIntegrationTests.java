package vn.laichau.hlg.tracker.export.web;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.support.IntegrationTest;
import vn.laichau.hlg.tracker.support.Office;
import vn.laichau.hlg.tracker.support.TestAccounts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.laichau.hlg.tracker.export.web.ExportWebIntegrationTests.as;

/**
 * The consolidated report as a reader sees it: rendered to PDF by LibreOffice and read back page by page
 * (PDFBox). The 2024–2026 interim review of the province and of the city, whose association's name is the
 * longest of the seeded units and has a parent body.
 */
@IntegrationTest
class ConsolidatedReportRenderingIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestAccounts accounts;

    @Test
    void theProvincesInterimReviewHasTheTitleOnOneLinePageNumbersAndTheSignatureTogether() throws Exception {
        List<String> pages = render(reviewerOf("12", Role.PROVINCE_REVIEWER), "so-ket-tinh");

        String first = pages.get(0);
        assertThat(lines(first)).anySatisfy(line -> assertThat(line).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
        assertThat(lines(first)).anySatisfy(line -> assertThat(line).contains("HỘI LUẬT GIA TỈNH LAI CHÂU"));
        assertThat(first).contains("Sơ kết việc thực hiện", "giai đoạn 2024 - 2026", "trên địa bàn tỉnh Lai Châu")
                .doesNotContain("địa bàn Tỉnh Lai Châu");
        pageNumbers(pages);
        signatureTogether(pages);
    }

    @Test
    void theCitysAssociationIsIssuedUnderItsParentBodyWithoutBreakingItsName() throws Exception {
        List<String> pages = render(reviewerOf("105", Role.DISTRICT_REVIEWER), "so-ket-thanh-pho");

        List<String> first = lines(pages.get(0));
        assertThat(first).anySatisfy(line -> assertThat(line).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
        assertThat(first).anySatisfy(line -> assertThat(line).contains("HỘI LUẬT GIA TỈNH LAI CHÂU"));
        assertThat(first).anySatisfy(line -> assertThat(line).contains("THÀNH PHỐ LAI CHÂU"));
        pageNumbers(pages);
        signatureTogether(pages);
    }

    /**
     * The province's sơ kết edition, issued with its number, date and signer, downloaded and rendered: the
     * title on one line, page numbers from page 2, the six sections and the appendix, the signature block
     * together with the closing sentence.
     */
    @Test
    void theIssuedInterimEditionOfTheProvinceRendersWithEverySectionAndItsSigner() throws Exception {
        CurrentUser reviewer = accounts.create("render.ed", Role.PROVINCE_REVIEWER, "HLG-TINH", "12");
        long province = jdbc.queryForObject("select id from administrative_unit where code = '12'", Long.class);
        List<Long> issued = jdbc.queryForList("select id from edition where unit_id = ? and first_year = 2024 and last_year = 2026 "
                + "and status = 'ISSUED'", Long.class, province);
        String location = issued.isEmpty()
                ? mvc.perform(post("/editions").with(csrf()).with(as(reviewer)).param("period", "2024-2026"))
                .andReturn().getResponse().getRedirectedUrl()
                : mvc.perform(post("/editions/" + issued.get(0) + "/supersede").with(csrf()).with(as(reviewer))
                .param("reason", "Kiểm tra bản in")).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring("/editions/".length()));
        String number = "R" + (System.nanoTime() % 100_000) + "/BC-HLG";
        long version = jdbc.queryForObject("select version from edition where id = ?", Long.class, id);
        mvc.perform(post("/editions/" + id + "/issue").with(csrf()).with(as(reviewer)).param("number", number)
                        .param("issuedOn", "15/12/2026").param("signerName", "Nguyễn Thị Hoa").param("signerTitle", "CHỦ TỊCH")
                        .param("recipients", "- Hội Luật gia Việt Nam;\n- UBND tỉnh Lai Châu;\n- Lưu: VT.")
                        .param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select status from edition where id = ?", String.class, id)).isEqualTo("ISSUED");

        byte[] docx = mvc.perform(get("/editions/" + id + "/edition.docx").with(as(reviewer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        Path pdf = Office.toPdf(docx, "so-ket-ban-hanh");
        Files.copy(pdf, Path.of("target", "so-ket-ban-hanh.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> pages = pages(pdf);

        List<String> first = lines(pages.get(0));
        assertThat(first).anySatisfy(line -> assertThat(line).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
        assertThat(pages.get(0)).contains("Số: " + number, "Lai Châu, ngày 15 tháng 12 năm 2026", "Sơ kết việc thực hiện");
        String all = String.join("\n", pages);
        assertThat(all).contains("I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI", "II. KẾT QUẢ THỰC HIỆN", "III. KINH PHÍ THỰC HIỆN",
                "IV. ĐÁNH GIÁ CHUNG", "V. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", "VI. ĐỀ XUẤT, KIẾN NGHỊ", "PHỤ LỤC");
        pageNumbers(pages);
        signatureTogether(pages, "Nguyễn Thị Hoa");
    }

    /** No number on the first page; every later page starts with its own number. */
    private static void pageNumbers(List<String> pages) {
        assertThat(pages).hasSizeGreaterThan(1);
        assertThat(lines(pages.get(0)).get(0)).isNotEqualTo("1");
        for (int page = 2; page <= pages.size(); page++) {
            assertThat(lines(pages.get(page - 1)).get(0)).as("top of page %d", page).isEqualTo(String.valueOf(page));
        }
    }

    /**
     * The signer's title, the room to sign and the name are on one page, and not alone on it; the appendix
     * of who has not reported follows on a page of its own.
     */
    private static void signatureTogether(List<String> pages) {
        signatureTogether(pages, "………………………");
    }

    private static void signatureTogether(List<String> pages, String signer) {
        List<String> signed = pages.stream().filter(page -> page.contains("CHỦ TỊCH")).toList();
        assertThat(signed).singleElement().satisfies(page -> assertThat(page).contains("TM. BAN THƯỜNG VỤ",
                signer, "Nơi nhận:", "Lưu: VT.", "Trên đây là báo cáo"));
        int signature = pages.indexOf(signed.get(0));
        assertThat(pages.get(signature + 1)).contains("PHỤ LỤC");
        assertThat(pages.get(signature)).doesNotContain("PHỤ LỤC");
    }

    private List<String> render(CurrentUser user, String name) throws Exception {
        byte[] docx = mvc.perform(get("/exports/consolidated.docx").param("from", "2024").param("to", "2026").with(as(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        Path pdf = Office.toPdf(docx, name);
        // Kept for a look after the build.
        Files.copy(pdf, Path.of("target", name + ".pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return pages(pdf);
    }

    private static List<String> pages(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            List<String> pages = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
            return pages;
        }
    }

    private static List<String> lines(String page) {
        return page.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private CurrentUser reviewerOf(String unitCode, Role role) {
        long unit = jdbc.queryForObject("select id from administrative_unit where code = ?", Long.class, unitCode);
        return new CurrentUser(-980, "render." + unitCode, null, "Render " + unitCode, role, null, unit,
                true, false, false, false);
    }
}
