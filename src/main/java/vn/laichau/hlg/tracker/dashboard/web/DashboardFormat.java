package vn.laichau.hlg.tracker.dashboard.web;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/** Numbers the Vietnamese way in templates: 1.234.567 and 12,5. */
@Component("dashboardFormat")
public class DashboardFormat {

    public String number(Number value) {
        if (value == null) {
            return "";
        }
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        DecimalFormat format = new DecimalFormat("#,##0.##", symbols);
        return format.format(value instanceof BigDecimal decimal ? decimal : value);
    }

    /** The value as a plain number for a chart's data attribute (dot decimal, no grouping). */
    public String raw(BigDecimal value) {
        return value == null ? "0" : value.toPlainString();
    }
}
