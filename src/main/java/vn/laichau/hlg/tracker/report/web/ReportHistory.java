package vn.laichau.hlg.tracker.report.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.laichau.hlg.tracker.report.ImplementationStatus;
import vn.laichau.hlg.tracker.report.ReportViews.HistoryLine;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Arrays;
import java.util.Locale;

/**
 * A history line's field and values in words, as the form shows them: "Đang triển khai" rather than
 * IN_PROGRESS, the indicator's name rather than its number, 36.000.000 đồng rather than 36000000.
 */
@Component("reportHistory")
class ReportHistory {

    private static final String NONE = "—";

    private final MessageSource messages;

    ReportHistory(MessageSource messages) {
        this.messages = messages;
    }

    /** The field's label; an indicator by its name, or by its number when it no longer exists. */
    public String field(HistoryLine line) {
        String field = line.field();
        if (field.startsWith("indicator:")) {
            return line.indicatorName() != null ? line.indicatorName()
                    : message("report.field.indicator", field.substring("indicator:".length()));
        }
        return messages.getMessage("report.field." + field, null, field, LocaleContextHolder.getLocale());
    }

    /** One of the line's values, formatted for its field. */
    public String value(HistoryLine line, String raw) {
        if (raw == null || raw.isBlank()) {
            return NONE;
        }
        String field = line.field();
        return switch (field) {
            case "implementationStatus" -> Arrays.stream(ImplementationStatus.values())
                    .filter(s -> s.name().equals(raw)).findFirst()
                    .map(s -> message("ImplementationStatus." + s.name())).orElse(raw);
            case "percentComplete" -> number(raw).map(n -> message("report.field.percentValue", n)).orElse(raw);
            case "budgetPlanned", "budgetSpent", "budgetOtherPlanned", "budgetOtherSpent" -> number(raw).map(n -> message("report.history.money", n)).orElse(raw);
            default -> field.startsWith("indicator:") ? number(raw).orElse(raw) : raw;
        };
    }

    /** A number with the dot between thousands and the comma before decimals: 1.234.567,5. */
    private static java.util.Optional<String> number(String raw) {
        try {
            BigDecimal value = new BigDecimal(raw.strip());
            DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi-VN")));
            return java.util.Optional.of(format.format(value));
        } catch (NumberFormatException notANumber) {
            return java.util.Optional.empty();
        }
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
