package vn.laichau.hlg.tracker.shared;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every request parameter, whatever reads it (Spring Security, the form binding, a controller), is
 * read through here:
 * <ul>
 * <li>text is cleaned by {@link InputText} (control characters removed, NFC), and a page drawn after
 *     something was removed says so ({@link #CLEANED});</li>
 * <li>a field sent twice is refused with a Vietnamese 400 page, instead of its values being silently
 *     joined with a comma;</li>
 * <li>parameters the server cannot decode (invalid UTF-8, as {@code %C3%28}) get the Vietnamese 400 page:
 *     the error page itself then reads no parameter, which would fail again and leave the server's own page.</li>
 * </ul>
 * Multipart requests are left to be read when the form is bound (an upload that is too large has its
 * own message); a duplicated field in them is refused by {@link #interceptor()} before the controller runs.
 */
final class InputFilter extends OncePerRequestFilter {

    /** Request attribute set when control characters were removed from what was sent. */
    static final String CLEANED = InputFilter.class.getName() + ".cleaned";

    /** Request attribute naming the message key of a refused request, shown by the 400 page. */
    static final String REFUSED = "inputRefused";

    /** The name under which the page shows the warning that something was removed. */
    static final String WARNING = "flashWarning";

    private static final String UNREADABLE = InputFilter.class.getName() + ".unreadable";

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CleanRequest clean = new CleanRequest(request);
        boolean errorPage = request.getDispatcherType() == DispatcherType.ERROR;
        if (errorPage || !isMultipart(request)) {
            try {
                clean.parameters();
            } catch (IllegalStateException unreadable) {
                request.setAttribute(UNREADABLE, Boolean.TRUE);
                clean = new CleanRequest(request);
                if (!errorPage) {
                    request.setAttribute(REFUSED, "input.refused.unreadable");
                    response.sendError(HttpStatus.BAD_REQUEST.value());
                    return;
                }
            }
            if (!errorPage && clean.duplicated()) {
                request.setAttribute(REFUSED, "input.refused.duplicated");
                response.sendError(HttpStatus.BAD_REQUEST.value());
                return;
            }
        }
        chain.doFilter(clean, response);
    }

    static HandlerInterceptor interceptor() {
        return new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (isMultipart(request) && request.getAttribute(UNREADABLE) == null && duplicated(request)) {
                    request.setAttribute(REFUSED, "input.refused.duplicated");
                    throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
                }
                return true;
            }

            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                                   ModelAndView view) {
                if (view == null || request.getAttribute(CLEANED) == null) {
                    return;
                }
                if (view.getViewName() != null && view.getViewName().startsWith("redirect:")) {
                    RequestContextUtils.getOutputFlashMap(request).put(WARNING, "input.cleaned");
                } else {
                    view.addObject(WARNING, "input.cleaned");
                }
            }
        };
    }

    private static boolean duplicated(HttpServletRequest request) {
        try {
            return request.getParameterMap().values().stream().anyMatch(values -> values.length > 1);
        } catch (IllegalStateException unreadable) {
            return false;
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    /** The request with its parameters cleaned, read once; none at all when they could not be decoded. */
    private static final class CleanRequest extends HttpServletRequestWrapper {

        private Map<String, String[]> parameters;
        private boolean duplicated;

        CleanRequest(HttpServletRequest request) {
            super(request);
        }

        Map<String, String[]> parameters() {
            if (parameters == null) {
                if (getRequest().getAttribute(UNREADABLE) != null) {
                    parameters = Map.of();
                    return parameters;
                }
                Map<String, String[]> cleaned = new LinkedHashMap<>();
                boolean removed = false;
                for (Map.Entry<String, String[]> entry : super.getParameterMap().entrySet()) {
                    String[] values = entry.getValue().clone();
                    for (int i = 0; i < values.length; i++) {
                        removed |= InputText.hasControl(values[i]);
                        values[i] = InputText.clean(values[i]);
                    }
                    duplicated |= values.length > 1;
                    cleaned.put(InputText.clean(entry.getKey()), values);
                }
                if (removed) {
                    setAttribute(CLEANED, Boolean.TRUE);
                }
                parameters = Collections.unmodifiableMap(cleaned);
            }
            return parameters;
        }

        boolean duplicated() {
            parameters();
            return duplicated;
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters().keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters().get(name);
            return values == null ? null : values.clone();
        }
    }
}
