package vn.laichau.hlg.tracker.shared;

import org.springframework.format.Formatter;

import java.text.ParseException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Every day a form sends or a page prints, whatever the browser's language: read with {@link Days#parse}
 * (dd/mm/yyyy, also yyyy-mm-dd), written as dd/mm/yyyy.
 */
final class DayFormatter implements Formatter<LocalDate> {

    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Override
    public LocalDate parse(String text, Locale locale) throws ParseException {
        LocalDate day = Days.parse(text);
        if (day == null) {
            throw new ParseException(text, 0);
        }
        return day;
    }

    @Override
    public String print(LocalDate day, Locale locale) {
        return PRINTED.format(day);
    }
}
