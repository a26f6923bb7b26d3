package vn.laichau.hlg.tracker.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.laichau.hlg.tracker.export.ExportQueries.ReportLine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The reports of the year as CSV for Excel set to Vietnamese: UTF-8 with a byte order mark, so that
 * Excel shows Vietnamese correctly, and fields separated by semicolons, because Excel splits a CSV at
 * the regional list separator, which is the semicolon where the decimal separator is the comma (as in
 * Vietnamese settings); dates as dd/MM/yyyy; amounts as plain whole numbers, so that they stay numbers; text that
 * would start a formula is escaped.
 */
final class CsvExport {

    /** Excel's own CSV dialect with the list separator of Vietnamese regional settings. */
    static final CSVFormat FORMAT = CSVFormat.EXCEL.builder().setDelimiter(';').get();

    private final Texts texts;

    CsvExport(Texts texts) {
        this.texts = texts;
    }

    void write(Consumer<Consumer<ReportLine>> reportLines, OutputStream out) throws IOException {
        var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write('\uFEFF');
        List<String> headings = new ArrayList<>();
        headings.add(texts.get("export.col.agencyCode"));
        headings.addAll(XlsxExport.reportHeadings(texts));
        CSVPrinter printer = new CSVPrinter(writer, FORMAT.builder().setHeader(headings.toArray(String[]::new)).get());
        try {
            reportLines.accept(line -> {
                List<Object> values = XlsxExport.reportValues(texts, line).stream().map(CsvExport::cell).toList();
                try {
                    printer.printRecord(values);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        printer.flush();
    }

    private static Object cell(Object value) {
        if (value instanceof LocalDate day) {
            return Texts.date(day);
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof String text) {
            return escapeFormula(text);
        }
        return value == null ? "" : value;
    }

    /**
     * Text that a spreadsheet would read as a formula (starting with {@code = + - @}, a tab or a carriage
     * return) gets a leading apostrophe, as OWASP advises against CSV injection; Excel shows the text as
     * typed. Numbers and dates are written by this class and never start that way.
     */
    static String escapeFormula(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
