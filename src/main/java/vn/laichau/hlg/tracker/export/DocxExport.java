package vn.laichau.hlg.tracker.export;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
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
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import vn.laichau.hlg.tracker.dashboard.Dashboard.Participation;
import vn.laichau.hlg.tracker.dashboard.IndicatorKind;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
    /** The header table: 10 mm into the left margin; 7.4 cm for the issuer, 10.6 cm for the national title. */
    static final int HEADER_INDENT = 567;
    static final int HEADER_LEFT = 4200;
    static final int HEADER_RIGHT = TEXT_WIDTH + HEADER_INDENT - HEADER_LEFT;

    record Data(int from, int to, String unitName, Issuer issuer, List<TaskLine> tasks,
                List<TaskCompleteness> completeness, List<IndicatorTotal> indicatorTotals,
                Consumer<Consumer<ApprovedText>> approvedTexts, LocalDate today, List<Participation> participation,
                Settings settings, ExportQueries.BudgetTotal budget, List<ExportQueries.Missing> missing,
                List<ExportQueries.IssueItem> issueItems) {

        /** The plan's years: the 2024–2026 range is the interim review (sơ kết), 2024–2030 the final one. */
        boolean interimReview() {
            return from == ExportService.FIRST_YEAR && to == ExportService.INTERIM_YEAR;
        }

        boolean finalReview() {
            return from == ExportService.FIRST_YEAR && to == ExportService.LAST_YEAR;
        }
    }

    /**
     * What the report cites and who signs it, set by the administrator (see the README's configuration).
     *
     * @param planNumber the number of UBND tỉnh's plan, e.g. "125/KH-UBND"
     * @param planDate   its date as written, e.g. "18/4/2024"
     * @param signerName the name under the signature; blank leaves a line to fill in by hand
     */
    record Settings(String planNumber, String planDate, String signerName) {
    }

    /**
     * What surrounds the sections: the issuer, the number, place and date, the subject, the signer and the
     * recipients. An issued edition keeps its own; the dashboard's download leaves number and date to fill.
     *
     * @param issuerParent    the issuer's parent body, or null
     * @param issuerLines     the issuer in capitals, one or two lines
     * @param number          "Số: …/BC-HLG" or the issued number
     * @param placeDate       "Lai Châu, ngày … tháng … năm 2026" or the issued date
     * @param subject         the report's subject under the title
     * @param signerTitle     "CHỦ TỊCH" or as issued
     * @param signerName      the signer's name; blank leaves a line to sign over
     * @param recipients      the lines of "Nơi nhận"
     * @param appendixSubject the line under the appendix's title
     */
    record Layout(String issuerParent, List<String> issuerLines, String number, String placeDate, String subject,
                  String signerTitle, String signerName, List<String> recipients, String appendixSubject) {

        static Layout unnumbered(Texts texts, Data data) {
            return new Layout(data.issuer().parent(), data.issuer().headerLines(), texts.get("export.docx.number"),
                    texts.get("export.docx.placeDate", data.issuer().place(), data.today().getYear()),
                    DocxExport.subject(texts, data), texts.get("export.docx.signTitle"), data.settings().signerName(),
                    data.issuer().recipients(), texts.get("export.docx.appendixSubject", period(texts, data)));
        }
    }

    private final Texts texts;
    private XWPFDocument doc;

    DocxExport(Texts texts) {
        this.texts = texts;
    }

    /** The report drafted from the data and laid out as drafted, as the download of the dashboard gives it. */
    void write(Data data, OutputStream out) throws IOException {
        write(Layout.unnumbered(texts, data), new ConsolidatedDraft(texts).draft(data), out);
    }

    /** The report of the given sections' text under the given header and signature. */
    void write(Layout layout, Map<Section, String> sections, OutputStream out) throws IOException {
        doc = new XWPFDocument();
        try {
            page();
            header(layout);
            sections(layout, sections);
            signature(layout);
            appendix(layout, sections);
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
        margins.setHeader(BigInteger.valueOf(567));
        margins.setFooter(BigInteger.valueOf(567));
        pageNumbers(section);
    }

    /**
     * Page numbers at the top centre, from the second page on (Decree 30/2020: none on the first page): a
     * first page header of its own, left empty, and a PAGE field in the other pages' header.
     */
    private void pageNumbers(CTSectPr section) {
        section.addNewTitlePg();
        XWPFHeaderFooterPolicy policy = doc.createHeaderFooterPolicy();
        XWPFHeader first = policy.createHeader(XWPFHeaderFooterPolicy.FIRST);
        run(first.createParagraph(), "", BODY);
        XWPFHeader others = policy.createHeader(XWPFHeaderFooterPolicy.DEFAULT);
        XWPFParagraph paragraph = others.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        CTSimpleField field = paragraph.getCTP().addNewFldSimple();
        field.setInstr("PAGE");
        CTR number = field.addNewR();
        CTRPr properties = number.addNewRPr();
        CTFonts fonts = properties.addNewRFonts();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        properties.addNewSz().setVal(BigInteger.valueOf(BODY * 2L));
        number.addNewT().setStringValue("2");
    }

    private void header(Layout layout) {
        // Wider than the text, into the 30 mm left margin, so that the national title fits on one line at
        // 12 pt and the issuer's name in its column (Decree 30/2020, appendix I).
        XWPFTable table = borderless(2, new int[]{HEADER_LEFT, HEADER_RIGHT});
        table.getCTTbl().getTblPr().addNewTblInd().setW(BigInteger.valueOf(-HEADER_INDENT));
        table.getCTTbl().getTblPr().getTblInd().setType(STTblWidth.DXA);
        table.setWidth(HEADER_LEFT + HEADER_RIGHT);
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        XWPFParagraph line = left.getParagraphs().get(0);
        if (layout.issuerParent() != null) {
            centered(line, layout.issuerParent(), 12, false, false);
            line = left.addParagraph();
        }
        List<String> issuerLines = layout.issuerLines();
        for (int i = 0; i < issuerLines.size(); i++) {
            centered(i == 0 ? line : left.addParagraph(), issuerLines.get(i), 12, true, false);
        }
        centered(left.addParagraph(), texts.get("export.docx.rule"), 12, false, false);
        centered(left.addParagraph(), layout.number(), 13, false, false);
        centered(right.getParagraphs().get(0), texts.get("export.docx.nation"), 12, true, false);
        XWPFRun motto = centered(right.addParagraph(), texts.get("export.docx.motto"), 13, true, false);
        motto.setUnderline(UnderlinePatterns.SINGLE);
        centered(right.addParagraph(), "", 13, false, false);
        centered(right.addParagraph(), layout.placeDate(), 14, false, true);
        table.getRow(0).setCantSplitRow(true);

        XWPFParagraph gap = doc.createParagraph();
        run(gap, "", BODY);
        XWPFParagraph title = doc.createParagraph();
        title.setAlignment(ParagraphAlignment.CENTER);
        title.setSpacingBefore(240);
        title.setKeepNext(true);
        styled(run(title, texts.get("export.docx.title"), BODY), true, false);
        XWPFParagraph subject = doc.createParagraph();
        subject.setAlignment(ParagraphAlignment.CENTER);
        subject.setSpacingAfter(240);
        styled(run(subject, layout.subject(), BODY), true, false);
    }

    /** "Sơ kết …" for 2024–2026, "Tổng kết …" for 2024–2030, otherwise the results of a year or range. */
    static String subject(Texts texts, Data data) {
        String where = Issuer.inSentence(data.unitName());
        if (data.interimReview()) {
            return texts.get("export.docx.subject.interim", period(texts, data), where);
        }
        if (data.finalReview()) {
            return texts.get("export.docx.subject.final", period(texts, data), where);
        }
        return texts.get("export.docx.subject", period(texts, data), where);
    }

    static String period(Texts texts, Data data) {
        return data.from() == data.to()
                ? texts.get("export.docx.year", data.from())
                : texts.get("export.docx.range", data.from(), data.to());
    }

    /** The sections as drafted or edited, laid out; the appendix on a page of its own after the signature. */
    private void sections(Layout layout, Map<Section, String> sections) {
        XWPFParagraph last = null;
        for (Section section : Section.values()) {
            if (section == Section.APPENDIX) {
                continue;
            }
            if (section.heading() != null) {
                heading(texts.get(section.heading()));
            }
            XWPFParagraph written = text(sections.getOrDefault(section, ""));
            last = written == null ? last : written;
        }
        if (last != null) {
            // The closing sentence keeps with the signature.
            last.setKeepNext(true);
        }
    }

    private void appendix(Layout layout, Map<Section, String> sections) {
        XWPFParagraph title = doc.createParagraph();
        title.setPageBreak(true);
        title.setAlignment(ParagraphAlignment.CENTER);
        title.setKeepNext(true);
        styled(run(title, texts.get("export.docx.appendix"), BODY), true, false);
        XWPFParagraph subtitle = doc.createParagraph();
        subtitle.setAlignment(ParagraphAlignment.CENTER);
        subtitle.setSpacingAfter(240);
        styled(run(subtitle, layout.appendixSubject(), BODY), false, true);
        text(sections.getOrDefault(Section.APPENDIX, ""));
    }

    /**
     * A section's text on the page (see {@link ConsolidatedDraft} for its lines): sub-headings, paragraphs,
     * notes and tables. Returns the last paragraph written outside a table, or null.
     */
    private XWPFParagraph text(String text) {
        XWPFParagraph last = null;
        List<List<String>> table = new ArrayList<>();
        for (String raw : (text == null ? "" : text).split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("|")) {
                table.add(cells(line));
                continue;
            }
            if (!table.isEmpty()) {
                table(table);
                table.clear();
            }
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("##")) {
                last = subheading(line.substring(2).strip());
            } else if (line.startsWith(">")) {
                last = note(line.substring(1).strip());
            } else {
                last = body(line);
            }
        }
        if (!table.isEmpty()) {
            table(table);
        }
        return last;
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1);
        if (inner.endsWith("|")) {
            inner = inner.substring(0, inner.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }

    /**
     * A table: its first row is the heading, repeated on every page; no row splits. A table whose first
     * heading is the running number (the appendix) gets a narrow number column; any other (the indicators)
     * gives its first column the room it needs and shares the rest among the figures.
     */
    private void table(List<List<String>> rows) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(1);
        XWPFTable table = doc.createTable(rows.size(), columns);
        table.setWidth(TEXT_WIDTH);
        table.setTableAlignment(TableRowAlign.CENTER);
        int[] widths = new int[columns];
        boolean numbered = texts.get("export.docx.col.number").equals(rows.get(0).get(0));
        if (numbered && columns == 3) {
            widths = new int[]{800, 4000, TEXT_WIDTH - 4800};
        } else if (columns == 1) {
            widths[0] = TEXT_WIDTH;
        } else {
            int numbers = Math.max(1, columns - 2);
            int unitWidth = columns > 2 ? 1250 : 0;
            int numberWidth = Math.min(1300, (TEXT_WIDTH * 11 / 20 - unitWidth) / numbers);
            widths[0] = TEXT_WIDTH - unitWidth - numberWidth * numbers;
            if (columns > 2) {
                widths[1] = unitWidth;
            }
            for (int i = columns > 2 ? 2 : 1; i < columns; i++) {
                widths[i] = numberWidth;
            }
        }
        columnWidths(table, widths);
        table.getRow(0).setRepeatHeader(true);
        for (int r = 0; r < rows.size(); r++) {
            table.getRow(r).setCantSplitRow(true);
            List<String> cells = rows.get(r);
            for (int i = 0; i < columns; i++) {
                cell(table.getRow(r).getCell(i), i < cells.size() ? cells.get(i) : "", r == 0);
            }
        }
        doc.createParagraph();
    }

    private XWPFParagraph note(String text) {
        XWPFParagraph paragraph = doc.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.BOTH);
        styled(run(paragraph, text, 12), false, true);
        return paragraph;
    }

    /**
     * "Nơi nhận" and the signature side by side in one row that never splits, so that the signer's title,
     * the room to sign and the name stay on one page; the closing sentence before it keeps with it.
     */
    private void signature(Layout layout) {
        XWPFTable table = borderless(2, new int[]{TEXT_WIDTH * 9 / 20, TEXT_WIDTH - TEXT_WIDTH * 9 / 20});
        table.getRow(0).setCantSplitRow(true);
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        XWPFParagraph recipients = left.getParagraphs().get(0);
        recipients.setSpacingBefore(240);
        styled(run(recipients, texts.get("export.docx.recipients"), 12), true, true);
        for (String line : layout.recipients()) {
            run(left.addParagraph(), line, 11);
        }
        XWPFParagraph signFor = right.getParagraphs().get(0);
        signFor.setSpacingBefore(240);
        centered(signFor, texts.get("export.docx.signFor"), BODY, true, false);
        centered(right.addParagraph(), layout.signerTitle(), BODY, true, false);
        centered(right.addParagraph(), texts.get("export.docx.signNote"), BODY, false, true);
        for (int i = 0; i < 3; i++) {
            centered(right.addParagraph(), "", BODY, false, false);
        }
        String name = layout.signerName();
        centered(right.addParagraph(), name == null || name.isBlank() ? texts.get("export.docx.signerBlank") : name.strip(),
                BODY, true, false);
    }

    /** Column widths that Word and LibreOffice both keep: the grid, each cell, and a fixed layout. */
    private static void columnWidths(XWPFTable table, int[] widths) {
        CTTbl ct = table.getCTTbl();
        CTTblGrid grid = ct.getTblGrid() == null ? ct.addNewTblGrid() : ct.getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int width : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(width));
        }
        CTTblPr properties = ct.getTblPr() == null ? ct.addNewTblPr() : ct.getTblPr();
        (properties.isSetTblLayout() ? properties.getTblLayout() : properties.addNewTblLayout()).setType(STTblLayoutType.FIXED);
        for (var row : table.getRows()) {
            for (int i = 0; i < widths.length && i < row.getTableCells().size(); i++) {
                row.getCell(i).setWidth(String.valueOf(widths[i]));
                row.getCell(i).setWidthType(TableWidthType.DXA);
            }
        }
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
        columnWidths(table, widths);
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
        paragraph.setKeepNext(true);
        styled(run(paragraph, text, BODY), true, false);
    }

    private XWPFParagraph subheading(String text) {
        XWPFParagraph paragraph = doc.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.BOTH);
        paragraph.setIndentationFirstLine(FIRST_LINE);
        paragraph.setSpacingBefore(60);
        paragraph.setSpacingAfter(60);
        paragraph.setKeepNext(true);
        styled(run(paragraph, text, BODY), true, true);
        return paragraph;
    }

    /** Justified paragraphs, one per line of the text; the last one is returned. */
    private XWPFParagraph body(String text) {
        XWPFParagraph paragraph = null;
        for (String line : text.split("\\R")) {
            paragraph = doc.createParagraph();
            paragraph.setAlignment(ParagraphAlignment.BOTH);
            paragraph.setIndentationFirstLine(FIRST_LINE);
            paragraph.setSpacingAfter(120);
            run(paragraph, line, BODY);
        }
        return paragraph;
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
