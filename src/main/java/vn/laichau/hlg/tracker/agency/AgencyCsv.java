package vn.laichau.hlg.tracker.agency;

import vn.laichau.hlg.tracker.agency.AgencyViews.Problem;
import vn.laichau.hlg.tracker.shared.CsvRows;

import java.util.List;
import java.util.Map;

/**
 * Reads an agency import file with {@link CsvRows}: a header row with the documented Vietnamese column
 * names in any order.
 */
final class AgencyCsv {

    static final String CODE = "ma";
    static final String NAME = "ten";
    static final String KIND = "loai";
    static final String UNIT = "ma_don_vi_hanh_chinh";
    static final String OPENED_ON = "ngay_bat_dau";
    static final List<String> HEADERS = List.of(CODE, NAME, KIND, UNIT, OPENED_ON);
    static final int MAX_ROWS = 2000;

    /** A data row: its line in the file (the header is line 1; empty lines count) and its values by column name. */
    record RawRow(long line, Map<String, String> values) {

        String get(String column) {
            return values.getOrDefault(column, "");
        }
    }

    record Parsed(List<Problem> fileProblems, List<RawRow> rows) {
    }

    private AgencyCsv() {
    }

    static Parsed parse(byte[] content) {
        CsvRows.Parsed parsed = CsvRows.parse(content, HEADERS, MAX_ROWS, "admin.agencies.import.error.");
        return new Parsed(
                parsed.fileProblems().stream().map(p -> new Problem(p.key(), p.argument())).toList(),
                parsed.rows().stream().map(row -> new RawRow(row.line(), row.values())).toList());
    }
}
