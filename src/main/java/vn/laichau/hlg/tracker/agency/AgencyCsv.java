package vn.laichau.hlg.tracker.agency;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.laichau.hlg.tracker.agency.AgencyViews.Problem;
import vn.laichau.hlg.tracker.shared.InputText;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an agency import file: UTF-8 (with or without a byte order mark), a header row with the
 * documented Vietnamese column names in any order, commas or (as spreadsheets set to Vietnamese save
 * them) semicolons between fields.
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
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return new Parsed(List.of(Problem.of("admin.agencies.import.error.notUtf8")), List.of());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        // The same cleaning as typed text: no control characters (NUL cannot be stored), Vietnamese in NFC.
        text = InputText.clean(text);
        if (text.isBlank()) {
            return new Parsed(List.of(Problem.of("admin.agencies.import.error.empty")), List.of());
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .setTrim(true)
                .get();
        List<Problem> problems = new ArrayList<>();
        List<RawRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, Integer> columns = null;
            for (CSVRecord record : parser) {
                if (columns == null) {
                    Map<String, Integer> found = header(record);
                    columns = found;
                    List<String> missing = HEADERS.stream().filter(name -> !found.containsKey(name)).toList();
                    if (!missing.isEmpty()) {
                        problems.add(new Problem("admin.agencies.import.error.missingColumns", String.join(", ", missing)));
                        return new Parsed(problems, List.of());
                    }
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                boolean blank = true;
                for (String name : HEADERS) {
                    int index = columns.get(name);
                    String value = index < record.size() ? record.get(index).strip() : "";
                    blank &= value.isEmpty();
                    values.put(name, value);
                }
                if (blank) {
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    problems.add(new Problem("admin.agencies.import.error.tooManyRows", String.valueOf(MAX_ROWS)));
                    break;
                }
                rows.add(new RawRow(record.getRecordNumber(), values));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | UncheckedIOException e) {
            // Commons CSV reports a broken quote this way: the file as a whole cannot be read.
            return new Parsed(List.of(Problem.of("admin.agencies.import.error.unreadable")), List.of());
        }
        if (problems.isEmpty() && rows.isEmpty()) {
            problems.add(Problem.of("admin.agencies.import.error.noRows"));
        }
        return new Parsed(problems, rows);
    }

    private static Map<String, Integer> header(CSVRecord record) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < record.size(); i++) {
            columns.putIfAbsent(record.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        return columns;
    }
}
