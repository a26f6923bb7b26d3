package vn.laichau.hlg.tracker.report;

import java.util.Map;

/**
 * The report form as typed: every number is text here, so that whatever was typed comes back with a
 * message next to it instead of being lost to a conversion error.
 *
 * @param budgetPlanned state budget planned
 * @param budgetSpent   state budget spent
 * @param budgetOtherPlanned other lawful sources planned
 * @param budgetOtherSpent   other lawful sources spent
 * @param indicators indicator id → value as typed
 */
public record ReportForm(Long version, String implementationStatus, String percentComplete, String documentsIssued,
                         String results, String difficulties, String proposals, String budgetPlanned,
                         String budgetSpent, String budgetOtherPlanned, String budgetOtherSpent,
                         Map<String, String> indicators) {

    public ReportForm {
        java.util.Map<String, String> copy = new java.util.LinkedHashMap<>();
        if (indicators != null) {
            indicators.forEach((key, value) -> {
                if (key != null) {
                    copy.put(key, value == null ? "" : value);
                }
            });
        }
        indicators = copy;
    }

    public String indicator(long id) {
        return indicators.getOrDefault(String.valueOf(id), "");
    }
}
