package vn.laichau.hlg.tracker.account;

import java.util.Set;

/**
 * Where an account may read (and, for its role, act): every agency of a set of administrative units,
 * or one agency. Built once per request from the account; modules filter their queries with it.
 *
 * @param unitIds  the units whose agencies are in scope (a reviewer's or viewer's unit and every unit
 *                 below it); empty for a reporter
 * @param agencyId the one agency in scope of a reporter; null otherwise
 */
public record Scope(Set<Long> unitIds, Long agencyId) {

    /** A scope that contains nothing (administrators do not read reports). */
    public static final Scope NONE = new Scope(Set.of(), null);

    public Scope {
        unitIds = Set.copyOf(unitIds);
    }

    /** Whether an agency located in {@code unitId} is in scope. */
    public boolean contains(long agencyId, long unitId) {
        return (this.agencyId != null && this.agencyId == agencyId) || unitIds.contains(unitId);
    }

    public boolean isEmpty() {
        return unitIds.isEmpty() && agencyId == null;
    }
}
