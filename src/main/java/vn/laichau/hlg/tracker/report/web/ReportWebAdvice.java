package vn.laichau.hlg.tracker.report.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An upload larger than the server accepts never reaches the controller: send the person back to the
 * form with a message next to the file field instead of an error page (their typed text is kept by the
 * browser's draft, see {@code report-draft.js}).
 */
@ControllerAdvice
class ReportWebAdvice {

    private static final Pattern REPORT = Pattern.compile("^/reports/(\\d+)/");

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request) {
        RequestContextUtils.getOutputFlashMap(request).put("fileError", "report.attachment.error.tooLarge");
        Matcher matcher = REPORT.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        return matcher.find() ? "redirect:/reports/" + matcher.group(1) + "/edit" : "redirect:/reports";
    }
}
