package vn.laichau.hlg.tracker.export.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.laichau.hlg.tracker.export.ExportService;
import vn.laichau.hlg.tracker.shared.CurrentUser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Downloads. Each file is built in full before the first byte is sent, so that a refused scope or an
 * unknown year still gives a clean error page rather than half a file.
 */
@Controller
class ExportController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final ExportService exports;

    ExportController(ExportService exports) {
        this.exports = exports;
    }

    @GetMapping("/exports/dashboard.xlsx")
    void dashboard(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                   @RequestParam(required = false) Long unit, @RequestParam(required = false) String include,
                   Locale locale, HttpServletResponse response) throws IOException {
        int y = year == null ? exports.currentYear() : year;
        var out = new ByteArrayOutputStream();
        exports.dashboardXlsx(user, y, unit, "submitted".equals(include), locale, out);
        send(response, out, XLSX, "bang-theo-doi-" + y + ".xlsx");
    }

    @GetMapping("/exports/reports.csv")
    void reports(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                 @RequestParam(required = false) Long unit, Locale locale, HttpServletResponse response) throws IOException {
        int y = year == null ? exports.currentYear() : year;
        var out = new ByteArrayOutputStream();
        exports.reportsCsv(user, y, unit, locale, out);
        send(response, out, "text/csv;charset=UTF-8", "bao-cao-" + y + ".csv");
    }

    @GetMapping("/exports/consolidated.docx")
    void consolidated(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                      @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to,
                      @RequestParam(required = false) Long unit, Locale locale, HttpServletResponse response)
            throws IOException {
        int first = from != null ? from : (year != null ? year : exports.currentYear());
        int last = to != null ? to : (from != null ? first : first);
        var out = new ByteArrayOutputStream();
        exports.consolidatedDocx(user, first, last, unit, locale, out);
        String name = first == last ? "bao-cao-tong-hop-" + first + ".docx"
                : first == ExportService.FIRST_YEAR && last == ExportService.INTERIM_YEAR ? "bao-cao-so-ket-" + first + "-" + last + ".docx"
                : first == ExportService.FIRST_YEAR && last == ExportService.LAST_YEAR ? "bao-cao-tong-ket-" + first + "-" + last + ".docx"
                : "bao-cao-tong-hop-" + first + "-" + last + ".docx";
        send(response, out, DOCX, name);
    }

    static void send(HttpServletResponse response, ByteArrayOutputStream out, String type, String name)
            throws IOException {
        response.setContentType(type);
        response.setContentLength(out.size());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        out.writeTo(response.getOutputStream());
    }
}
