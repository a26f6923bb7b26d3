package vn.laichau.hlg.tracker.account;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import vn.laichau.hlg.tracker.agency.AgencyService;
import vn.laichau.hlg.tracker.agency.AgencySummary;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.unit.UnitService;

import java.util.HashSet;
import java.util.Set;

/**
 * Turns an account into the {@link Scope} it may see. Every read and write of agency data goes through
 * a scope on the server: a reporter sees its agency, a reviewer or viewer the agencies of its unit and
 * of every unit below it (and, where an administrator confirmed a closed unit's successors, of those
 * successors too), an administrator no report at all.
 */
@Service
@Transactional(readOnly = true)
public class ScopeService {

    private final UnitService units;
    private final AgencyService agencies;

    ScopeService(UnitService units, AgencyService agencies) {
        this.units = units;
        this.agencies = agencies;
    }

    /**
     * The user's scope. Within a web request it is worked out once and kept with the request: a page and
     * the navigation bar around it ask for it several times, and it does not change in between.
     */
    public Scope scopeOf(CurrentUser user) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return lookUp(user);
        }
        String key = Scope.class.getName() + ":" + user.id() + ":" + user.role() + ":" + user.unitId() + ":" + user.agencyId();
        if (request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof Scope kept) {
            return kept;
        }
        Scope scope = lookUp(user);
        request.setAttribute(key, scope, RequestAttributes.SCOPE_REQUEST);
        return scope;
    }

    private Scope lookUp(CurrentUser user) {
        return switch (user.role()) {
            case ADMIN -> Scope.NONE;
            case REPORTER -> user.agencyId() == null ? Scope.NONE : new Scope(Set.of(), user.agencyId());
            case PROVINCE_REVIEWER, DISTRICT_REVIEWER, VIEWER ->
                    user.unitId() == null ? Scope.NONE : new Scope(new HashSet<>(units.overseenIds(user.unitId())), null);
        };
    }

    /** Whether the user may see the agency's data; unknown agencies are simply not in scope. */
    public boolean canSee(CurrentUser user, long agencyId) {
        Scope scope = scopeOf(user);
        if (scope.isEmpty()) {
            return false;
        }
        return agencies.findAll(Set.of(agencyId)).stream()
                .map(AgencySummary::unitId)
                .anyMatch(unitId -> scope.contains(agencyId, unitId));
    }
}
