package vn.laichau.hlg.tracker.shared;

import java.text.Normalizer;

/**
 * What every text typed or imported goes through on the way in: control characters removed (NUL,
 * which PostgreSQL cannot store, and the other C0 and C1 controls; tab, line feed and carriage return
 * stay, so that multi-line text keeps its lines), and Vietnamese composed to NFC, so that "ệ" typed on
 * a keyboard that decomposes it is stored, compared and searched as the same letter as everywhere else.
 */
public final class InputText {

    private InputText() {
    }

    /** The text cleaned, or {@code null} for {@code null}. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String kept = hasControl(text) ? removeControls(text) : text;
        return Normalizer.isNormalized(kept, Normalizer.Form.NFC) ? kept : Normalizer.normalize(kept, Normalizer.Form.NFC);
    }

    /** Whether {@link #clean} removes something from the text (normalisation alone does not count). */
    public static boolean hasControl(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (isRemoved(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** At most {@code length} characters (UTF-16 units, as {@code varchar(n)} counts outside surrogates). */
    public static String truncate(String text, int length) {
        if (text == null || text.length() <= length) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, end);
    }

    private static String removeControls(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isRemoved(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    private static boolean isRemoved(char c) {
        return Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r';
    }
}
