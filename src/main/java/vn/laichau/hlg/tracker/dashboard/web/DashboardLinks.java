package vn.laichau.hlg.tracker.dashboard.web;

/**
 * The dashboard's links, written as plain strings. A link built with Thymeleaf's {@code @{…}} first goes
 * through the static-resource lookup, which for a path that is not a file searches every jar of the
 * application; a few dozen of those cost more than the rest of the page.
 */
public record DashboardLinks(String base, int year, Long unit, boolean includeSubmitted) {

    public String dashboard() {
        return base + "/dashboard";
    }

    public String unit(long unitId) {
        return base + "/dashboard?year=" + year + "&unit=" + unitId + (includeSubmitted ? "&include=submitted" : "");
    }

    public String page(int page) {
        return base + "/dashboard?year=" + year + unitParam() + (includeSubmitted ? "&include=submitted" : "")
                + "&page=" + page + "#matrix";
    }

    public String xlsx() {
        return base + "/exports/dashboard.xlsx?year=" + year + unitParam() + (includeSubmitted ? "&include=submitted" : "");
    }

    public String csv() {
        return base + "/exports/reports.csv?year=" + year + unitParam();
    }

    public String docx() {
        return base + "/exports/consolidated.docx?year=" + year + unitParam();
    }

    public String interim() {
        return base + "/exports/consolidated.docx?from=2024&to=2026" + unitParam();
    }

    public String finalReview() {
        return base + "/exports/consolidated.docx?from=2024&to=2030" + unitParam();
    }

    private String unitParam() {
        return unit == null ? "" : "&unit=" + unit;
    }
}
