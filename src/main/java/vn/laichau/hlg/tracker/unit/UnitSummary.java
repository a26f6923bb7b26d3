package vn.laichau.hlg.tracker.unit;

import java.time.LocalDate;

/** What other modules need to know of a unit. */
public record UnitSummary(long id, String code, String name, UnitLevel level, Long parentId, LocalDate openedOn,
                          LocalDate closedOn) {

    static UnitSummary of(AdministrativeUnit unit) {
        return new UnitSummary(unit.getId(), unit.getCode(), unit.getName(), unit.getLevel(),
                unit.getParent() == null ? null : unit.getParent().getId(), unit.getOpenedOn(), unit.getClosedOn());
    }
}
