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

    static String rows(Matrix matrix, Map<String, String> labels, String reportsBase) {
        StringBuilder html = new StringBuilder(matrix.rows().size() * matrix.tasks().size() * 80);
        for (MatrixRow row : matrix.rows()) {
            html.append("<tr><th scope=\"row\" class=\"agency-name\"><span>").append(escape(row.agencyName()))
                    .append("</span><span class=\"d-block small text-body-secondary\">").append(escape(row.unitName()))
                    .append("</span></th>");
            for (Cell cell : row.cells()) {
                String text = escape(labels.get(cell.state().name()) + cell.marks());
                html.append("<td>");
                if (cell.reportId() != null) {
                    html.append("<a class=\"").append(cell.css()).append("\" href=\"").append(escape(reportsBase))
                            .append(cell.reportId()).append("\">").append(text).append("</a>");
                } else {
                    html.append("<span class=\"").append(cell.css()).append("\">").append(text).append("</span>");
                }
                html.append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }
}
