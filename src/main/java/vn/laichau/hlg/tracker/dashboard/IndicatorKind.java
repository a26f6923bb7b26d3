package vn.laichau.hlg.tracker.dashboard;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an indicator's numbers mean when they are added up (migration V70).
 * <ul>
 *     <li>{@link #ACTIVITY}: done in the year; summed over agencies and over years.</li>
 *     <li>{@link #STOCK}: standing at the end of the year (members, centres working); summed over agencies
 *         within one year, each agency once; over a range of years, the last year's value.</li>
 *     <li>{@link #RATIO}: a rate; never summed: the mean of the reports that gave one, or computed from its
 *         parts where they are reported.</li>
 * </ul>
 */
public enum IndicatorKind {
    ACTIVITY, STOCK, RATIO;

    /** The value over a range of years, from the value of each year in order (nulls where none). */
    public BigDecimal overRange(List<BigDecimal> byYear) {
        BigDecimal result = null;
        for (BigDecimal value : byYear) {
            if (value == null) {
                continue;
            }
            result = this == ACTIVITY ? (result == null ? value : result.add(value)) : value;
        }
        return result;
    }
}
