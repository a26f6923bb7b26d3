package vn.laichau.hlg.tracker.export;

import vn.laichau.hlg.tracker.dashboard.Dashboard.Participation;
import vn.laichau.hlg.tracker.dashboard.IndicatorKind;
import vn.laichau.hlg.tracker.export.ExportQueries.ApprovedText;
import vn.laichau.hlg.tracker.export.ExportQueries.IndicatorTotal;
import vn.laichau.hlg.tracker.export.ExportQueries.TaskCompleteness;
import vn.laichau.hlg.tracker.export.ExportQueries.TaskLine;
import vn.laichau.hlg.tracker.report.DifficultyKind;
import vn.laichau.hlg.tracker.report.DifficultyStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The consolidated report's text drafted from the data: the opening, sections I–VI and the appendix, each
 * as the text of {@link Section} that a reviewer may edit before it is issued. This is the one place
 * where the report is drafted; whatever feeds a section (the reports' results, difficulties, proposals,
 * budget, documents issued) is read here.
 *
 * <p>The text is plain lines: a line starting with {@code ## } is a sub-heading, a line starting with
 * {@code |} a row of a table (cells between bars; the first row of a table is its heading), a line
 * starting with {@code > } a note in smaller italics, any other line a paragraph. {@link DocxExport}
 * lays the same text out on the page.
 */
final class ConsolidatedDraft {

    private final Texts texts;
    private final Map<Section, StringBuilder> sections = new EnumMap<>(Section.class);
    private StringBuilder out;

    ConsolidatedDraft(Texts texts) {
        this.texts = texts;
    }

    /** Every section's draft, in the order of the report. */
    Map<Section, String> draft(DocxExport.Data data) {
        for (Section section : Section.values()) {
            sections.put(section, new StringBuilder());
        }
        body(data);
        appendix(data);
        Map<Section, String> drafted = new EnumMap<>(Section.class);
        sections.forEach((section, text) -> drafted.put(section, text.toString().strip()));
        return drafted;
    }

    private void to(Section section) {
        out = sections.get(section);
    }

    private void body(DocxExport.Data data) {
        long owed = data.completeness().stream().mapToLong(TaskCompleteness::owed).sum();
        long approved = data.completeness().stream().mapToLong(TaskCompleteness::approved).sum();
        to(Section.OPENING);
        paragraph(texts.get("export.docx.intro", DocxExport.period(texts, data), Issuer.inSentence(data.unitName()),
                data.issuer().association(), data.settings().planNumber(), data.settings().planDate()));

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
        to(Section.DIRECTION);
        paragraph(texts.get("export.docx.summary", owed, approved, data.missing().size()));
        // The documents the agencies issued, each once with who issued it; a line to fill in where none is stated.
        List<Item> documents = items(all, ApprovedText::documentsIssued);
        paragraph(documents.isEmpty() ? texts.get("export.docx.directionDraft") : texts.get("export.docx.documentsIntro"));
        for (Item item : documents) {
            paragraph(texts.get("export.docx.documentItem", item.text(), item.attribution(data)));
        }

        // II. Results per task group and task: each result once, with who reported it.
        to(Section.RESULTS);
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
                paragraph(texts.get("export.docx.notRunning", DocxExport.period(texts, data), timeline));
                continue;
            }
            if (results.isEmpty()) {
                paragraph(taskOwed > 0 ? texts.get("export.docx.noResultsOf", taskOwed) : texts.get("export.docx.noResults"));
            } else {
                withResults++;
                if (taskOwed > 0) {
                    paragraph(texts.get("export.docx.taskCompleteness", c.approved(), taskOwed));
                }
            }
            for (Item item : results) {
                paragraph(texts.get("export.docx.item", item.text(), item.attribution(data)));
            }
            List<IndicatorTotal> taskTotals = totals.get(task.id());
            if (taskTotals != null) {
                indicatorTable(data, taskTotals);
            }
        }
        targets(data);

        // III. Budget.
        to(Section.BUDGET);
        ExportQueries.BudgetTotal budget = data.budget();
        if (budget.reports() == 0) {
            paragraph(texts.get("export.docx.budgetNone"));
        } else {
            paragraph(texts.get("export.docx.budget", Texts.number(budget.planned()), Texts.number(budget.spent()), budget.reports()));
            paragraph(texts.get("export.docx.budgetState", Texts.number(budget.statePlanned()), Texts.number(budget.stateSpent())));
            paragraph(texts.get("export.docx.budgetOther", Texts.number(budget.otherPlanned()), Texts.number(budget.otherSpent())));
        }
        paragraph(texts.get("export.docx.budgetSources"));

        // IV. Overall assessment: strengths from the results, weaknesses and difficulties from the reports.
        to(Section.ASSESSMENT);
        subheading(texts.get("export.docx.strengths"));
        long running = data.tasks().stream().filter(TaskLine::runs).count();
        paragraph(texts.get("export.docx.strengthsDraft", withResults, running));
        List<String> met = data.participation().stream().filter(p -> Boolean.TRUE.equals(p.met()))
                .map(Participation::indicatorName).toList();
        if (!met.isEmpty()) {
            paragraph(texts.get("export.docx.targetsMet", String.join("; ", met)));
        }
        subheading(texts.get("export.docx.weaknesses"));
        if (!data.missing().isEmpty()) {
            paragraph(texts.get("export.docx.missingSummary", data.missing().size()));
        }
        List<String> notMet = data.participation().stream().filter(p -> Boolean.FALSE.equals(p.met()))
                .map(Participation::indicatorName).toList();
        if (!notMet.isEmpty()) {
            paragraph(texts.get("export.docx.targetsNotMet", String.join("; ", notMet)));
        }
        // Difficulties as the items the province follows up: a duplicate merged into another is stated once.
        List<Item> difficulties = issueItems(data, DifficultyKind.DIFFICULTY);
        if (difficulties.isEmpty()) {
            paragraph(texts.get("export.docx.noDifficulties"));
        }
        for (Item item : difficulties) {
            issue(data, item, taskCodes);
        }

        // Proposals addressed to the issuing association itself are not proposed to anyone: it takes them on (V).
        List<Item> proposals = new ArrayList<>();
        List<Item> ownProposals = new ArrayList<>();
        for (Item item : issueItems(data, DifficultyKind.PROPOSAL)) {
            (addressedToIssuer(data, item) ? ownProposals : proposals).add(item);
        }

        // V. What comes next.
        to(Section.OUTLOOK);
        paragraph(data.to() < ExportService.LAST_YEAR ? texts.get("export.docx.outlook", data.to() + 1)
                : texts.get("export.docx.outlookFinal"));
        if (!data.missing().isEmpty()) {
            paragraph(texts.get("export.docx.outlookMissing"));
        }
        if (!ownProposals.isEmpty()) {
            paragraph(texts.get("export.docx.ownProposals"));
            for (Item item : ownProposals) {
                issue(data, item, taskCodes);
            }
        }

        // VI. Proposals: to UBND tỉnh (the agencies' proposals, deduplicated, attributed), to Hội Luật gia Việt Nam.
        to(Section.PROPOSALS);
        boolean province = data.issuer().parent() == null;
        subheading(province ? texts.get("export.docx.toProvince")
                : texts.get("export.docx.toProvince.local", Issuer.inSentence(data.unitName())));
        if (proposals.isEmpty()) {
            paragraph(texts.get("export.docx.noProposals"));
        }
        for (Item item : proposals) {
            issue(data, item, taskCodes);
        }
        if (province) {
            subheading(texts.get("export.docx.toNational"));
            paragraph(texts.get("export.docx.toNationalDraft"));
        }
        paragraph(texts.get("export.docx.closing", DocxExport.period(texts, data), data.issuer().association()));
    }

    /** A difficulty or proposal with who stated it, and the answer once UBND tỉnh has given one. */
    private void issue(DocxExport.Data data, Item item, Map<Long, String> taskCodes) {
        paragraph(texts.get("export.docx.issueItem", item.text(), item.attribution(data), item.tasks(taskCodes)));
        if (item.status != null && item.status.answered() && item.answer != null) {
            paragraph(texts.get("export.docx.itemAnswer", texts.get("DifficultyStatus." + item.status.name()), oneLine(item.answer)));
        }
    }

    /** Whether a proposal names the association that issues the report, which cannot propose to itself. */
    private boolean addressedToIssuer(DocxExport.Data data, Item item) {
        String text = item.text().toLowerCase(Issuer.VIETNAMESE);
        String association = data.issuer().association().toLowerCase(Issuer.VIETNAMESE);
        boolean province = data.issuer().parent() == null;
        return text.contains(association)
                || province && text.contains(texts.get("export.docx.association.short").toLowerCase(Issuer.VIETNAMESE));
    }

    /**
     * The difficulties or proposals as items, in the order of the plan: rows of one item (a duplicate merged
     * into it) or of the same words are stated once, naming every agency and year.
     */
    private List<Item> issueItems(DocxExport.Data data, DifficultyKind kind) {
        Map<String, Item> items = new LinkedHashMap<>();
        for (ExportQueries.IssueItem row : data.issueItems()) {
            if (row.kind() != kind) {
                continue;
            }
            String key = row.text().strip().replaceAll("\\s+", " ").replaceAll("[.;]$", "").toLowerCase(Issuer.VIETNAMESE);
            Item item = items.computeIfAbsent(key, k -> new Item(sentence(row.text())));
            if (item.status == null) {
                item.status = row.status();
                item.answer = row.answer();
            }
            item.agencies.add(row.contribution() ? texts.get("export.docx.coordinating", row.agencyName()) : row.agencyName());
            item.years.add(row.year());
            item.taskIds.add(row.taskId());
        }
        return new ArrayList<>(items.values());
    }

    /** Who did not report: each agency once, with the tasks and years it still owes. */
    private void appendix(DocxExport.Data data) {
        to(Section.APPENDIX);
        if (data.missing().isEmpty()) {
            paragraph(texts.get("export.docx.appendixNone"));
            return;
        }
        Map<String, Map<String, Set<Integer>>> byAgency = new LinkedHashMap<>();
        for (ExportQueries.Missing m : data.missing()) {
            byAgency.computeIfAbsent(m.agencyName(), a -> new LinkedHashMap<>())
                    .computeIfAbsent(m.taskCode(), t -> new TreeSet<>()).add(m.year());
        }
        row(List.of(texts.get("export.docx.col.number"), texts.get("export.col.agency"), texts.get("export.docx.col.owedTasks")));
        int r = 1;
        for (var entry : byAgency.entrySet()) {
            List<String> tasks = new ArrayList<>();
            entry.getValue().forEach((code, years) -> tasks.add(data.from() == data.to() ? code
                    : texts.get("export.docx.taskYears", code, String.join(", ", years.stream().map(String::valueOf).toList()))));
            row(List.of(String.valueOf(r), entry.getKey(), String.join("; ", tasks)));
            r++;
        }
    }

    /** Đề án 129's participation targets in the last year of the report, each with its coverage. */
    private void targets(DocxExport.Data data) {
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
            paragraph(texts.get("export.docx.participation", p.indicatorName(), reported, percent,
                    target.toLowerCase(Issuer.VIETNAMESE), assessment, coverage));
        }
    }

    private void indicatorTable(DocxExport.Data data, List<IndicatorTotal> totals) {
        List<Integer> years = new ArrayList<>();
        for (int y = data.from(); y <= data.to(); y++) {
            years.add(y);
        }
        boolean range = years.size() > 1;
        Map<Long, Map<Integer, IndicatorTotal>> rows = new LinkedHashMap<>();
        totals.forEach(t -> rows.computeIfAbsent(t.indicatorId(), k -> new HashMap<>()).put(t.year(), t));
        List<String> headings = new ArrayList<>(List.of(texts.get("dashboard.col.indicator"), texts.get("dashboard.col.indicatorUnit")));
        years.forEach(y -> headings.add(String.valueOf(y)));
        if (range) {
            headings.add(texts.get("export.docx.col.range"));
        }
        row(headings);
        boolean notSummed = false;
        for (Map<Integer, IndicatorTotal> byYear : rows.values()) {
            IndicatorTotal any = byYear.values().iterator().next();
            boolean rate = any.kind() == IndicatorKind.RATIO || "%".equals(any.unit());
            List<String> cells = new ArrayList<>(List.of(any.name(), any.unit()));
            List<BigDecimal> values = new ArrayList<>();
            for (Integer year : years) {
                IndicatorTotal total = byYear.get(year);
                BigDecimal value = total == null ? null : value(total.total(), total.count(), rate);
                values.add(value);
                cells.add(value == null ? "" : Texts.number(value));
            }
            if (range) {
                // Activities add up over the years; a stock or a rate is the last year's, never a sum.
                BigDecimal overRange = any.kind().overRange(values);
                cells.add(overRange == null ? "" : Texts.number(overRange));
                notSummed |= any.kind() != IndicatorKind.ACTIVITY;
            }
            row(cells);
        }
        out.append('\n');
        if (notSummed) {
            out.append("> ").append(oneLine(texts.get("export.docx.rangeNote"))).append('\n');
        }
    }

    private static BigDecimal value(BigDecimal sum, long count, boolean rate) {
        return rate && count > 0 ? sum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP) : sum;
    }

    private void paragraph(String text) {
        for (String line : text.split("\\R")) {
            String stripped = line.strip();
            if (!stripped.isEmpty()) {
                // A drafted line never reads as a heading, a table row or a note.
                out.append(stripped.startsWith("#") || stripped.startsWith("|") || stripped.startsWith(">")
                        ? stripped.substring(1).strip() : stripped).append('\n');
            }
        }
    }

    private void subheading(String text) {
        out.append("## ").append(oneLine(text)).append('\n');
    }

    private void row(List<String> cells) {
        StringBuilder row = new StringBuilder("|");
        for (String cell : cells) {
            row.append(' ').append(oneLine(cell == null ? "" : cell).replace('|', '/')).append(" |");
        }
        out.append(row).append('\n');
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
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
        private DifficultyStatus status;
        private String answer;

        Item(String text) {
            this.text = text;
        }

        String text() {
            String stripped = text.strip();
            return stripped.endsWith(".") || stripped.endsWith(";") ? stripped.substring(0, stripped.length() - 1) : stripped;
        }

        String attribution(DocxExport.Data data) {
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
    private List<Item> items(List<ApprovedText> texts, Function<ApprovedText, String> field) {
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
}
