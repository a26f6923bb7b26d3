package vn.laichau.hlg.tracker.shared;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

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
 * Reads the rows of an import file, as every CSV import of the application does: UTF-8 (with or without a
 * byte order mark), a header row naming the columns in any order (other columns are ignored), commas or
 * (as spreadsheets set to Vietnamese save them) semicolons between fields, at most a given number of data
 * rows; blank rows are skipped. The text is cleaned as typed text is ({@link InputText}).
 *
 * <p>Problems of the file as a whole are message keys made of the caller's prefix and one of
 * {@code notUtf8}, {@code empty}, {@code missingColumns} (argument: the missing names), {@code tooManyRows}
 * (argument: the limit), {@code unreadable}, {@code noRows}.
 */
public final class CsvRows {

    /** A problem to show: a message key and its one argument (may be null). */
    public record Problem(String key, String argument) {

        public static Problem of(String key) {
            return new Problem(key, null);
        }
    }

    /** A data row: its line in the file (the header is line 1; empty lines count) and its values by column name. */
    public record Row(long line, Map<String, String> values) {

        public String get(String column) {
            return values.getOrDefault(column, "");
        }
    }

    /** The problems of the file as a whole (then no rows), or its rows. */
    public record Parsed(List<Problem> fileProblems, List<Row> rows) {
    }

    private CsvRows() {
    }

    public static Parsed parse(byte[] content, List<String> headers, int maxRows, String keyPrefix) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return new Parsed(List.of(Problem.of(keyPrefix + "notUtf8")), List.of());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        // The same cleaning as typed text: no control characters (NUL cannot be stored), Vietnamese in NFC.
        text = InputText.clean(text);
        if (text.isBlank()) {
            return new Parsed(List.of(Problem.of(keyPrefix + "empty")), List.of());
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .setTrim(true)
                .get();
        List<Problem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, Integer> columns = null;
            for (CSVRecord record : parser) {
                if (columns == null) {
                    Map<String, Integer> found = header(record);
                    columns = found;
                    List<String> missing = headers.stream().filter(name -> !found.containsKey(name)).toList();
                    if (!missing.isEmpty()) {
                        problems.add(new Problem(keyPrefix + "missingColumns", String.join(", ", missing)));
                        return new Parsed(problems, List.of());
                    }
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                boolean blank = true;
                for (String name : headers) {
                    int index = columns.get(name);
                    String value = index < record.size() ? record.get(index).strip() : "";
                    blank &= value.isEmpty();
                    values.put(name, value);
                }
                if (blank) {
                    continue;
                }
                if (rows.size() == maxRows) {
                    problems.add(new Problem(keyPrefix + "tooManyRows", String.valueOf(maxRows)));
                    break;
                }
                rows.add(new Row(record.getRecordNumber(), values));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | UncheckedIOException e) {
            // Commons CSV reports a broken quote this way: the file as a whole cannot be read.
            return new Parsed(List.of(Problem.of(keyPrefix + "unreadable")), List.of());
        }
        if (problems.isEmpty() && rows.isEmpty()) {
            problems.add(Problem.of(keyPrefix + "noRows"));
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
