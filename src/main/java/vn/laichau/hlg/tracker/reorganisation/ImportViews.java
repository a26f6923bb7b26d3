package vn.laichau.hlg.tracker.reorganisation;

import vn.laichau.hlg.tracker.period.ObligationService.NamedObligation;
import vn.laichau.hlg.tracker.shared.CsvRows.Problem;

import java.util.List;

/** What the two bulk imports show before anything is saved, and after. */
public final class ImportViews {

    private ImportViews() {
    }

    /**
     * One data row of an import file as read: its values in the order of the file's documented columns,
     * everything wrong with it, and what applying it does besides (e.g. the agencies closed with a unit).
     */
    public record Row(long line, List<String> cells, List<Problem> problems, List<Problem> effects) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** The obligations of one year that applying the file makes appear and disappear. */
    public record YearChange(int year, List<NamedObligation> appear, List<NamedObligation> disappear) {
    }

    /**
     * What an import file does: every row with its problems, problems of the file as a whole and, for a
     * reorganisation, the obligations that appear and disappear in each year from the effective day on.
     */
    public record Preview(List<String> columns, List<Problem> fileProblems, List<Row> rows, List<YearChange> changes) {

        public boolean saveable() {
            return fileProblems.isEmpty() && !rows.isEmpty() && rows.stream().allMatch(Row::valid);
        }

        public long invalidRowCount() {
            return rows.stream().filter(row -> !row.valid()).count();
        }
    }
}
