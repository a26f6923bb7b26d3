package vn.laichau.hlg.tracker.shared.web;

import java.io.Serial;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Someone else saved the record while this user was editing it, so nothing was saved. Thrown by a
 * controller when its service reports an optimistic-lock failure; {@link StaleEditAdvice} answers every
 * such case the same way: status 409 and one page ({@code error/409}) that shows, field by field,
 * what the user typed beside what is saved now, and lets the user either save their values again over the
 * current version (the same form posted once more, every field as typed) or start again from the current one.
 *
 * <pre>{@code
 * } catch (ObjectOptimisticLockingFailureException stale) {
 *     Details current = agencies.get(id);
 *     throw new StaleEditException("admin.agencies.edit.title", "/admin/agencies/" + id + "/edit", current.version())
 *             .field("admin.agencies.name", form.name(), current.name());
 * }
 * }</pre>
 */
public class StaleEditException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * One field: its label (a message key), the value the user typed and the value saved now, as shown, or
     * as message keys when {@code keys} (a choice such as a role).
     */
    public record Difference(String labelKey, String yours, String current, boolean keys) {
        public boolean differs() {
            return !String.valueOf(yours).equals(String.valueOf(current));
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final String titleKey;
    private final String formPath;
    private final long currentVersion;
    private String reloadPath;
    private final transient List<Difference> differences = new ArrayList<>();

    /**
     * @param titleKey       message key of the form's title (what was being edited)
     * @param formPath       the form's address: its POST saves, its GET shows the current version (unless
     *                       {@link #reloadFrom} says where)
     * @param currentVersion the version saved now, sent with the user's values to save them over it
     */
    public StaleEditException(String titleKey, String formPath, long currentVersion) {
        super(null, null, false, false);
        this.titleKey = titleKey;
        this.formPath = formPath;
        this.currentVersion = currentVersion;
        this.reloadPath = formPath;
    }

    /** Where the current version is shown, when that is not the form's own address (a form within a list page). */
    public StaleEditException reloadFrom(String path) {
        this.reloadPath = path;
        return this;
    }

    /** Adds a field to compare, both values as they are shown (names rather than ids, dates as dd/mm/yyyy). */
    public StaleEditException field(String labelKey, String yours, String current) {
        differences.add(new Difference(labelKey, yours, current, false));
        return this;
    }

    /** Adds a choice to compare, both values as message keys (null when nothing was chosen). */
    public StaleEditException choice(String labelKey, String yoursKey, String currentKey) {
        differences.add(new Difference(labelKey, yoursKey, currentKey, true));
        return this;
    }

    /** Adds a date field to compare, both days as dd/mm/yyyy. */
    public StaleEditException field(String labelKey, LocalDate yours, LocalDate current) {
        return field(labelKey, yours == null ? null : DAY.format(yours), current == null ? null : DAY.format(current));
    }

    public String titleKey() {
        return titleKey;
    }

    public String formPath() {
        return formPath;
    }

    public String reloadPath() {
        return reloadPath;
    }

    public long currentVersion() {
        return currentVersion;
    }

    public List<Difference> differences() {
        return List.copyOf(differences);
    }
}
