package vn.laichau.hlg.tracker.shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/** A day as people type it (dd/mm/yyyy, also without leading zeros) or as a date field sends it (yyyy-mm-dd). */
public final class Days {

    private static final List<DateTimeFormatter> FORMATS = List.of(
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT));

    private Days() {
    }

    /** The day, or null when the text is blank or no such day. */
    public static LocalDate parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (DateTimeFormatter format : FORMATS) {
            try {
                return LocalDate.parse(text.strip(), format);
            } catch (DateTimeParseException notThisFormat) {
                // try the next one
            }
        }
        return null;
    }
}
