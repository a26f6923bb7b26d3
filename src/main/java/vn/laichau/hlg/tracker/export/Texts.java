package vn.laichau.hlg.tracker.export;

import org.springframework.context.MessageSource;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Words from the message files and numbers and dates the Vietnamese way (1.234.567; 14/12/2025). */
final class Texts {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final MessageSource messages;
    private final Locale locale;

    Texts(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    String get(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    String status(String status) {
        return get("dashboard.cell." + (status == null ? "MISSING" : status) + ".long");
    }

    String implementation(String status) {
        return status == null ? "" : get("export.implementation." + status);
    }

    static String number(BigDecimal value) {
        if (value == null) {
            return "";
        }
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        return new DecimalFormat("#,##0.##", symbols).format(value);
    }

    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }
}
