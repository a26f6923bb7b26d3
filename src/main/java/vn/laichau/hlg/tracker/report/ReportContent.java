package vn.laichau.hlg.tracker.report;

import java.math.BigDecimal;
import java.util.Map;

/** What a reporter types into a report, already checked and parsed. */
record ReportContent(ImplementationStatus implementationStatus, Integer percentComplete, String results,
                     String difficulties, String proposals, BigDecimal budgetPlanned, BigDecimal budgetSpent,
                     Map<Long, BigDecimal> indicators) {
}
