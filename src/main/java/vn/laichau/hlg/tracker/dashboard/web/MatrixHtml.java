package vn.laichau.hlg.tracker.dashboard.web;

import org.springframework.web.util.HtmlUtils;
import vn.laichau.hlg.tracker.dashboard.Dashboard.Cell;
import vn.laichau.hlg.tracker.dashboard.Dashboard.Matrix;
import vn.laichau.hlg.tracker.dashboard.Dashboard.MatrixRow;

import java.util.Map;

/**
 * The rows of the agencies × tasks matrix as HTML. A page holds up to a few thousand cells, and
 * rendering them one template expression at a time took most of the page's time; built here, every
 * text is still escaped and every word still comes from the message files (through {@code labels}).
 */
final class MatrixHtml {

    private MatrixHtml() {
    }

    /**
     * @param agencyBase where an agency's obligations of the year are ({@code …/dashboard/agencies/}), or
     *                   null when the person may not open them: a cell without a report, and the agency's
     *                   name, then link there
     * @param year       the dashboard's year
     */
    static String rows(Matrix matrix, Map<String, String> labels, String reportsBase, String agencyBase, int year) {
        StringBuilder html = new StringBuilder(matrix.rows().size() * matrix.tasks().size() * 80);
        for (MatrixRow row : matrix.rows()) {
            String agencyHref = agencyBase == null ? null : escape(agencyBase + row.agencyId() + "?year=" + year);
            html.append("<tr><th scope=\"row\" class=\"agency-name\">");
            if (agencyHref != null) {
                html.append("<a href=\"").append(agencyHref).append("\">").append(escape(row.agencyName())).append("</a>");
            } else {
                html.append("<span>").append(escape(row.agencyName())).append("</span>");
            }
            html.append("<span class=\"d-block small text-body-secondary\">").append(escape(row.unitName()))
                    .append("</span></th>");
            for (int i = 0; i < row.cells().size(); i++) {
                Cell cell = row.cells().get(i);
                String text = escape(labels.get(cell.state().name()) + cell.marks());
                html.append("<td>");
                if (cell.reportId() != null) {
                    html.append("<a class=\"").append(cell.css()).append("\" href=\"").append(escape(reportsBase))
                            .append(cell.reportId()).append("\">").append(text).append("</a>");
                } else if (agencyHref != null) {
                    html.append("<a class=\"").append(cell.css()).append("\" href=\"").append(agencyHref)
                            .append("#task-").append(escape(matrix.tasks().get(i).code())).append("\">").append(text).append("</a>");
                } else {
                    html.append("<span class=\"").append(cell.css()).append("\">").append(text).append("</span>");
                }
                html.append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.toString();
    }

    /**
     * The same matrix as one card per agency, for narrow screens: the agency's name, then each task's
     * code beside its cell, so that nothing has to scroll sideways.
     */
    static String cards(Matrix matrix, Map<String, String> labels, String reportsBase, String agencyBase, int year) {
        StringBuilder html = new StringBuilder(matrix.rows().size() * matrix.tasks().size() * 100);
        for (MatrixRow row : matrix.rows()) {
            String agencyHref = agencyBase == null ? null : escape(agencyBase + row.agencyId() + "?year=" + year);
            html.append("<div class=\"matrix-card\"><p class=\"matrix-card-name\">");
            if (agencyHref != null) {
                html.append("<a href=\"").append(agencyHref).append("\">").append(escape(row.agencyName())).append("</a>");
            } else {
                html.append(escape(row.agencyName()));
            }
            html.append(" <span class=\"d-block small text-body-secondary\">").append(escape(row.unitName()))
                    .append("</span></p><ul class=\"matrix-card-cells\">");
            for (int i = 0; i < row.cells().size(); i++) {
                Cell cell = row.cells().get(i);
                var task = matrix.tasks().get(i);
                String text = escape(labels.get(cell.state().name()) + cell.marks());
                html.append("<li><abbr class=\"matrix-card-task\" title=\"").append(escape(task.title())).append("\">")
                        .append(escape(task.code())).append("</abbr> ");
                if (cell.reportId() != null) {
                    html.append("<a class=\"").append(cell.css()).append("\" href=\"").append(escape(reportsBase))
                            .append(cell.reportId()).append("\">").append(text).append("</a>");
                } else if (agencyHref != null) {
                    html.append("<a class=\"").append(cell.css()).append("\" href=\"").append(agencyHref)
                            .append("#task-").append(escape(task.code())).append("\">").append(text).append("</a>");
                } else {
                    html.append("<span class=\"").append(cell.css()).append("\">").append(text).append("</span>");
                }
                html.append("</li>");
            }
            html.append("</ul></div>\n");
        }
        return html.toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }
}
