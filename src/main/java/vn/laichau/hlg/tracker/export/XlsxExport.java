package vn.laichau.hlg.tracker.export;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.laichau.hlg.tracker.dashboard.Dashboard;
import vn.laichau.hlg.tracker.dashboard.Dashboard.CountRow;
import vn.laichau.hlg.tracker.dashboard.Dashboard.Counts;
import vn.laichau.hlg.tracker.export.ExportQueries.ReportLine;
import vn.laichau.hlg.tracker.shared.VietnamTime;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The dashboard's tables and every report of the year, a sheet each, with Vietnamese headings, whole
 * numbers with thousands separators and dates as dd/mm/yyyy. Rows are streamed to disk, so a national
 * year fits in little memory.
 */
final class XlsxExport {

    private final Texts texts;
    private SXSSFWorkbook workbook;
    private CellStyle header;
    private CellStyle title;
    private CellStyle integer;
    private CellStyle decimal;
    private CellStyle date;
    private CellStyle wrap;

    XlsxExport(Texts texts) {
        this.texts = texts;
    }

    void write(Dashboard d, Consumer<Consumer<ReportLine>> reportLines, OutputStream out) throws IOException {
        workbook = new SXSSFWorkbook(200);
        try {
            styles();
            summary(d);
            counts(d.byUnit(), "export.xlsx.sheet.byUnit", "dashboard.col.unit");
            counts(d.byKind(), "export.xlsx.sheet.byKind", "dashboard.col.kind");
            indicators(d);
            indicatorsByUnit(d);
            participation(d);
            budget(d);
            grid(d);
            reports(reportLines);
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }

    private void styles() {
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setWrapText(true);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        title = workbook.createCellStyle();
        title.setFont(big);
        var format = workbook.createDataFormat();
        integer = workbook.createCellStyle();
        integer.setDataFormat(format.getFormat("#,##0"));
        decimal = workbook.createCellStyle();
        decimal.setDataFormat(format.getFormat("#,##0.##"));
        date = workbook.createCellStyle();
        date.setDataFormat(format.getFormat("dd/mm/yyyy"));
        wrap = workbook.createCellStyle();
        wrap.setWrapText(true);
    }

    private Sheet sheet(String key) {
        return workbook.createSheet(WorkbookUtil.createSafeSheetName(texts.get(key)));
    }

    private void summary(Dashboard d) {
        Sheet sheet = sheet("export.xlsx.sheet.summary");
        int r = 0;
        text(sheet.createRow(r++), 0, texts.get("dashboard.heading", d.root().name(), d.year()), title);
        Row due = sheet.createRow(r++);
        text(due, 0, texts.get("export.xlsx.dueOn"), null);
        dateCell(due, 1, d.dueOn());
        text(sheet.createRow(r++), 0, texts.get(d.includeSubmitted() ? "dashboard.includingSubmitted" : "dashboard.approvedOnly"), null);
        r++;
        headerRow(sheet.createRow(r++), texts.get("dashboard.col.task"), countHeadings());
        countRow(sheet.createRow(r++), texts.get("export.xlsx.overall"), d.overall());
        for (var group : d.groups()) {
            if (group.tasks().size() > 1) {
                countRow(sheet.createRow(r++), group.code() + ". " + group.title(), group.counts());
            }
            for (var task : group.tasks()) {
                countRow(sheet.createRow(r++), task.task().code() + ". " + task.task().title(), task.counts());
            }
        }
        widths(sheet, 70, 14, 14, 14, 14, 14, 14);
    }

    private void counts(List<CountRow> rows, String sheetKey, String firstHeading) {
        Sheet sheet = sheet(sheetKey);
        headerRow(sheet.createRow(0), texts.get(firstHeading), countHeadings());
        int r = 1;
        for (CountRow row : rows) {
            countRow(sheet.createRow(r++), row.label(), row.counts());
        }
        widths(sheet, 45, 14, 14, 14, 14, 14, 14);
    }

    private List<String> countHeadings() {
        return List.of(texts.get("dashboard.count.owed"), texts.get("dashboard.count.submitted"),
                texts.get("dashboard.count.approved"), texts.get("dashboard.count.onTime"),
                texts.get("dashboard.count.late"), texts.get("dashboard.count.overdue"));
    }

    private void countRow(Row row, String label, Counts c) {
        text(row, 0, label, wrap);
        long[] values = {c.owed(), c.submitted(), c.approved(), c.onTime(), c.late(), c.overdue()};
        for (int i = 0; i < values.length; i++) {
            numberCell(row, i + 1, BigDecimal.valueOf(values[i]), integer);
        }
    }

    private void indicators(Dashboard d) {
        Sheet sheet = sheet("export.xlsx.sheet.indicators");
        List<String> headings = new ArrayList<>(List.of(texts.get("dashboard.col.indicatorUnit")));
        d.indicators().years().forEach(y -> headings.add(String.valueOf(y)));
        headerRow(sheet.createRow(0), texts.get("dashboard.col.indicator"), headings);
        int r = 1;
        for (var indicator : d.indicators().rows()) {
            Row row = sheet.createRow(r++);
            text(row, 0, indicator.name(), wrap);
            text(row, 1, indicator.unit(), null);
            for (int i = 0; i < indicator.byYear().size(); i++) {
                numberCell(row, i + 2, indicator.byYear().get(i), decimal);
            }
        }
        widths(sheet, 50, 14, 12, 12, 12, 12, 12, 12, 12, 12);
    }

    private void indicatorsByUnit(Dashboard d) {
        Sheet sheet = sheet("export.xlsx.sheet.indicatorsByUnit");
        List<String> headings = new ArrayList<>(List.of(texts.get("dashboard.col.indicatorUnit")));
        d.units().forEach(u -> headings.add(u.name()));
        headerRow(sheet.createRow(0), texts.get("dashboard.col.indicator"), headings);
        int r = 1;
        for (var indicator : d.indicators().rows()) {
            Row row = sheet.createRow(r++);
            text(row, 0, indicator.name(), wrap);
            text(row, 1, indicator.unit(), null);
            for (int i = 0; i < indicator.byUnit().size(); i++) {
                numberCell(row, i + 2, indicator.byUnit().get(i), decimal);
            }
        }
        sheet.setColumnWidth(0, 50 * 256);
    }

    /** Đề án 129's targets: both numbers from the same agencies, and how many of the expected ones gave both. */
    private void participation(Dashboard d) {
        Sheet sheet = sheet("export.xlsx.sheet.participation");
        headerRow(sheet.createRow(0), texts.get("dashboard.col.indicator"), List.of(texts.get("dashboard.col.indicatorUnit"),
                texts.get("dashboard.col.reported"), texts.get("export.xlsx.total"), texts.get("dashboard.col.rate"),
                texts.get("dashboard.col.target"), texts.get("export.col.agenciesBoth"), texts.get("export.col.agenciesExpected")));
        int r = 1;
        for (var p : d.participation()) {
            Row row = sheet.createRow(r++);
            text(row, 0, p.indicatorName(), wrap);
            text(row, 1, p.unit(), null);
            numberCell(row, 2, p.reported(), decimal);
            numberCell(row, 3, p.total(), decimal);
            numberCell(row, 4, p.percent(), decimal);
            text(row, 5, p.minPercent().compareTo(p.maxPercent()) == 0
                    ? texts.get("dashboard.participation.target", Texts.number(p.minPercent()))
                    : texts.get("dashboard.participation.targetRange", Texts.number(p.minPercent()), Texts.number(p.maxPercent())), null);
            if (p.expected() != null) {
                numberCell(row, 6, BigDecimal.valueOf(p.agencies()), integer);
                numberCell(row, 7, BigDecimal.valueOf(p.expected()), integer);
            }
        }
        widths(sheet, 50, 12, 14, 14, 10, 20, 16, 16);
    }

    private void budget(Dashboard d) {
        Sheet sheet = sheet("export.xlsx.sheet.budget");
        headerRow(sheet.createRow(0), texts.get("dashboard.col.task"),
                List.of(texts.get("export.xlsx.statePlannedVnd"), texts.get("export.xlsx.stateSpentVnd"),
                        texts.get("export.xlsx.otherPlannedVnd"), texts.get("export.xlsx.otherSpentVnd"),
                        texts.get("export.xlsx.plannedVnd"), texts.get("export.xlsx.spentVnd")));
        int r = 1;
        for (var row : d.budget().byTask()) {
            Row line = sheet.createRow(r++);
            text(line, 0, row.task().code() + ". " + row.task().title(), wrap);
            numberCell(line, 1, row.statePlanned(), integer);
            numberCell(line, 2, row.stateSpent(), integer);
            numberCell(line, 3, row.otherPlanned(), integer);
            numberCell(line, 4, row.otherSpent(), integer);
            numberCell(line, 5, row.planned(), integer);
            numberCell(line, 6, row.spent(), integer);
        }
        Row total = sheet.createRow(r);
        text(total, 0, texts.get("export.xlsx.total"), header);
        numberCell(total, 1, d.budget().statePlanned(), integer);
        numberCell(total, 2, d.budget().stateSpent(), integer);
        numberCell(total, 3, d.budget().otherPlanned(), integer);
        numberCell(total, 4, d.budget().otherSpent(), integer);
        numberCell(total, 5, d.budget().planned(), integer);
        numberCell(total, 6, d.budget().spent(), integer);
        widths(sheet, 60, 18, 18, 18, 18, 18, 18);
    }

    private void grid(Dashboard d) {
        Sheet sheet = sheet("export.xlsx.sheet.grid");
        List<String> headings = new ArrayList<>();
        for (int year : d.grid().years()) {
            headings.add(texts.get("export.xlsx.gridOwed", year));
            headings.add(texts.get("export.xlsx.gridDone", year));
        }
        headerRow(sheet.createRow(0), texts.get("dashboard.col.task"), headings);
        int r = 1;
        for (var row : d.grid().rows()) {
            Row line = sheet.createRow(r++);
            text(line, 0, row.task().code(), null);
            for (int i = 0; i < row.cells().size(); i++) {
                var cell = row.cells().get(i);
                if (cell != null) {
                    numberCell(line, 1 + 2 * i, BigDecimal.valueOf(cell.owed()), integer);
                    numberCell(line, 2 + 2 * i, BigDecimal.valueOf(cell.done()), integer);
                }
            }
        }
    }

    private void reports(Consumer<Consumer<ReportLine>> reportLines) {
        SXSSFSheet sheet = (SXSSFSheet) sheet("export.xlsx.sheet.reports");
        headerRow(sheet.createRow(0), texts.get("export.col.agencyCode"), reportHeadings(texts));
        sheet.createFreezePane(0, 1);
        int[] r = {1};
        reportLines.accept(line -> {
            Row row = sheet.createRow(r[0]++);
            List<Object> values = reportValues(texts, line);
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value instanceof BigDecimal number) {
                    numberCell(row, i, number, integer);
                } else if (value instanceof Integer number) {
                    numberCell(row, i, BigDecimal.valueOf(number), integer);
                } else if (value instanceof LocalDate day) {
                    dateCell(row, i, day);
                } else if (value != null) {
                    text(row, i, value.toString(), null);
                }
            }
        });
        widths(sheet, 16, 36, 22, 22, 8, 40, 22, 18, 10, 14, 14, 14, 16, 16, 16, 16, 50, 60, 50, 50);
    }

    /** The columns of the reports, shared by the XLSX sheet and the CSV. */
    static List<String> reportHeadings(Texts texts) {
        return List.of(texts.get("export.col.agency"), texts.get("dashboard.col.unit"), texts.get("dashboard.col.kind"),
                texts.get("export.col.taskCode"), texts.get("dashboard.col.task"), texts.get("export.col.status"),
                texts.get("export.col.implementation"), texts.get("export.col.percent"),
                texts.get("export.col.firstSubmitted"), texts.get("export.col.approved"), texts.get("export.col.timeliness"),
                texts.get("export.xlsx.statePlannedVnd"), texts.get("export.xlsx.stateSpentVnd"),
                texts.get("export.xlsx.otherPlannedVnd"), texts.get("export.xlsx.otherSpentVnd"),
                texts.get("export.col.documentsIssued"), texts.get("export.col.results"),
                texts.get("dashboard.col.difficulties"), texts.get("dashboard.col.proposals"));
    }

    static List<Object> reportValues(Texts texts, ReportLine line) {
        boolean handedIn = "SUBMITTED".equals(line.status()) || "APPROVED".equals(line.status());
        String timeliness = "";
        if (handedIn && line.firstSubmitted() != null && line.dueOn() != null) {
            timeliness = texts.get(VietnamTime.onTime(line.firstSubmitted(), line.dueOn()) ? "dashboard.count.onTime" : "dashboard.count.late");
        }
        List<Object> values = new ArrayList<>();
        values.add(line.agencyCode());
        values.add(line.agencyName());
        values.add(line.unitName());
        values.add(line.kindName());
        values.add(line.taskCode());
        values.add(line.taskTitle());
        values.add(texts.status(line.status()));
        values.add(texts.implementation(line.implementationStatus()));
        values.add(line.percent());
        values.add(line.firstSubmitted());
        values.add(line.approved());
        values.add(timeliness);
        values.add(line.budgetPlanned());
        values.add(line.budgetSpent());
        values.add(line.budgetOtherPlanned());
        values.add(line.budgetOtherSpent());
        values.add(line.documentsIssued());
        values.add(line.results());
        values.add(line.difficulties());
        values.add(line.proposals());
        return values;
    }

    private void headerRow(Row row, String first, List<String> rest) {
        text(row, 0, first, header);
        for (int i = 0; i < rest.size(); i++) {
            text(row, i + 1, rest.get(i), header);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        var cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void numberCell(Row row, int column, BigDecimal value, CellStyle style) {
        if (value == null) {
            return;
        }
        var cell = row.createCell(column);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(style);
    }

    private void dateCell(Row row, int column, LocalDate value) {
        if (value == null) {
            return;
        }
        var cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(date);
    }

    private static void widths(Sheet sheet, int... characters) {
        for (int i = 0; i < characters.length; i++) {
            sheet.setColumnWidth(i, characters[i] * 256);
        }
    }
}
