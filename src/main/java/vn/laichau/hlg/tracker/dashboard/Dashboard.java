package vn.laichau.hlg.tracker.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the dashboard shows for one year and one administrative unit (with the units below it).
 *
 * @param includeSubmitted whether totals (indicators, budget, difficulties) also count submitted reports
 *                         not yet approved; completeness always shows both
 */
public record Dashboard(int year, List<Integer> years, boolean includeSubmitted, LocalDate dueOn, boolean pastDue,
                        UnitRef root, UnitRef parent, List<UnitRef> units, Counts overall, List<GroupRow> groups,
                        List<CountRow> byUnit, List<CountRow> byKind, Matrix matrix, Indicators indicators,
                        List<Participation> participation, Budget budget, Issues issues, Grid grid) {

    /** An administrative unit as a choice or a row heading. */
    public record UnitRef(long id, String code, String name) {
    }

    /**
     * Completeness and timeliness of a set of obligations.
     *
     * @param submitted reports handed in and not sent back (submitted or approved)
     * @param onTime    of those, first submitted on or before the due date
     * @param late      of those, first submitted after the due date
     * @param overdue   owed, not handed in, and the due date has passed
     */
    public record Counts(long owed, long submitted, long approved, long onTime, long late, long overdue) {

        public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0);

        public long missing() {
            return owed - submitted;
        }

        public int submittedPercent() {
            return percent(submitted);
        }

        public int approvedPercent() {
            return percent(approved);
        }

        private int percent(long part) {
            return owed == 0 ? 0 : (int) Math.round(100.0 * part / owed);
        }
    }

    public record CountRow(long id, String code, String label, Counts counts) {
    }

    public record TaskRef(long id, String code, String title, String groupCode) {
    }

    public record TaskRow(TaskRef task, Counts counts) {
    }

    public record GroupRow(String code, String title, Counts counts, List<TaskRow> tasks) {
    }

    /** The state of one agency's obligation for one task, as a matrix cell shows it in words. */
    public enum CellState {
        NONE, MISSING, DRAFT, SUBMITTED, RETURNED, APPROVED;

        public boolean handedIn() {
            return this == SUBMITTED || this == APPROVED;
        }
    }

    public record Cell(CellState state, Long reportId, boolean overdue, boolean late) {

        public static final Cell NONE = new Cell(CellState.NONE, null, false, false);

        /** The style of the cell; colour always doubles what the cell's words say. */
        public String css() {
            return "cell cell-" + state.name().toLowerCase() + (overdue ? " cell-overdue" : "");
        }

        /** Marks after the status word, explained in the legend: "*" submitted late, "!" overdue. */
        public String marks() {
            return (late ? "*" : "") + (overdue ? " !" : "");
        }
    }

    public record MatrixRow(long agencyId, String agencyName, String unitName, String kindName, List<Cell> cells) {
    }

    /** One page of agencies × every task. */
    public record Matrix(List<TaskRef> tasks, List<MatrixRow> rows, int page, int pageCount, long agencyCount) {
    }

    /**
     * One indicator's totals.
     *
     * @param byYear  totals for each of {@link Indicators#years()}; null where nothing was reported
     * @param byUnit  totals of the dashboard's year for each of {@link Dashboard#units()}
     */
    public record IndicatorRow(long id, String code, String name, String unit, String memberCategory,
                               IndicatorKind kind, List<BigDecimal> byYear, List<BigDecimal> byUnit) {

        public BigDecimal current() {
            return byYear.isEmpty() ? null : byYear.get(byYear.size() - 1);
        }
    }

    public record Indicators(List<Integer> years, List<IndicatorRow> rows) {
    }

    /**
     * A participation target against what was reported: the head count taking part over the category's
     * total (the indicator whose code ends in {@code _TOTAL}), both summed over the same agencies, those
     * that gave both numbers ({@code agencies} of {@code expected}); or the average of the reported
     * percentages where the indicator is a rate (then the counts of agencies are null). {@code met} is
     * null when neither can be computed.
     *
     * @param associations whether every agency counted is a Lawyers' Association (said so in words)
     */
    public record Participation(String memberCategory, String indicatorName, String unit, BigDecimal reported,
                                BigDecimal total, BigDecimal percent, BigDecimal minPercent, BigDecimal maxPercent,
                                Boolean met, Long agencies, Long expected, boolean associations) {
    }

    /** A task's budget: the state budget and the other lawful sources, planned and spent. */
    public record BudgetRow(TaskRef task, BigDecimal statePlanned, BigDecimal stateSpent, BigDecimal otherPlanned,
                            BigDecimal otherSpent) {

        /** Planned from every source. */
        public BigDecimal planned() {
            return statePlanned.add(otherPlanned);
        }

        /** Spent from every source. */
        public BigDecimal spent() {
            return stateSpent.add(otherSpent);
        }
    }

    /** The budget of the counted reports by source, and per task. */
    public record Budget(BigDecimal statePlanned, BigDecimal stateSpent, BigDecimal otherPlanned, BigDecimal otherSpent,
                         List<BudgetRow> byTask) {

        /** Planned from every source. */
        public BigDecimal planned() {
            return statePlanned.add(otherPlanned);
        }

        /** Spent from every source. */
        public BigDecimal spent() {
            return stateSpent.add(otherSpent);
        }
    }

    public record Issue(long reportId, String agencyName, String taskCode, String status, String difficulties,
                        String proposals) {

        public boolean submittedOnly() {
            return "SUBMITTED".equals(status);
        }
    }

    public record Issues(List<Issue> items, long total) {
    }

    public record GridCell(long owed, long done) {
    }

    public record GridRow(TaskRef task, List<GridCell> cells) {
    }

    /** The 2024–2030 grid: per task and year, obligations and reports counted as done. */
    public record Grid(List<Integer> years, List<GridRow> rows) {
    }
}
