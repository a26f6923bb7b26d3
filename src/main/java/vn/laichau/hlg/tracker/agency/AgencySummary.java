package vn.laichau.hlg.tracker.agency;

import vn.laichau.hlg.tracker.unit.UnitLevel;

import java.time.LocalDate;

/** What other modules need to know of an agency. */
public record AgencySummary(long id, String code, String name, long kindId, String kindCode, String kindName,
                            long unitId, String unitName, UnitLevel unitLevel, LocalDate openedOn, LocalDate closedOn) {

    static AgencySummary of(Agency agency) {
        AgencyKind kind = agency.getKind();
        var unit = agency.getUnit();
        return new AgencySummary(agency.getId(), agency.getCode(), agency.getName(), kind.getId(), kind.getCode(),
                kind.getName(), unit.getId(), unit.getName(), unit.getLevel(), agency.getOpenedOn(), agency.getClosedOn());
    }
}
