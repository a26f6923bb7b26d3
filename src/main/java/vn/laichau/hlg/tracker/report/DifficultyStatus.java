package vn.laichau.hlg.tracker.report;

/**
 * Where a difficulty or proposal stands on its way to UBND tỉnh: new, collected by the association,
 * forwarded to UBND tỉnh, then answered by a direction or resolved. A status only moves forward.
 */
public enum DifficultyStatus {
    NEW,
    COLLECTED,
    FORWARDED,
    DIRECTED,
    RESOLVED;

    /** Whether the item has been answered, so that an answer must be written. */
    public boolean answered() {
        return this == DIRECTED || this == RESOLVED;
    }

    /** Whether {@code next} is this status or one further along. */
    public boolean mayBecome(DifficultyStatus next) {
        return next.ordinal() >= ordinal();
    }
}
