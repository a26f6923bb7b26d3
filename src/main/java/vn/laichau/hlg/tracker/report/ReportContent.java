package vn.laichau.hlg.tracker.report;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What a reporter types into a report, already checked and parsed.
 *
 * @param budgetPlanned state budget planned
 * @param budgetSpent   state budget spent
 */
record ReportContent(ImplementationStatus implementationStatus, Integer percentComplete, String documentsIssued,
                     String results, String difficulties, String proposals, BigDecimal budgetPlanned,
                     BigDecimal budgetSpent, BigDecimal budgetOtherPlanned, BigDecimal budgetOtherSpent,
                     Map<Long, BigDecimal> indicators) {
}
