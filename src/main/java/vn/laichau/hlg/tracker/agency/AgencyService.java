package vn.laichau.hlg.tracker.agency;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Agencies and their kinds: the public face of this module. */
@Service
@Transactional(readOnly = true)
public class AgencyService {

    private final AgencyRepository agencies;

    AgencyService(AgencyRepository agencies) {
        this.agencies = agencies;
    }

    public Optional<AgencySummary> findByCode(String code) {
        return agencies.findByCode(code).map(AgencySummary::of);
    }

    /** Every agency open on a day, for choosing one in a form. */
    public List<AgencySummary> findOpenOn(LocalDate day) {
        return agencies.findOpenOn(day).stream().map(AgencySummary::of).toList();
    }

    /** The agencies with these ids, open or closed, in one query. */
    public List<AgencySummary> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return agencies.findAllWithKindAndUnit(ids).stream().map(AgencySummary::of).toList();
    }

    /** The agencies of these kinds that are open on a day, in one query. */
    public List<AgencySummary> findOpenOfKinds(Collection<Long> kindIds, LocalDate day) {
        if (kindIds.isEmpty()) {
            return List.of();
        }
        return agencies.findOpenOfKinds(kindIds, day).stream().map(AgencySummary::of).toList();
    }
}
