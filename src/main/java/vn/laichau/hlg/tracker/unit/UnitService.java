package vn.laichau.hlg.tracker.unit;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/** The administrative units: the public face of this module. */
@Service
@Transactional(readOnly = true)
public class UnitService {

    private final AdministrativeUnitRepository units;

    UnitService(AdministrativeUnitRepository units) {
        this.units = units;
    }

    public Optional<UnitSummary> findByCode(String code) {
        return units.findByCode(code).map(UnitSummary::of);
    }

    /** Every unit, open or closed, ordered by code, for choosing one in a form. */
    public List<UnitSummary> findAll() {
        return units.findAll(Sort.by("code")).stream().map(UnitSummary::of).toList();
    }

    /** The unit and every unit below it (open or closed): what a reviewer of that unit oversees. */
    public List<Long> subtreeIds(long unitId) {
        return units.findSubtreeIds(unitId);
    }

    public Optional<UnitSummary> findById(long id) {
        return units.findById(id).map(UnitSummary::of);
    }
}
