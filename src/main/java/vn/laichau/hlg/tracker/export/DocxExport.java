package vn.laichau.hlg.tracker.export;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import vn.laichau.hlg.tracker.export.ExportQueries.ApprovedText;
import vn.laichau.hlg.tracker.export.ExportQueries.IndicatorTotal;
import vn.laichau.hlg.tracker.export.ExportQueries.TaskCompleteness;
import vn.laichau.hlg.tracker.export.ExportQueries.TaskLine;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The consolidated report laid out per Decree 30/2020/NĐ-CP: A4 portrait, margins 20 mm top and bottom,
 * 30 mm left, 15 mm right; Times New Roman 14 pt, justified, first line indented 1.27 cm; the issuing
 * body (the association of the unit the report is made for, see {@link Issuer}) and the national motto
 * side by side, number, place and date, title and subject; results per task, difficulties, proposals;
 * "Nơi nhận" and the signature. A draft that staff finish in Word.
 */
final class DocxExport {

    static final String FONT = "Times New Roman";
    /** Twentieths of a point: A4 is 210 × 297 mm. */
    static final int A4_WIDTH = 11906;
    static final int A4_HEIGHT = 16838;
    static final int MARGIN_TOP = 1134;      // 20 mm
    static final int MARGIN_BOTTOM = 1134;   // 20 mm
    static final int MARGIN_LEFT = 1701;     // 30 mm
    static final int MARGIN_RIGHT = 851;     // 15 mm
    static final int FIRST_LINE = 720;       // 1.27 cm
    static final int BODY = 14;
    private static final int TEXT_WIDTH = A4_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

    record Data(int from, int to, String unitName, Issuer issuer, List<TaskLine> tasks,
                List<TaskCompleteness> completeness, List<IndicatorTotal> indicatorTotals,
                Consumer<Consumer<ApprovedText>> approvedTexts, LocalDate today) {
    }

    private final Texts texts;
    private XWPFDocument doc;

    DocxExport(Texts texts) {
        this.texts = texts;
    }

    void write(Data data, OutputStream out) throws IOException {
        doc = new XWPFDocument();
        try {
            page();
            header(data);
            body(data);
            signature(data);
            doc.write(out);
        } finally {
            doc.close();
        }
    }

    private void page() {
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setCs(FONT);
        fonts.setEastAsia(FONT);
        doc.createStyles().setDefaultFonts(fonts);
        CTSectPr section = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(A4_WIDTH));
        size.setH(BigInteger.valueOf(A4_HEIGHT));
        size.setOrient(STPageOrientation.PORTRAIT);
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN_TOP));
        margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
        margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        margins.setHeader(BigInteger.valueOf(720));
        margins.setFooter(BigInteger.valueOf(720));
    }

    private void header(Data data) {
        XWPFTable table = borderless(2, new int[]{TEXT_WIDTH * 9 / 20, TEXT_WIDTH - TEXT_WIDTH * 9 / 20});
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        centered(left.getParagraphs().get(0), data.issuer().header(), 12, true, false);
        centered(left.addParagraph(), texts.get("export.docx.rule"), 13, false, false);
        centered(left.addParagraph(), texts.get("export.docx.number"), 13, false, false);
        centered(right.getParagraphs().get(0), texts.get("export.docx.nation"), 12, true, false);
        XWPFRun motto = centered(right.addParagraph(), texts.get("export.docx.motto"), 13, true, false);
        motto.setUnderline(UnderlinePatterns.SINGLE);
        centered(right.addParagraph(), "", 13, false, false);
        centered(right.addParagraph(), texts.get("export.docx.placeDate", data.issuer().place(), data.today().getYear()), 14, false, true);

        XWPFParagraph gap = doc.createParagraph();
        run(gap, "", BODY);
        XWPFParagraph title = doc.createParagraph();
        title.setAlignment(ParagraphAlignment.CENTER);
        title.setSpacingBefore(240);
        styled(run(title, texts.get("export.docx.title"), BODY), true, false);
        XWPFParagraph subject = doc.createParagraph();
        subject.setAlignment(ParagraphAlignment.CENTER);
        subject.setSpacingAfter(240);
        String period = period(data);
        styled(run(subject, texts.get("export.docx.subject", period, data.unitName()), BODY), true, false);
    }

    private String period(Data data) {
        return data.from() == data.to()
                ? texts.get("export.docx.year", data.from())
                : texts.get("export.docx.range", data.from(), data.to());
    }

    private void body(Data data) {
        long owed = data.completeness().stream().mapToLong(TaskCompleteness::owed).sum();
        long approved = data.completeness().stream().mapToLong(TaskCompleteness::approved).sum();
        body(texts.get("export.docx.intro", period(data), data.unitName(), data.issuer().association()));

        heading(texts.get("export.docx.section.results"));
        body(texts.get("export.docx.summary", owed, approved));

        Map<Long, List<ApprovedText>> byTask = new LinkedHashMap<>();
        List<ApprovedText> difficulties = new ArrayList<>();
        List<ApprovedText> proposals = new ArrayList<>();
        data.approvedTexts().accept(text -> {
            byTask.computeIfAbsent(text.taskId(), t -> new ArrayList<>()).add(text);
            if (text.difficulties() != null) {
                difficulties.add(text);
            }
            if (text.proposals() != null) {
                proposals.add(text);
            }
        });
        Map<Long, TaskCompleteness> completeness = new HashMap<>();
        data.completeness().forEach(c -> completeness.put(c.taskId(), c));
        Map<Long, List<IndicatorTotal>> totals = new LinkedHashMap<>();
        data.indicatorTotals().forEach(t -> totals.computeIfAbsent(t.taskId(), k -> new ArrayList<>()).add(t));
        Map<Long, String> taskCodes = new HashMap<>();

        String group = null;
        for (TaskLine task : data.tasks()) {
            taskCodes.put(task.id(), task.code());
            if (task.groupSize() > 1 && !task.groupCode().equals(group)) {
                subheading(texts.get("export.docx.task", task.groupCode(), task.groupTitle()));
            }
            group = task.groupCode();
            subheading(texts.get("export.docx.task", task.code(), task.title()));
            TaskCompleteness c = completeness.get(task.id());
            if (c != null && c.owed() > 0) {
                body(texts.get("export.docx.taskCompleteness", c.owed(), c.approved()));
            }
            List<ApprovedText> results = byTask.getOrDefault(task.id(), List.of()).stream()
                    .filter(t -> t.results() != null).toList();
            if (results.isEmpty()) {
                body(texts.get("export.docx.noResults"));
            }
            for (ApprovedText text : results) {
                body(data.from() == data.to()
                        ? texts.get("export.docx.result", text.agencyName(), text.results())
                        : texts.get("export.docx.resultYear", text.agencyName(), text.year(), text.results()));
            }
            List<IndicatorTotal> taskTotals = totals.get(task.id());
            if (taskTotals != null) {
                indicatorTable(data, taskTotals);
            }
        }

        heading(texts.get("export.docx.section.difficulties"));
        issues(difficulties, taskCodes, true, "export.docx.noDifficulties");
        heading(texts.get("export.docx.section.proposals"));
        issues(proposals, taskCodes, false, "export.docx.noProposals");
        body(texts.get("export.docx.closing", period(data), data.issuer().association()));
    }

    private void issues(List<ApprovedText> items, Map<Long, String> taskCodes, boolean difficulties, String noneKey) {
        if (items.isEmpty()) {
            body(texts.get(noneKey));
        }
        for (ApprovedText item : items) {
            body(texts.get("export.docx.issue", item.agencyName(), taskCodes.get(item.taskId()), item.year(),
                    difficulties ? item.difficulties() : item.proposals()));
        }
    }

    private void indicatorTable(Data data, List<IndicatorTotal> totals) {
        List<Integer> years = new ArrayList<>();
        for (int y = data.from(); y <= data.to(); y++) {
            years.add(y);
        }
        boolean range = years.size() > 1;
        Map<Long, Map<Integer, IndicatorTotal>> rows = new LinkedHashMap<>();
        totals.forEach(t -> rows.computeIfAbsent(t.indicatorId(), k -> new HashMap<>()).put(t.year(), t));
        int columns = 2 + years.size() + (range ? 1 : 0);
        XWPFTable table = doc.createTable(rows.size() + 1, columns);
        table.setWidth(TEXT_WIDTH);
        table.setTableAlignment(TableRowAlign.CENTER);
        List<String> headings = new ArrayList<>(List.of(texts.get("dashboard.col.indicator"), texts.get("dashboard.col.indicatorUnit")));
        years.forEach(y -> headings.add(String.valueOf(y)));
        if (range) {
            headings.add(texts.get("export.xlsx.total"));
        }
        for (int i = 0; i < columns; i++) {
            cell(table.getRow(0).getCell(i), headings.get(i), true);
        }
        int r = 1;
        for (Map<Integer, IndicatorTotal> byYear : rows.values()) {
            IndicatorTotal any = byYear.values().iterator().next();
            boolean rate = "%".equals(any.unit());
            cell(table.getRow(r).getCell(0), any.name(), false);
            cell(table.getRow(r).getCell(1), any.unit(), false);
            BigDecimal sum = BigDecimal.ZERO;
            long count = 0;
            for (int i = 0; i < years.size(); i++) {
                IndicatorTotal total = byYear.get(years.get(i));
                cell(table.getRow(r).getCell(2 + i), total == null ? "" : Texts.number(value(total.total(), total.count(), rate)), false);
                if (total != null) {
                    sum = sum.add(total.total());
                    count += total.count();
                }
            }
            if (range) {
                cell(table.getRow(r).getCell(columns - 1), Texts.number(value(sum, count, rate)), true);
            }
            r++;
        }
        doc.createParagraph();
    }

    private static BigDecimal value(BigDecimal sum, long count, boolean rate) {
        return rate && count > 0 ? sum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP) : sum;
    }

    private void signature(Data data) {
        doc.createParagraph();
        XWPFTable table = borderless(2, new int[]{TEXT_WIDTH / 2, TEXT_WIDTH - TEXT_WIDTH / 2});
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        XWPFParagraph recipients = left.getParagraphs().get(0);
        styled(run(recipients, texts.get("export.docx.recipients"), 12), true, true);
        for (String line : data.issuer().recipients()) {
            run(left.addParagraph(), line, 11);
        }
        centered(right.getParagraphs().get(0), texts.get("export.docx.signFor"), BODY, true, false);
        centered(right.addParagraph(), texts.get("export.docx.signTitle"), BODY, true, false);
        centered(right.addParagraph(), texts.get("export.docx.signNote"), BODY, false, true);
    }

    private XWPFTable borderless(int columns, int[] widths) {
        XWPFTable table = doc.createTable(1, columns);
        table.setWidth(TEXT_WIDTH);
        for (var border : List.<Runnable>of(
                () -> table.setTopBorder(XWPFBorderType.NONE, 0, 0, "auto"),
                () -> table.setBottomBorder(XWPFBorderType.NONE, 0, 0, "auto"),
                () -> table.setLeftBorder(XWPFBorderType.NONE, 0, 0, "auto"),
                () -> table.setRightBorder(XWPFBorderType.NONE, 0, 0, "auto"),
                () -> table.setInsideHBorder(XWPFBorderType.NONE, 0, 0, "auto"),
                () -> table.setInsideVBorder(XWPFBorderType.NONE, 0, 0, "auto"))) {
            border.run();
        }
        for (int i = 0; i < columns; i++) {
            table.getRow(0).getCell(i).setWidth(String.valueOf(widths[i]));
        }
        return table;
    }

    private void cell(XWPFTableCell cell, String text, boolean bold) {
        XWPFParagraph paragraph = cell.getParagraphs().get(0);
        styled(run(paragraph, text, 13), bold, false);
    }

    private void heading(String text) {
        XWPFParagraph paragraph = doc.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.BOTH);
        paragraph.setIndentationFirstLine(FIRST_LINE);
        paragraph.setSpacingBefore(120);
        paragraph.setSpacingAfter(120);
        styled(run(paragraph, text, BODY), true, false);
    }

    private void subheading(String text) {
        XWPFParagraph paragraph = doc.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.BOTH);
        paragraph.setIndentationFirstLine(FIRST_LINE);
        paragraph.setSpacingBefore(60);
        paragraph.setSpacingAfter(60);
        styled(run(paragraph, text, BODY), true, true);
    }

    private void body(String text) {
        for (String line : text.split("\\R")) {
            XWPFParagraph paragraph = doc.createParagraph();
            paragraph.setAlignment(ParagraphAlignment.BOTH);
            paragraph.setIndentationFirstLine(FIRST_LINE);
            paragraph.setSpacingAfter(120);
            run(paragraph, line, BODY);
        }
    }

    private static XWPFRun centered(XWPFParagraph paragraph, String text, int size, boolean bold, boolean italic) {
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        paragraph.setSpacingAfter(0);
        return styled(run(paragraph, text, size), bold, italic);
    }

    private static XWPFRun run(XWPFParagraph paragraph, String text, int size) {
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(size);
        run.setText(text);
        return run;
    }

    private static XWPFRun styled(XWPFRun run, boolean bold, boolean italic) {
        run.setBold(bold);
        run.setItalic(italic);
        return run;
    }
}
