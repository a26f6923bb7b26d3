package vn.laichau.hlg.tracker.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The one answer to a stale edit: 409 and the page with both versions (see {@link StaleEditException}). */
@ControllerAdvice
class StaleEditAdvice {

    /** Parameters that are not the user's input: the token is the page's own, the version is the current one. */
    private static final Set<String> NOT_INPUT = Set.of("_csrf", "version");

    @ExceptionHandler(StaleEditException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ModelAndView stale(StaleEditException stale, HttpServletRequest request) {
        // The values exactly as posted, so that "save mine" posts the same form again over the current version.
        Map<String, String> typed = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!NOT_INPUT.contains(name) && values.length > 0) {
                typed.put(name, values[0]);
            }
        });
        ModelAndView page = new ModelAndView("error/409");
        page.addObject("stale", stale);
        page.addObject("typed", typed);
        return page;
    }
}
