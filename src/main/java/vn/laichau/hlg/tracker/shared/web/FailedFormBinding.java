package vn.laichau.hlg.tracker.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.ui.ModelMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * When a form record cannot even be constructed (a number field holding letters, a date typed as
 * 14/12/2025 on a phone without a date picker, a field missing from a hand-made request), Spring leaves
 * the form {@code null} beside the binding errors, and the page could not be drawn again. This puts back
 * a form built from what was typed — text fields as they were, other fields where they convert — so
 * that every such request returns the form with the input and a message at the field, never an error page.
 */
public final class FailedFormBinding implements HandlerInterceptor {

    private final ConversionService conversion = new DefaultFormattingConversionService();

    private FailedFormBinding() {
    }

    public static HandlerInterceptor interceptor() {
        return new FailedFormBinding();
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (view == null || !(handler instanceof HandlerMethod method)) {
            return;
        }
        ModelMap model = view.getModelMap();
        for (String key : new ArrayList<>(model.keySet())) {
            if (!key.startsWith(BindingResult.MODEL_KEY_PREFIX)
                    || !(model.get(key) instanceof BindingResult result) || result.getTarget() != null) {
                continue;
            }
            String name = key.substring(BindingResult.MODEL_KEY_PREFIX.length());
            if (model.get(name) == null) {
                Arrays.stream(method.getMethodParameters())
                        .filter(parameter -> isFormNamed(parameter, name) && parameter.getParameterType().isRecord())
                        .findFirst()
                        .ifPresent(parameter -> model.put(name, rebuild(parameter.getParameterType(), request)));
            }
        }
    }

    private static boolean isFormNamed(MethodParameter parameter, String name) {
        ModelAttribute attribute = parameter.getParameterAnnotation(ModelAttribute.class);
        return attribute != null && name.equals(attribute.value().isEmpty() ? attribute.name() : attribute.value());
    }

    private Object rebuild(Class<?> type, HttpServletRequest request) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(types[i], request.getParameter(components[i].getName()));
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private Object value(Class<?> type, String typed) {
        Object converted = null;
        if (typed != null && !typed.isBlank()) {
            try {
                converted = conversion.convert(typed.trim(), type);
            } catch (RuntimeException notConvertible) {
                converted = null;
            }
        }
        if (converted == null && type.isPrimitive()) {
            return type == boolean.class ? Boolean.FALSE : conversion.convert("0", type);
        }
        return converted;
    }
}
