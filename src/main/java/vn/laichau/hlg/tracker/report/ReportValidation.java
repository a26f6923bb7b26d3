package vn.laichau.hlg.tracker.report;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks and parses what was typed. A draft may be incomplete but never wrong (no negative or
 * impossible numbers); a report to submit must also be complete.
 */
final class ReportValidation {

    /** No single task of a province's agency spends anything near this; a typo with extra zeros does. */
    static final BigDecimal BUDGET_LIMIT = new BigDecimal("50000000000");
    static final BigDecimal INDICATOR_LIMIT = new BigDecimal("10000000");
    static final int TEXT_LIMIT = 20_000;

    /** Whole numbers, with or without dots or spaces between thousands (1.234.567 or 1234567). */
    private static final Pattern WHOLE = Pattern.compile("-?(\\d{1,3}(\\.\\d{3})+|\\d+)");

    /** The outcome: field → message key for each problem, and the parsed content when there is none. */
    record Result(Map<String, String> errors, ReportContent content) {

        boolean valid() {
            return errors.isEmpty();
        }
    }

    private ReportValidation() {
    }

    static Result check(ReportForm form, ReportKind kind, Collection<Long> taskIndicatorIds, boolean forSubmission) {
        Map<String, String> errors = new LinkedHashMap<>();

        ImplementationStatus status = null;
        if (!blank(form.implementationStatus())) {
            try {
                status = ImplementationStatus.valueOf(form.implementationStatus().strip());
            } catch (IllegalArgumentException unknown) {
                errors.put("implementationStatus", "report.form.error.statusInvalid");
            }
        } else if (forSubmission && kind == ReportKind.LEAD) {
            errors.put("implementationStatus", "report.form.error.statusRequired");
        }

        BigDecimal percent = number(form.percentComplete(), "percentComplete", errors, new BigDecimal(100),
                "report.form.error.percentMax");
        if (percent == null && !errors.containsKey("percentComplete") && forSubmission && kind == ReportKind.LEAD
                && status != ImplementationStatus.NOT_APPLICABLE) {
            errors.put("percentComplete", "report.form.error.percentRequired");
        }
        if (percent != null && forSubmission && status == ImplementationStatus.COMPLETED && percent.intValue() != 100) {
            errors.put("percentComplete", "report.form.error.completedNeeds100");
        }

        text(form.documentsIssued(), "documentsIssued", errors);
        text(form.results(), "results", errors);
        text(form.difficulties(), "difficulties", errors);
        text(form.proposals(), "proposals", errors);
        if (forSubmission && blank(form.results()) && !errors.containsKey("results")) {
            errors.put("results", "report.form.error.resultsRequired");
        }

        BigDecimal planned = number(form.budgetPlanned(), "budgetPlanned", errors, BUDGET_LIMIT,
                "report.form.error.budgetTooLarge");
        BigDecimal spent = number(form.budgetSpent(), "budgetSpent", errors, BUDGET_LIMIT,
                "report.form.error.budgetTooLarge");
        BigDecimal otherPlanned = number(form.budgetOtherPlanned(), "budgetOtherPlanned", errors, BUDGET_LIMIT,
                "report.form.error.budgetTooLarge");
        BigDecimal otherSpent = number(form.budgetOtherSpent(), "budgetOtherSpent", errors, BUDGET_LIMIT,
                "report.form.error.budgetTooLarge");

        Map<Long, BigDecimal> indicators = new LinkedHashMap<>();
        for (Long id : taskIndicatorIds) {
            BigDecimal value = number(form.indicator(id), "indicator-" + id, errors, INDICATOR_LIMIT,
                    "report.form.error.indicatorTooLarge");
            if (value != null) {
                indicators.put(id, value);
            }
        }

        if (!errors.isEmpty()) {
            return new Result(errors, null);
        }
        return new Result(Map.of(), new ReportContent(status, percent == null ? null : percent.intValue(),
                form.documentsIssued(), form.results(), form.difficulties(), form.proposals(), planned, spent,
                otherPlanned, otherSpent, indicators));
    }

    private static BigDecimal number(String typed, String field, Map<String, String> errors, BigDecimal limit,
                                     String tooLargeKey) {
        if (blank(typed)) {
            return null;
        }
        String compact = typed.strip().replace(" ", "").replace("\u00a0", "");
        if (!WHOLE.matcher(compact).matches()) {
            errors.put(field, "report.form.error.notNumber");
            return null;
        }
        BigDecimal value = new BigDecimal(compact.replace(".", ""));
        if (value.signum() < 0) {
            errors.put(field, "report.form.error.negative");
            return null;
        }
        if (value.compareTo(limit) > 0) {
            errors.put(field, tooLargeKey);
            return null;
        }
        return value;
    }

    private static void text(String typed, String field, Map<String, String> errors) {
        if (typed != null && typed.length() > TEXT_LIMIT) {
            errors.put(field, "report.form.error.tooLong");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
