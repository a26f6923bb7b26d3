package vn.laichau.hlg.tracker.unit;

import java.time.LocalDate;

/** What the administration pages show of units. */
public final class UnitViews {

    private UnitViews() {
    }

    /**
     * One line of the tree, in display order (each unit followed by the units below it).
     *
     * @param depth             0 for the province, 1 below it, …
     * @param openChildrenCount units right below this one that are still open (worth a warning once it closed)
     */
    public record TreeRow(long id, String code, String name, UnitLevel level, int depth, Long parentId,
                          LocalDate openedOn, LocalDate closedOn, String successorCode, String successorName,
                          int openChildrenCount) {

        public boolean closed() {
            return closedOn != null;
        }
    }

    /** A unit with what its edit and close forms need. */
    public record Details(long id, String code, String name, UnitLevel level, Long parentId, String parentName,
                          LocalDate openedOn, LocalDate closedOn, Long successorId, String successorName, long version) {

        public boolean closed() {
            return closedOn != null;
        }
    }

    /**
     * A unit named as taking over from a closed unit.
     *
     * @param scopeConfirmed whether the closed unit's reviewers and viewers oversee this successor too
     */
    public record Successor(long id, String code, String name, LocalDate openedOn, LocalDate closedOn,
                            boolean scopeConfirmed) {
    }

    /** A new unit as the administrator describes it. */
    public record NewUnit(String code, String name, UnitLevel level, Long parentId, LocalDate openedOn) {
    }
}
