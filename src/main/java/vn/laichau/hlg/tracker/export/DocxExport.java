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
                Settings settings, ExportQueries.BudgetTotal budget, List<ExportQueries.Missing> missing) {

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
            appendix(data);
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

    private void header(Data data) {
        // Wider than the text, into the 30 mm left margin, so that the national title fits on one line at
        // 12 pt and the issuer's name in its column (Decree 30/2020, appendix I).
        XWPFTable table = borderless(2, new int[]{HEADER_LEFT, HEADER_RIGHT});
        table.getCTTbl().getTblPr().addNewTblInd().setW(BigInteger.valueOf(-HEADER_INDENT));
        table.getCTTbl().getTblPr().getTblInd().setType(STTblWidth.DXA);
        table.setWidth(HEADER_LEFT + HEADER_RIGHT);
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        XWPFParagraph line = left.getParagraphs().get(0);
        if (data.issuer().parent() != null) {
            centered(line, data.issuer().parent(), 12, false, false);
            line = left.addParagraph();
        }
        List<String> issuerLines = data.issuer().headerLines();
        for (int i = 0; i < issuerLines.size(); i++) {
            centered(i == 0 ? line : left.addParagraph(), issuerLines.get(i), 12, true, false);
        }
        centered(left.addParagraph(), texts.get("export.docx.rule"), 12, false, false);
        centered(left.addParagraph(), texts.get("export.docx.number"), 13, false, false);
        centered(right.getParagraphs().get(0), texts.get("export.docx.nation"), 12, true, false);
        XWPFRun motto = centered(right.addParagraph(), texts.get("export.docx.motto"), 13, true, false);
        motto.setUnderline(UnderlinePatterns.SINGLE);
        centered(right.addParagraph(), "", 13, false, false);
        centered(right.addParagraph(), texts.get("export.docx.placeDate", data.issuer().place(), data.today().getYear()), 14, false, true);
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
        styled(run(subject, subject(data), BODY), true, false);
    }

    /** "Sơ kết …" for 2024–2026, "Tổng kết …" for 2024–2030, otherwise the results of a year or range. */
    private String subject(Data data) {
        String where = Issuer.inSentence(data.unitName());
        if (data.interimReview()) {
            return texts.get("export.docx.subject.interim", period(data), where);
        }
        if (data.finalReview()) {
            return texts.get("export.docx.subject.final", period(data), where);
        }
        return texts.get("export.docx.subject", period(data), where);
    }

    private String period(Data data) {
        return data.from() == data.to()
                ? texts.get("export.docx.year", data.from())
                : texts.get("export.docx.range", data.from(), data.to());
    }

    private void body(Data data) {
        long owed = data.completeness().stream().mapToLong(TaskCompleteness::owed).sum();
        long approved = data.completeness().stream().mapToLong(TaskCompleteness::approved).sum();
        body(texts.get("export.docx.intro", period(data), Issuer.inSentence(data.unitName()), data.issuer().association(),
                data.settings().planNumber(), data.settings().planDate()));

        Map<Long, List<ApprovedText>> byTask = new LinkedHashMap<>();
        List<ApprovedText> all = new ArrayList<>();
        data.approvedTexts().accept(text -> {
            byTask.computeIfAbsent(text.taskId(), t -> new ArrayList<>()).add(text);
            all.add(text);
        });
        Map<Long, TaskCompleteness> completeness = new HashMap<>();
        data.completeness().forEach(c -> completeness.put(c.taskId(), c));
        Map<Long, List<IndicatorTotal>> totals = new LinkedHashMap<>();
        data.indicatorTotals().forEach(t -> totals.computeIfAbsent(t.taskId(), k -> new ArrayList<>()).add(t));
        Map<Long, String> taskCodes = new HashMap<>();
        data.tasks().forEach(t -> taskCodes.put(t.id(), t.code()));

        // I. Direction: how the reporting went, and what the agencies did to steer the work.
        heading(texts.get("export.docx.section.direction"));
        body(texts.get("export.docx.summary", owed, approved, data.missing().size()));
        // The documents the agencies issued, each once with who issued it; a line to fill in where none is stated.
        List<Item> documents = items(all, ApprovedText::documentsIssued);
        if (documents.isEmpty()) {
            body(texts.get("export.docx.directionDraft"));
        } else {
            body(texts.get("export.docx.documentsIntro"));
        }
        for (Item item : documents) {
            body(texts.get("export.docx.documentItem", item.text(), item.attribution(data)));
        }

        // II. Results per task group and task: each result once, with who reported it.
        heading(texts.get("export.docx.section.results"));
        String group = null;
        int withResults = 0;
        for (TaskLine task : data.tasks()) {
            if (task.groupSize() > 1 && !task.groupCode().equals(group)) {
                subheading(texts.get("export.docx.task", task.groupCode(), task.groupTitle()));
            }
            group = task.groupCode();
            subheading(texts.get("export.docx.task", task.code(), task.title()));
            List<Item> results = items(byTask.getOrDefault(task.id(), List.of()), ApprovedText::results);
            TaskCompleteness c = completeness.get(task.id());
            long taskOwed = c == null ? 0 : c.owed();
            if (!task.runs() && taskOwed == 0 && results.isEmpty()) {
                String timeline = task.timelineWording().strip().replaceAll("[.;]+$", "");
                body(texts.get("export.docx.notRunning", period(data), timeline));
                continue;
            }
            if (results.isEmpty()) {
                body(taskOwed > 0 ? texts.get("export.docx.noResultsOf", taskOwed) : texts.get("export.docx.noResults"));
            } else {
                withResults++;
                if (taskOwed > 0) {
                    body(texts.get("export.docx.taskCompleteness", c.approved(), taskOwed));
                }
            }
            for (Item item : results) {
                body(texts.get("export.docx.item", item.text(), item.attribution(data)));
            }
            List<IndicatorTotal> taskTotals = totals.get(task.id());
            if (taskTotals != null) {
                indicatorTable(data, taskTotals);
            }
        }
        targets(data);

        // III. Budget.
        heading(texts.get("export.docx.section.budget"));
        ExportQueries.BudgetTotal budget = data.budget();
        if (budget.reports() == 0) {
            body(texts.get("export.docx.budgetNone"));
        } else {
            body(texts.get("export.docx.budget", Texts.number(budget.planned()), Texts.number(budget.spent()), budget.reports()));
            body(texts.get("export.docx.budgetState", Texts.number(budget.statePlanned()), Texts.number(budget.stateSpent())));
            body(texts.get("export.docx.budgetOther", Texts.number(budget.otherPlanned()), Texts.number(budget.otherSpent())));
        }
        body(texts.get("export.docx.budgetSources"));

        // IV. Overall assessment: strengths from the results, weaknesses and difficulties from the reports.
        heading(texts.get("export.docx.section.assessment"));
        subheading(texts.get("export.docx.strengths"));
        long running = data.tasks().stream().filter(TaskLine::runs).count();
        body(texts.get("export.docx.strengthsDraft", withResults, running));
        List<String> met = data.participation().stream().filter(p -> Boolean.TRUE.equals(p.met()))
                .map(Participation::indicatorName).toList();
        if (!met.isEmpty()) {
            body(texts.get("export.docx.targetsMet", String.join("; ", met)));
        }
        subheading(texts.get("export.docx.weaknesses"));
        if (!data.missing().isEmpty()) {
            body(texts.get("export.docx.missingSummary", data.missing().size()));
        }
        List<String> notMet = data.participation().stream().filter(p -> Boolean.FALSE.equals(p.met()))
                .map(Participation::indicatorName).toList();
        if (!notMet.isEmpty()) {
            body(texts.get("export.docx.targetsNotMet", String.join("; ", notMet)));
        }
        List<Item> difficulties = items(all, ApprovedText::difficulties);
        if (difficulties.isEmpty()) {
            body(texts.get("export.docx.noDifficulties"));
        }
        for (Item item : difficulties) {
            body(texts.get("export.docx.issueItem", item.text(), item.attribution(data), item.tasks(taskCodes)));
        }

        // V. What comes next.
        heading(texts.get("export.docx.section.outlook"));
        body(data.to() < ExportService.LAST_YEAR ? texts.get("export.docx.outlook", data.to() + 1)
                : texts.get("export.docx.outlookFinal"));
        if (!data.missing().isEmpty()) {
            body(texts.get("export.docx.outlookMissing"));
        }

        // VI. Proposals: to UBND tỉnh (the agencies' proposals, deduplicated, attributed), to Hội Luật gia Việt Nam.
        heading(texts.get("export.docx.section.proposals"));
        boolean province = data.issuer().parent() == null;
        subheading(province ? texts.get("export.docx.toProvince")
                : texts.get("export.docx.toProvince.local", Issuer.inSentence(data.unitName())));
        List<Item> proposals = items(all, ApprovedText::proposals);
        if (proposals.isEmpty()) {
            body(texts.get("export.docx.noProposals"));
        }
        for (Item item : proposals) {
            body(texts.get("export.docx.issueItem", item.text(), item.attribution(data), item.tasks(taskCodes)));
        }
        if (province) {
            subheading(texts.get("export.docx.toNational"));
            body(texts.get("export.docx.toNationalDraft"));
        }

        XWPFParagraph closing = body(texts.get("export.docx.closing", period(data), data.issuer().association()));
        closing.setKeepNext(true);
    }

    /**
     * One result, difficulty or proposal as the report states it once: the same text from several agencies
     * or years is one item that names them all.
     */
    private final class Item {
        private final String text;
        private final Set<String> agencies = new LinkedHashSet<>();
        private final Set<Integer> years = new TreeSet<>();
        private final Set<Long> taskIds = new LinkedHashSet<>();

        Item(String text) {
            this.text = text;
        }

        String text() {
            String stripped = text.strip();
            return stripped.endsWith(".") || stripped.endsWith(";") ? stripped.substring(0, stripped.length() - 1) : stripped;
        }

        String attribution(Data data) {
            String who = String.join(", ", agencies);
            if (data.from() == data.to()) {
                return who;
            }
            return texts.get("export.docx.attributionYears", who,
                    String.join(", ", years.stream().map(String::valueOf).toList()));
        }

        String tasks(Map<Long, String> codes) {
            return String.join(", ", taskIds.stream().map(codes::get).toList());
        }
    }

    /** A line as a sentence of the report: no bullet, single spaces, a capital first letter. */
    private static String sentence(String line) {
        String text = line.strip().replaceAll("^[-–•+*]\\s*", "").replaceAll("\\s+", " ");
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Issuer.VIETNAMESE) + text.substring(1);
    }

    /** Texts grouped by their words (case, spacing and final full stop aside), in the order first met. */
    private List<Item> items(List<ApprovedText> texts, java.util.function.Function<ApprovedText, String> field) {
        Map<String, Item> items = new LinkedHashMap<>();
        for (ApprovedText text : texts) {
            String value = field.apply(text);
            if (value == null) {
                continue;
            }
            for (String line : value.split("\\R")) {
                String key = line.strip().replaceAll("\\s+", " ").replaceAll("^[-–•+*]\\s*", "").replaceAll("[.;]$", "")
                        .toLowerCase(Issuer.VIETNAMESE);
                if (key.isEmpty()) {
                    continue;
                }
                Item item = items.computeIfAbsent(key, k -> new Item(sentence(line)));
                item.agencies.add(text.contribution()
                        ? this.texts.get("export.docx.coordinating", text.agencyName()) : text.agencyName());
                item.years.add(text.year());
                item.taskIds.add(text.taskId());
            }
        }
        return new ArrayList<>(items.values());
    }

    /** Đề án 129's participation targets in the last year of the report, each with its coverage. */
    private void targets(Data data) {
        if (data.participation().isEmpty()) {
            return;
        }
        subheading(texts.get("export.docx.section.targets", data.to()));
        for (Participation p : data.participation()) {
            String reported = p.reported() == null ? texts.get("dashboard.none")
                    : p.total() == null ? Texts.number(p.reported()) + " " + p.unit()
                    : texts.get("dashboard.participation.ofTotal", Texts.number(p.reported()), Texts.number(p.total()), p.unit());
            String percent = p.percent() == null ? texts.get("dashboard.none") : Texts.number(p.percent()) + "%";
            String target = p.minPercent().compareTo(p.maxPercent()) == 0
                    ? texts.get("dashboard.participation.target", Texts.number(p.minPercent()))
                    : texts.get("dashboard.participation.targetRange", Texts.number(p.minPercent()), Texts.number(p.maxPercent()));
            String assessment = texts.get(p.met() == null ? "dashboard.participation.unknown"
                    : p.met() ? "dashboard.participation.met" : "dashboard.participation.notMet").toLowerCase(Issuer.VIETNAMESE);
            String coverage = p.expected() == null ? "" : texts.get(p.associations()
                    ? "export.docx.participation.coverage.associations" : "export.docx.participation.coverage.agencies",
                    p.agencies(), p.expected());
            body(texts.get("export.docx.participation", p.indicatorName(), reported, percent, target.toLowerCase(Issuer.VIETNAMESE),
                    assessment, coverage));
        }
    }

    private void note(String text) {
        XWPFParagraph paragraph = doc.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.BOTH);
        styled(run(paragraph, text, 12), false, true);
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
        // The indicator's name gets the room it needs; the figures share the rest.
        int numbers = columns - 2;
        int unitWidth = 1250;
        int numberWidth = Math.min(1300, (TEXT_WIDTH * 11 / 20 - unitWidth) / numbers);
        int[] widths = new int[columns];
        widths[0] = TEXT_WIDTH - unitWidth - numberWidth * numbers;
        widths[1] = unitWidth;
        for (int i = 2; i < columns; i++) {
            widths[i] = numberWidth;
        }
        columnWidths(table, widths);
        table.getRow(0).setRepeatHeader(true);
        List<String> headings = new ArrayList<>(List.of(texts.get("dashboard.col.indicator"), texts.get("dashboard.col.indicatorUnit")));
        years.forEach(y -> headings.add(String.valueOf(y)));
        if (range) {
            headings.add(texts.get("export.docx.col.range"));
        }
        for (int i = 0; i < columns; i++) {
            cell(table.getRow(0).getCell(i), headings.get(i), true);
        }
        int r = 1;
        boolean notSummed = false;
        for (Map<Integer, IndicatorTotal> byYear : rows.values()) {
            IndicatorTotal any = byYear.values().iterator().next();
            boolean rate = any.kind() == IndicatorKind.RATIO || "%".equals(any.unit());
            table.getRow(r).setCantSplitRow(true);
            cell(table.getRow(r).getCell(0), any.name(), false);
            cell(table.getRow(r).getCell(1), any.unit(), false);
            List<BigDecimal> values = new ArrayList<>();
            for (int i = 0; i < years.size(); i++) {
                IndicatorTotal total = byYear.get(years.get(i));
                BigDecimal value = total == null ? null : value(total.total(), total.count(), rate);
                values.add(value);
                cell(table.getRow(r).getCell(2 + i), value == null ? "" : Texts.number(value), false);
            }
            if (range) {
                // Activities add up over the years; a stock or a rate is the last year's, never a sum.
                BigDecimal overRange = any.kind().overRange(values);
                cell(table.getRow(r).getCell(columns - 1), overRange == null ? "" : Texts.number(overRange), true);
                notSummed |= any.kind() != IndicatorKind.ACTIVITY;
            }
            r++;
        }
        if (notSummed) {
            note(texts.get("export.docx.rangeNote"));
        }
        doc.createParagraph();
    }

    private static BigDecimal value(BigDecimal sum, long count, boolean rate) {
        return rate && count > 0 ? sum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP) : sum;
    }

    /** Who did not report: each agency once, with the tasks and years it still owes, on a page of its own. */
    private void appendix(Data data) {
        XWPFParagraph title = doc.createParagraph();
        title.setPageBreak(true);
        title.setAlignment(ParagraphAlignment.CENTER);
        title.setKeepNext(true);
        styled(run(title, texts.get("export.docx.appendix"), BODY), true, false);
        XWPFParagraph subtitle = doc.createParagraph();
        subtitle.setAlignment(ParagraphAlignment.CENTER);
        subtitle.setSpacingAfter(240);
        styled(run(subtitle, texts.get("export.docx.appendixSubject", period(data)), BODY), false, true);
        if (data.missing().isEmpty()) {
            body(texts.get("export.docx.appendixNone"));
            return;
        }
        Map<String, Map<String, Set<Integer>>> byAgency = new LinkedHashMap<>();
        for (ExportQueries.Missing m : data.missing()) {
            byAgency.computeIfAbsent(m.agencyName(), a -> new LinkedHashMap<>())
                    .computeIfAbsent(m.taskCode(), t -> new TreeSet<>()).add(m.year());
        }
        XWPFTable table = doc.createTable(byAgency.size() + 1, 3);
        table.setWidth(TEXT_WIDTH);
        columnWidths(table, new int[]{800, 4000, TEXT_WIDTH - 4800});
        table.getRow(0).setRepeatHeader(true);
        cell(table.getRow(0).getCell(0), texts.get("export.docx.col.number"), true);
        cell(table.getRow(0).getCell(1), texts.get("export.col.agency"), true);
        cell(table.getRow(0).getCell(2), texts.get("export.docx.col.owedTasks"), true);
        int r = 1;
        for (var entry : byAgency.entrySet()) {
            table.getRow(r).setCantSplitRow(true);
            cell(table.getRow(r).getCell(0), String.valueOf(r), false);
            cell(table.getRow(r).getCell(1), entry.getKey(), false);
            List<String> tasks = new ArrayList<>();
            entry.getValue().forEach((code, years) -> tasks.add(data.from() == data.to() ? code
                    : texts.get("export.docx.taskYears", code, String.join(", ", years.stream().map(String::valueOf).toList()))));
            cell(table.getRow(r).getCell(2), String.join("; ", tasks), false);
            r++;
        }
    }

    /**
     * "Nơi nhận" and the signature side by side in one row that never splits, so that the signer's title,
     * the room to sign and the name stay on one page; the closing sentence before it keeps with it.
     */
    private void signature(Data data) {
        XWPFTable table = borderless(2, new int[]{TEXT_WIDTH * 9 / 20, TEXT_WIDTH - TEXT_WIDTH * 9 / 20});
        table.getRow(0).setCantSplitRow(true);
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        XWPFParagraph recipients = left.getParagraphs().get(0);
        recipients.setSpacingBefore(240);
        styled(run(recipients, texts.get("export.docx.recipients"), 12), true, true);
        for (String line : data.issuer().recipients()) {
            run(left.addParagraph(), line, 11);
        }
        XWPFParagraph signFor = right.getParagraphs().get(0);
        signFor.setSpacingBefore(240);
        centered(signFor, texts.get("export.docx.signFor"), BODY, true, false);
        centered(right.addParagraph(), texts.get("export.docx.signTitle"), BODY, true, false);
        centered(right.addParagraph(), texts.get("export.docx.signNote"), BODY, false, true);
        for (int i = 0; i < 3; i++) {
            centered(right.addParagraph(), "", BODY, false, false);
        }
        String name = data.settings().signerName();
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

    private void subheading(String text) {
        XWPFParagraph paragraph = doc.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.BOTH);
        paragraph.setIndentationFirstLine(FIRST_LINE);
        paragraph.setSpacingBefore(60);
        paragraph.setSpacingAfter(60);
        paragraph.setKeepNext(true);
        styled(run(paragraph, text, BODY), true, true);
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
