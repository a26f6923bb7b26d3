package vn.laichau.hlg.tracker.shared.web;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * One option of a select drawn by {@code fragments/forms :: select}: the value sent, and either a text
 * shown as it is (a name from the database) or a message key.
 */
public record Choice(String value, String label, String labelKey) {

    /** An option showing a text as it is, such as an agency's name. */
    public static Choice of(Object value, String label) {
        return new Choice(String.valueOf(value), label, null);
    }

    /** An option showing a message, such as a role's name. */
    public static Choice keyed(Object value, String labelKey) {
        return new Choice(String.valueOf(value), null, labelKey);
    }

    /** The options for some items, each with its value and shown text. */
    public static <T> List<Choice> all(Collection<T> items, Function<T, ?> value, Function<T, String> label) {
        return items.stream().map(item -> of(value.apply(item), label.apply(item))).toList();
    }
}
