package vn.laichau.hlg.tracker.export.web;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.laichau.hlg.tracker.dashboard.DashboardFixture;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.support.IntegrationTest;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The downloads, opened and read back as Excel, a CSV reader and Word would. */
@IntegrationTest
class ExportWebIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    DashboardFixture fx;

    @BeforeEach
    void fixture() {
        fx = DashboardFixture.ensure(jdbc);
    }

    @Test
    void theWorkbookHasTheDashboardTablesAndEveryReportOfTheYearWithVietnameseHeadingsAndFormats() throws Exception {
        byte[] body = mvc.perform(get("/exports/dashboard.xlsx").param("year", "2038").with(as(fx.provinceReviewer())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", ExportController.XLSX))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("bang-theo-doi-2038.xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            List<String> names = new ArrayList<>();
            workbook.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).containsExactly("Tổng hợp", "Theo địa bàn", "Theo loại cơ quan", "Chỉ tiêu qua các năm",
                    "Chỉ tiêu theo địa bàn", "Chỉ tiêu Đề án 129", "Kinh phí", "Tiến độ 2024 - 2030", "Báo cáo");
            DataFormatter formatter = new DataFormatter();
            Sheet summary = workbook.getSheet("Tổng hợp");
            Row header = summary.getRow(4);
            assertThat(text(formatter, header)).startsWith("Nhiệm vụ|Phải báo cáo|Đã nộp|Đã duyệt|Nộp đúng hạn|Nộp trễ hạn|Quá hạn, chưa nộp");
            assertThat(text(formatter, summary.getRow(5))).isEqualTo("Tất cả nhiệm vụ|7|4|3|3|1|3");
            assertThat(summary.getRow(1).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
            assertThat(summary.getRow(1).getCell(1).getLocalDateTimeCellValue().toLocalDate()).hasToString("2026-01-31");

            // A stock counts each agency once a year (A0 repeats 10 in two tasks, A3 says 5), and the
            // participation target takes both numbers from the agencies that gave both.
            Sheet indicators = workbook.getSheet("Chỉ tiêu qua các năm");
            int last = indicators.getRow(0).getLastCellNum() - 1;
            assertThat(formatter.formatCellValue(indicators.getRow(0).getCell(last))).isEqualTo("2038");
            Row staff = java.util.stream.IntStream.rangeClosed(1, indicators.getLastRowNum()).mapToObj(indicators::getRow)
                    .filter(r -> r.getCell(0).getStringCellValue().equals("Tổng số cán bộ (kiểm thử)")).findFirst().orElseThrow();
            assertThat(staff.getCell(last).getNumericCellValue()).isEqualTo(15d);
            Sheet targets = workbook.getSheet("Chỉ tiêu Đề án 129");
            assertThat(java.util.stream.IntStream.rangeClosed(1, targets.getLastRowNum())
                    .mapToObj(i -> text(formatter, targets.getRow(i))))
                    .contains("Cán bộ tham gia (kiểm thử)|người|9|10|90|Đạt 50% - 100%|1|3".replace("Đạt 50% - 100%", "Từ 50% đến 100%"));

            Sheet budget = workbook.getSheet("Kinh phí");
            Row total = budget.getRow(budget.getLastRowNum());
            assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(16_000_000d);
            assertThat(total.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            // By source (hand-worked): state 16 and 13,5 million, other lawful sources 3 and 2,5, in all 19 and 16.
            assertThat(text(formatter, budget.getRow(0))).isEqualTo("Nhiệm vụ|Ngân sách nhà nước dự kiến (đồng)"
                    + "|Ngân sách nhà nước đã chi (đồng)|Nguồn hợp pháp khác dự kiến (đồng)|Nguồn hợp pháp khác đã chi (đồng)"
                    + "|Kinh phí dự kiến (đồng)|Kinh phí đã chi (đồng)");
            assertThat(java.util.stream.IntStream.rangeClosed(1, 6).mapToObj(i -> total.getCell(i).getNumericCellValue()))
                    .containsExactly(16_000_000d, 13_500_000d, 3_000_000d, 2_500_000d, 19_000_000d, 16_000_000d);

            Sheet reports = workbook.getSheet("Báo cáo");
            assertThat(reports.getLastRowNum()).isEqualTo(7);   // a heading and the seven obligations
            assertThat(formatter.formatCellValue(reports.getRow(0).getCell(1))).isEqualTo("Cơ quan, đơn vị");
            String all = java.util.stream.IntStream.rangeClosed(1, 7).mapToObj(i -> text(formatter, reports.getRow(i)))
                    .collect(Collectors.joining("\n"));
            assertThat(all).contains("UBND huyện Hai", "Chưa có báo cáo", "Đang soạn, chưa nộp", "Nộp trễ hạn",
                    "Biên soạn bộ tài liệu khung về kỹ năng PBGDPL.",
                    "|Kế hoạch số 12/KH-HLG ngày 15/01/2038 triển khai Đề án 129.|");
            // A draft's or a returned report's text is not the reviewer's to publish.
            assertThat(all).doesNotContain("Nháp: không được tính.", "Bị trả lại: không được tính.");
        }
    }

    @Test
    void theCsvStartsWithAByteOrderMarkAndADistrictReviewerGetsOnlyItsDistrict() throws Exception {
        byte[] body = mvc.perform(get("/exports/reports.csv").param("year", "2038").with(as(fx.districtReviewer())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(body[0]).isEqualTo((byte) 0xEF);
        assertThat(body[1]).isEqualTo((byte) 0xBB);
        assertThat(body[2]).isEqualTo((byte) 0xBF);
        String csv = new String(body, StandardCharsets.UTF_8);
        assertThat(csv.lines().count()).isEqualTo(4);   // a heading and A1's two and A2's one obligation
        // Semicolons, as Excel in Vietnamese regional settings splits; the comma in a heading needs no quotes.
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("\uFEFFMã cơ quan;Cơ quan, đơn vị;")
                .doesNotContain("\"");
        assertThat(csv.lines().skip(1)).allSatisfy(line -> assertThat(line.split(";", -1).length)
                .as(line).isGreaterThanOrEqualTo(csv.lines().findFirst().orElseThrow().split(";", -1).length));
        assertThat(csv).contains("UBND huyện Một", "Hội Luật gia huyện Một", "30/01/2026", "2000000");
        assertThat(csv).doesNotContain("UBND huyện Hai", "Hội Luật gia Tỉnh Kiểm Thử");
        // The district's submitted report, with both sources and its documents.
        assertThat(csv).contains("Ngân sách nhà nước dự kiến (đồng);Ngân sách nhà nước đã chi (đồng);"
                        + "Nguồn hợp pháp khác dự kiến (đồng);Nguồn hợp pháp khác đã chi (đồng);Văn bản đã ban hành",
                ";2000000;1000000;1000000;0;Chỉ thị số 9 chưa được duyệt.;");
    }

    @Test
    void cellsThatASpreadsheetWouldTakeForAFormulaAreWrittenAsTextInTheCsvAndTheWorkbook() throws Exception {
        List<String> hostile = List.of("=HYPERLINK(\"http://x.example\",\"bấm\")", "+1+2", "-3+4", "@SUM(A1)",
                "\t=1+1", "\r=1+1");
        String[] before = jdbc.queryForObject("select results || chr(31) || difficulties from progress_report where id = ?",
                String.class, fx.approvedReport).split("\u001f", -1);
        try {
            jdbc.update("update progress_report set results = ?, difficulties = ?, proposals = ? where id = ?",
                    hostile.get(0), hostile.get(1) + " " + hostile.get(2), hostile.get(3), fx.approvedReport);
            jdbc.update("update agency set name = ? where id = ?", hostile.get(4), fx.a3);
            byte[] csv = mvc.perform(get("/exports/reports.csv").param("year", "2038").with(as(fx.provinceReviewer())))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            List<String> cells = new ArrayList<>();
            try (var parser = org.apache.commons.csv.CSVFormat.EXCEL.builder().setDelimiter(';').get().parse(new java.io.InputStreamReader(
                    new ByteArrayInputStream(csv, 3, csv.length - 3), StandardCharsets.UTF_8))) {
                parser.forEach(record -> record.forEach(cells::add));
            }
            assertThat(cells).contains("'" + hostile.get(0), "'" + hostile.get(1) + " " + hostile.get(2),
                    "'" + hostile.get(3), "'" + hostile.get(4));
            assertThat(cells).as("no cell begins with a formula character")
                    .noneMatch(cell -> !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0);

            byte[] xlsx = mvc.perform(get("/exports/dashboard.xlsx").param("year", "2038").with(as(fx.provinceReviewer())))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                List<org.apache.poi.ss.usermodel.Cell> found = new ArrayList<>();
                workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> {
                    assertThat(cell.getCellType()).as("cell %s of %s", cell.getAddress(), sheet.getSheetName())
                            .isNotEqualTo(org.apache.poi.ss.usermodel.CellType.FORMULA);
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            && hostile.contains(cell.getStringCellValue())) {
                        found.add(cell);
                    }
                })));
                assertThat(found).extracting(org.apache.poi.ss.usermodel.Cell::getStringCellValue)
                        .contains(hostile.get(0), hostile.get(3), hostile.get(4));
            }
        } finally {
            jdbc.update("update progress_report set results = ?, difficulties = ?, proposals = null where id = ?",
                    before[0], before[1], fx.approvedReport);
            jdbc.update("update agency set name = 'UBND huyện Hai' where id = ?", fx.a3);
        }
    }

    @Test
    void aViewersExportsHoldApprovedReportsOnly() throws Exception {
        byte[] csv = mvc.perform(get("/exports/reports.csv").param("year", "2038").with(as(fx.viewer())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = new ArrayList<>();
        try (var parser = org.apache.commons.csv.CSVFormat.EXCEL.builder().setDelimiter(';').get().parse(new java.io.InputStreamReader(
                new ByteArrayInputStream(csv, 3, csv.length - 3), StandardCharsets.UTF_8))) {
            parser.forEach(record -> rows.add(record.toList()));
        }
        assertThat(rows).hasSize(8);   // a heading and the seven obligations
        List<String> heading = rows.get(0);
        int status = heading.indexOf("Tình trạng báo cáo");
        assertThat(status).isPositive();
        List<List<String>> lines = rows.subList(1, rows.size());
        assertThat(lines).extracting(row -> row.get(status)).containsOnly("Đã duyệt", "Chưa có báo cáo được duyệt")
                .contains("Đã duyệt");
        for (List<String> line : lines) {
            if (!line.get(status).equals("Đã duyệt")) {
                assertThat(line.subList(status + 1, line.size())).as("%s", line).allMatch(String::isEmpty);
            }
        }
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("Đã nộp, chờ duyệt", "Đang soạn", "Bị trả lại", "2000000");

        byte[] xlsx = mvc.perform(get("/exports/dashboard.xlsx").param("year", "2038").with(as(fx.viewer())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter formatter = new DataFormatter();
            Sheet reports = workbook.getSheet("Báo cáo");
            String all = java.util.stream.IntStream.rangeClosed(1, reports.getLastRowNum())
                    .mapToObj(i -> text(formatter, reports.getRow(i))).collect(Collectors.joining("\n"));
            assertThat(all).contains("Đã duyệt", "Chưa có báo cáo được duyệt")
                    .doesNotContain("Đã nộp, chờ duyệt", "Đang soạn", "Bị trả lại", "2.000.000", "2000000");
        }
    }

    @Test
    void theConsolidatedReportIsLaidOutPerDecree30AndCompiledFromApprovedReportsOnly() throws Exception {
        byte[] body = mvc.perform(get("/exports/consolidated.docx").param("year", "2038").with(as(fx.provinceReviewer())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", ExportController.DOCX))
                .andReturn().getResponse().getContentAsByteArray();
        // Kept for a look in Word or LibreOffice after the build.
        java.nio.file.Files.write(java.nio.file.Path.of("target", "consolidated-sample.docx"), body);
        try (var doc = new XWPFDocument(new ByteArrayInputStream(body))) {
            var section = doc.getDocument().getBody().getSectPr();
            assertThat(section.getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906));
            assertThat(section.getPgSz().getH()).isEqualTo(BigInteger.valueOf(16838));
            assertThat(millimetres(section.getPgMar().getTop())).isBetween(20.0, 25.0);
            assertThat(millimetres(section.getPgMar().getBottom())).isBetween(20.0, 25.0);
            assertThat(millimetres(section.getPgMar().getLeft())).isBetween(30.0, 35.0);
            assertThat(millimetres(section.getPgMar().getRight())).isBetween(15.0, 20.0);

            List<XWPFRun> runs = new ArrayList<>();
            doc.getParagraphs().forEach(p -> runs.addAll(p.getRuns()));
            doc.getTables().forEach(t -> t.getRows().forEach(r -> r.getTableCells().forEach(c ->
                    c.getParagraphs().forEach(p -> runs.addAll(p.getRuns())))));
            assertThat(runs).allSatisfy(run -> assertThat(run.getFontFamily()).isEqualTo("Times New Roman"));

            XWPFTable header = doc.getTables().get(0);
            assertThat(header.getRow(0).getCell(0).getText()).contains("HỘI LUẬT GIA TỈNH LAI CHÂU", "Số: …/BC-HLG");
            assertThat(header.getRow(0).getCell(1).getText()).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    "Độc lập - Tự do - Hạnh phúc", "Lai Châu, ngày … tháng … năm");

            List<XWPFParagraph> paragraphs = doc.getParagraphs();
            XWPFParagraph title = paragraphs.stream().filter(p -> p.getText().equals("BÁO CÁO")).findFirst().orElseThrow();
            assertThat(title.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            String text = paragraphs.stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(text).contains("năm 2038 trên địa bàn tỉnh Kiểm Thử", "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI",
                    "II. KẾT QUẢ THỰC HIỆN", "III. KINH PHÍ THỰC HIỆN", "IV. ĐÁNH GIÁ CHUNG",
                    "V. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", "VI. ĐỀ XUẤT, KIẾN NGHỊ", "PHỤ LỤC",
                    "- Biên soạn bộ tài liệu khung về kỹ năng PBGDPL (Hội Luật gia Tỉnh Kiểm Thử).",
                    "- Phối hợp duy trì Trung tâm pháp luật cộng đồng xã (UBND huyện Hai).",
                    "- Thiếu kinh phí in ấn tài liệu (Hội Luật gia Tỉnh Kiểm Thử; nhiệm vụ 4.1).",
                    "- Đề nghị bổ sung biên chế cho Hội (Hội Luật gia Tỉnh Kiểm Thử; nhiệm vụ 5).",
                    // Budget of the approved reports: state 10 + 5 + 1 million planned, 8,5 + 5 spent; other 3 and 2,5.
                    "Tổng kinh phí dự kiến: 19.000.000 đồng; đã chi: 16.000.000 đồng (theo 3 báo cáo",
                    "- Ngân sách nhà nước: dự kiến 16.000.000 đồng; đã chi 13.500.000 đồng;",
                    "- Các nguồn hợp pháp khác: dự kiến 3.000.000 đồng; đã chi 2.500.000 đồng.",
                    // Section I: the documents issued, once each, with who issued them.
                    "- Kế hoạch số 12/KH-HLG ngày 15/01/2038 triển khai Đề án 129 (Hội Luật gia Tỉnh Kiểm Thử).",
                    "- Công văn số 5/HLG ngày 02/3/2038 hướng dẫn các chi hội (Hội Luật gia Tỉnh Kiểm Thử).",
                    // 7 owed, 3 approved, 4 in the appendix; a task nobody owes in 2038 says it does not run.
                    "Các cơ quan, đơn vị phải gửi 7 báo cáo; 3 báo cáo đã được thẩm định, phê duyệt",
                    "Theo Kế hoạch, nhiệm vụ này không thực hiện trong năm 2038");
            // Submitted, draft and returned reports are not compiled.
            assertThat(text).doesNotContain("Ban hành văn bản chỉ đạo.", "Địa bàn rộng", "Nháp: không được tính.",
                    "Chỉ thị số 9");
            assertThat(text.split("Kế hoạch số 12/KH-HLG", -1)).as("one plan, stated twice, listed once").hasSize(2);

            XWPFParagraph body1 = paragraphs.stream().filter(p -> p.getText().startsWith("- Biên soạn bộ tài liệu khung"))
                    .findFirst().orElseThrow();
            assertThat(body1.getAlignment()).isEqualTo(ParagraphAlignment.BOTH);
            assertThat(body1.getIndentationFirstLine()).isBetween(567, 720);
            assertThat(body1.getRuns().get(0).getFontSizeAsDouble()).isBetween(13.0, 14.0);

            // Indicator totals in a table beside the prose: 12 + 5 sessions on tasks 4.1 and 5 are per task.
            assertThat(doc.getTables()).anySatisfy(t -> assertThat(t.getText()).contains("Số cuộc PBGDPL (kiểm thử)", "12"));

            XWPFTable signature = signatureTable(doc);
            assertThat(signature.getRow(0).getCell(0).getText()).contains("Nơi nhận:", "Lưu: VT.");

            // The appendix lists who has not reported, each agency once, with the tasks it owes.
            XWPFTable appendix = doc.getTables().get(doc.getTables().size() - 1);
            assertThat(appendix.getRows().stream().skip(1).map(r -> r.getCell(1).getText() + "|" + r.getCell(2).getText()))
                    .containsExactly("UBND huyện Hai|1", "Hội Luật gia huyện Một|5", "UBND huyện Một|1; 5");
            assertThat(signature.getRow(0).getCell(1).getText()).contains("CHỦ TỊCH");
            // The signature block never splits; the closing sentence keeps with it.
            assertThat(signature.getRow(0).isCantSplitRow()).isTrue();
            XWPFParagraph closing = paragraphs.stream().filter(p -> p.getText().startsWith("Trên đây là báo cáo"))
                    .findFirst().orElseThrow();
            assertThat(closing.getCTPPr().isSetKeepNext()).isTrue();

            // Page numbers from page 2: a first page header of its own, a PAGE field in the others'.
            assertThat(section.isSetTitlePg()).isTrue();
            var policy = doc.getHeaderFooterPolicy();
            assertThat(policy.getFirstPageHeader().getText()).isBlank();
            assertThat(policy.getDefaultHeader().getParagraphs().get(0).getCTP().getFldSimpleArray(0).getInstr())
                    .isEqualTo("PAGE");

            // Indicator tables: the heading row repeats on every page, rows do not split, the name column is wide.
            XWPFTable indicators = doc.getTables().stream().filter(t -> t.getText().contains("Số cuộc PBGDPL (kiểm thử)"))
                    .findFirst().orElseThrow();
            assertThat(indicators.getRow(0).isRepeatHeader()).isTrue();
            assertThat(indicators.getRow(1).isCantSplitRow()).isTrue();
            assertThat(millimetres(indicators.getCTTbl().getTblGrid().getGridColArray(0).getW())).isGreaterThan(60.0);

            // The header table is wide enough for the national title on one line at 12 pt.
            assertThat(millimetres(header.getCTTbl().getTblGrid().getGridColArray(1).getW())).isGreaterThan(95.0);
        }
    }

    @Test
    void theProvinceReportIsIssuedByTheProvincialAssociation() throws Exception {
        try (var doc = consolidated(fx.provinceReviewer())) {
            String text = paragraphs(doc);
            assertThat(issuerCell(doc)).isEqualTo("HỘI LUẬT GIA TỈNH LAI CHÂU");
            assertThat(parentCell(doc)).isNull();
            assertThat(doc.getTables().get(0).getRow(0).getCell(1).getText()).contains("Lai Châu, ngày … tháng … năm");
            // The plan is cited by number and date (placeholders until the administrator sets them).
            assertThat(text).contains("Thực hiện Kế hoạch số …/KH-UBND ngày …/…/2024 của Ủy ban nhân dân tỉnh Lai Châu");
            assertThat(text).contains("của các cơ quan, đơn vị, Hội Luật gia tỉnh Lai Châu báo cáo kết quả thực hiện năm 2038"
                            + " trên địa bàn tỉnh Kiểm Thử như sau:",
                    "Trên đây là báo cáo kết quả thực hiện Đề án 129 năm 2038 của Hội Luật gia tỉnh Lai Châu./.");
            assertThat(recipients(doc)).containsExactly("Nơi nhận:", "- Hội Luật gia Việt Nam;", "- UBND tỉnh Lai Châu;",
                    "- Sở Tư pháp tỉnh Lai Châu;", "- Lưu: VT.");
        }
    }

    @Test
    void theOpeningCitesThePlansNumberAndDateOnceTheAdministratorHasRecordedThem() throws Exception {
        jdbc.update("update plan set document_number = '125/KH-UBND', issued_on = date '2024-04-18'");
        try (var doc = consolidated(fx.provinceReviewer())) {
            assertThat(paragraphs(doc)).contains("Thực hiện Kế hoạch số 125/KH-UBND ngày 18/04/2024 của Ủy ban nhân dân tỉnh Lai Châu")
                    .doesNotContain("…/KH-UBND");
        } finally {
            jdbc.update("update plan set document_number = null, issued_on = null");
        }
    }

    @Test
    void aDistrictReviewersReportIsIssuedByTheDistrictAssociationAndSentToTheProvince() throws Exception {
        try (var doc = consolidated(fx.districtReviewer())) {
            String text = paragraphs(doc);
            assertThat(issuerCell(doc)).isEqualTo("HỘI LUẬT GIA HUYỆN MỘT");
            assertThat(doc.getTables().get(0).getRow(0).getCell(1).getText()).contains("Một, ngày … tháng … năm")
                    .doesNotContain("Lai Châu");
            assertThat(text).contains("của các cơ quan, đơn vị, Hội Luật gia huyện Một báo cáo kết quả thực hiện năm 2038"
                            + " trên địa bàn huyện Một như sau:",
                    "Trên đây là báo cáo kết quả thực hiện Đề án 129 năm 2038 của Hội Luật gia huyện Một./.");
            assertThat(text).doesNotContain("Hội Luật gia tỉnh Lai Châu", "Tỉnh Kiểm Thử");
            assertThat(recipients(doc)).containsExactly("Nơi nhận:", "- Hội Luật gia tỉnh Lai Châu;", "- UBND huyện Một;",
                    "- Lưu: VT.");
            assertThat(parentCell(doc)).isEqualTo("HỘI LUẬT GIA TỈNH LAI CHÂU");
        }
    }

    @Test
    void theSeededDistrictsAndTheCityNameTheirOwnAssociations() throws Exception {
        try (var doc = consolidated(districtReviewerOf("106"))) {
            assertThat(issuerCell(doc)).isEqualTo("HỘI LUẬT GIA HUYỆN TAM ĐƯỜNG");
            assertThat(doc.getTables().get(0).getRow(0).getCell(1).getText()).contains("Tam Đường, ngày … tháng … năm");
            assertThat(paragraphs(doc)).contains("Hội Luật gia huyện Tam Đường báo cáo kết quả thực hiện năm 2038",
                    "năm 2038 của Hội Luật gia huyện Tam Đường./.");
            assertThat(recipients(doc)).contains("- Hội Luật gia tỉnh Lai Châu;", "- UBND huyện Tam Đường;", "- Lưu: VT.");
            assertThat(parentCell(doc)).isEqualTo("HỘI LUẬT GIA TỈNH LAI CHÂU");
        }
        try (var doc = consolidated(districtReviewerOf("105"))) {
            assertThat(issuerCell(doc)).isEqualTo("HỘI LUẬT GIA THÀNH PHỐ LAI CHÂU");
            assertThat(doc.getTables().get(0).getRow(0).getCell(1).getText()).contains("Lai Châu, ngày … tháng … năm")
                    .doesNotContain("Thành phố");
            assertThat(paragraphs(doc)).contains("Hội Luật gia thành phố Lai Châu báo cáo kết quả thực hiện năm 2038",
                    "năm 2038 của Hội Luật gia thành phố Lai Châu./.");
            assertThat(recipients(doc)).contains("- Hội Luật gia tỉnh Lai Châu;", "- UBND thành phố Lai Châu;", "- Lưu: VT.");
            assertThat(parentCell(doc)).isEqualTo("HỘI LUẬT GIA TỈNH LAI CHÂU");
            // Too long for one line: broken after "HỘI LUẬT GIA", never inside the unit's name.
            assertThat(issuerLines(doc)).containsExactly("HỘI LUẬT GIA", "THÀNH PHỐ LAI CHÂU");
        }
    }

    @Test
    void aRangeGivesTheInterimReview() throws Exception {
        byte[] body = mvc.perform(get("/exports/consolidated.docx").param("from", "2037").param("to", "2038")
                        .with(as(fx.provinceReviewer())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var doc = new XWPFDocument(new ByteArrayInputStream(body))) {
            String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(text).contains("giai đoạn 2037 - 2038", "- Năm trước (Hội Luật gia Tỉnh Kiểm Thử; năm 2037).");
            assertThat(doc.getTables()).anySatisfy(t -> assertThat(t.getText()).contains("Cả giai đoạn"));
        }
    }

    @Test
    void overThreeYearsAStockIsTheLastYearsValueAndActivitiesAddUp() throws Exception {
        byte[] body = mvc.perform(get("/exports/consolidated.docx").param("from", "2035").param("to", "2038")
                        .with(as(fx.provinceReviewer())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var doc = new XWPFDocument(new ByteArrayInputStream(body))) {
            // Task 4.1, by A0 alone: members 6, 8, 10 → 10 over the period (never 24); sessions 4 + 12 = 16.
            XWPFTable table = doc.getTables().stream()
                    .filter(t -> t.getText().contains("Tổng số cán bộ (kiểm thử)") && t.getText().contains("Số cuộc PBGDPL"))
                    .findFirst().orElseThrow();
            assertThat(rowText(table, "Tổng số cán bộ (kiểm thử)")).isEqualTo("Tổng số cán bộ (kiểm thử)|người|6||8|10|10");
            assertThat(rowText(table, "Số cuộc PBGDPL (kiểm thử)")).isEqualTo("Số cuộc PBGDPL (kiểm thử)|cuộc|||4|12|16");
            // The targets of the last year, numerator and denominator from the same agencies, with coverage.
            assertThat(paragraphs(doc)).contains(
                    "- Cán bộ tham gia (kiểm thử): 9/10 người; tỷ lệ 90% (mục tiêu của Đề án: từ 50% đến 100%): đạt mục tiêu; "
                            + "từ 1/3 cơ quan, đơn vị đã báo cáo đủ cả hai số.",
                    // The same difficulty in 2035 and 2038, differently spaced and cased: one item naming both years.
                    "- Thiếu kinh phí in ấn tài liệu (Hội Luật gia Tỉnh Kiểm Thử; năm 2035, 2038; nhiệm vụ 4.1).");
            assertThat(paragraphs(doc)).doesNotContain("thiếu kinh phí in ấn  tài liệu");
        }
    }

    private static String rowText(XWPFTable table, String first) {
        return table.getRows().stream().filter(r -> r.getCell(0).getText().equals(first)).findFirst().orElseThrow()
                .getTableCells().stream().map(c -> c.getText()).collect(Collectors.joining("|"));
    }

    @Test
    void aTaskThatDoesNotRunInTheYearSaysSoInsteadOfMissingReports() throws Exception {
        long province = jdbc.queryForObject("select id from administrative_unit where code = '12'", Long.class);
        CurrentUser reviewer = new CurrentUser(-971, "docx.12", null, "Docx 12", Role.PROVINCE_REVIEWER, null, province,
                true, false, false, false);
        byte[] body = mvc.perform(get("/exports/consolidated.docx").param("year", "2025").with(as(reviewer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var doc = new XWPFDocument(new ByteArrayInputStream(body))) {
            List<String> lines = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            int task = lines.indexOf(lines.stream().filter(l -> l.startsWith("11.1. ")).findFirst().orElseThrow());
            assertThat(lines.get(task + 1)).startsWith("Theo Kế hoạch, nhiệm vụ này không thực hiện trong năm 2025");
        }
    }

    @Test
    void exportsRespectScopeAndRefuseReporters() throws Exception {
        mvc.perform(get("/exports/dashboard.xlsx").param("year", "2038").with(as(fx.reporter())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/exports/consolidated.docx").param("year", "2038").with(as(fx.reporter())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/exports/consolidated.docx").param("year", "2038").param("unit", String.valueOf(fx.district2))
                        .with(as(fx.districtReviewer())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/exports/reports.csv").param("year", "2038").param("unit", String.valueOf(fx.province))
                        .with(as(fx.districtReviewer())))
                .andExpect(status().isNotFound());
    }

    /** A reviewer of one of the seeded units (no account is stored: the export reads only the scope). */
    private CurrentUser districtReviewerOf(String unitCode) {
        long unit = jdbc.queryForObject("select id from administrative_unit where code = ?", Long.class, unitCode);
        return new CurrentUser(-970, "docx." + unitCode, null, "Docx " + unitCode, Role.DISTRICT_REVIEWER, null, unit,
                true, false, false, false);
    }

    private XWPFDocument consolidated(CurrentUser user) throws Exception {
        byte[] body = mvc.perform(get("/exports/consolidated.docx").param("year", "2038").with(as(user)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        return new XWPFDocument(new ByteArrayInputStream(body));
    }

    /** The issuing body: the bold lines above the number, left of the national motto, as one line. */
    private static String issuerCell(XWPFDocument doc) {
        return String.join(" ", issuerLines(doc));
    }

    private static List<String> issuerLines(XWPFDocument doc) {
        return doc.getTables().get(0).getRow(0).getCell(0).getParagraphs().stream()
                .filter(p -> !p.getRuns().isEmpty() && p.getRuns().get(0).isBold()).map(XWPFParagraph::getText).toList();
    }

    /** The body above the issuer (Decree 30/2020's "cơ quan chủ quản"), not bold; null where there is none. */
    private static String parentCell(XWPFDocument doc) {
        XWPFParagraph first = doc.getTables().get(0).getRow(0).getCell(0).getParagraphs().get(0);
        return first.getRuns().get(0).isBold() ? null : first.getText();
    }

    private static XWPFTable signatureTable(XWPFDocument doc) {
        return doc.getTables().stream().filter(t -> t.getText().contains("Nơi nhận:")).findFirst().orElseThrow();
    }

    private static List<String> recipients(XWPFDocument doc) {
        XWPFTable signature = signatureTable(doc);
        return signature.getRow(0).getCell(0).getParagraphs().stream().map(XWPFParagraph::getText).toList();
    }

    private static String paragraphs(XWPFDocument doc) {
        return doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
    }

    /** Every paragraph and every table cell. */
    private static String everything(XWPFDocument doc) {
        return paragraphs(doc) + "\n" + doc.getTables().stream().map(XWPFTable::getText).collect(Collectors.joining("\n"));
    }

    private static double millimetres(Object twips) {
        return new java.math.BigDecimal(twips.toString()).doubleValue() * 25.4 / 1440;
    }

    private static String text(DataFormatter formatter, Row row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            cells.add(row.getCell(i) == null ? "" : formatter.formatCellValue(row.getCell(i)));
        }
        return String.join("|", cells);
    }

    static RequestPostProcessor as(CurrentUser user) {
        return authentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }
}
