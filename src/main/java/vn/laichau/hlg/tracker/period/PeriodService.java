package vn.laichau.hlg.tracker.period;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.laichau.hlg.tracker.agency.AgencyService;
import vn.laichau.hlg.tracker.agency.AgencySummary;
import vn.laichau.hlg.tracker.shared.AuditEvent;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.shared.web.NotFoundException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reporting periods: the public face of this module. Only a province reviewer or an administrator
 * changes dates, closes a period or reopens it for one agency.
 */
@Service
@Transactional(readOnly = true)
public class PeriodService {

    private final ReportingPeriodRepository periods;
    private final PeriodReopeningRepository reopenings;
    private final AgencyService agencies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PeriodService(ReportingPeriodRepository periods, PeriodReopeningRepository reopenings, AgencyService agencies,
                  ApplicationEventPublisher events, Clock clock) {
        this.periods = periods;
        this.reopenings = reopenings;
        this.agencies = agencies;
        this.events = events;
        this.clock = clock;
    }

    public List<PeriodView> all() {
        return periods.findAllByOrderByYear().stream().map(ReportingPeriod::toView).toList();
    }

    public Optional<PeriodView> find(int year) {
        return periods.findByYear(year).map(ReportingPeriod::toView);
    }

    /** The years that have a period, for year pickers. */
    public List<Integer> years() {
        return periods.findAllByOrderByYear().stream().map(ReportingPeriod::getYear).toList();
    }

    /** The year whose period is current today: the data window containing today, else the nearest year. */
    public int currentYear() {
        LocalDate today = LocalDate.now(clock);
        List<PeriodView> all = all();
        return all.stream().filter(p -> !today.isBefore(p.dataFrom()) && !today.isAfter(p.dataTo()))
                .map(PeriodView::year).findFirst()
                .orElseGet(() -> all.isEmpty() ? today.getYear()
                        : Math.max(all.get(0).year(), Math.min(all.get(all.size() - 1).year(), today.getYear())));
    }

    public List<ReopeningView> reopenings(int year) {
        ReportingPeriod period = periods.findByYear(year).orElseThrow(NotFoundException::new);
        List<PeriodReopening> list = reopenings.findByPeriodIdOrderByReopenedAtDesc(period.getId());
        Map<Long, AgencySummary> named = agencies.findAll(list.stream().map(PeriodReopening::getAgencyId).toList())
                .stream().collect(Collectors.toMap(AgencySummary::id, Function.identity()));
        return list.stream().map(r -> new ReopeningView(r.getAgencyId(),
                named.containsKey(r.getAgencyId()) ? named.get(r.getAgencyId()).name() : "",
                r.getOpenUntil(), r.getReason(), r.getReopenedAt())).toList();
    }

    /**
     * Whether an agency may change its reports of a year today: the period has opened, and it is either
     * not closed or reopened for that agency until today or later.
     */
    public boolean acceptsEdits(int year, long agencyId) {
        LocalDate today = LocalDate.now(clock);
        return periods.findByYear(year).map(period -> {
            PeriodView view = period.toView();
            if (today.isBefore(view.opensOn())) {
                return false;
            }
            if (!view.closed()) {
                return true;
            }
            return reopenings.findByPeriodIdAndAgencyId(period.getId(), agencyId)
                    .map(r -> !r.getOpenUntil().isBefore(today)).orElse(false);
        }).orElse(false);
    }

    /**
     * Sets the opening and due dates.
     *
     * @return field name → message key for each problem; empty when saved
     */
    @Transactional
    public Map<String, String> schedule(CurrentUser user, int year, LocalDate opensOn, LocalDate dueOn, long version) {
        ReportingPeriod period = editable(user, year);
        Map<String, String> errors = new LinkedHashMap<>();
        if (opensOn == null) {
            errors.put("opensOn", "period.form.dateRequired");
        }
        if (dueOn == null) {
            errors.put("dueOn", "period.form.dateRequired");
        }
        if (errors.isEmpty() && opensOn.isAfter(dueOn)) {
            errors.put("dueOn", "period.form.dueBeforeOpening");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        if (period.getVersion() != version) {
            throw new org.springframework.orm.ObjectOptimisticLockingFailureException(ReportingPeriod.class, period.getId());
        }
        PeriodView before = period.toView();
        period.schedule(opensOn, dueOn);
        publish(user, "PERIOD_SCHEDULED", period, before.opensOn() + " – " + before.dueOn(), opensOn + " – " + dueOn);
        return Map.of();
    }

    @Transactional
    public void close(CurrentUser user, int year) {
        ReportingPeriod period = editable(user, year);
        period.close(clock.instant());
        publish(user, "PERIOD_CLOSED", period, "open", "closed");
    }

    @Transactional
    public void open(CurrentUser user, int year) {
        ReportingPeriod period = editable(user, year);
        period.open();
        publish(user, "PERIOD_OPENED", period, "closed", "open");
    }

    /**
     * Opens a closed period again for one agency until a date.
     *
     * @return field name → message key for each problem; empty when saved
     */
    @Transactional
    public Map<String, String> reopenFor(CurrentUser user, int year, Long agencyId, LocalDate openUntil, String reason) {
        ReportingPeriod period = editable(user, year);
        Map<String, String> errors = new LinkedHashMap<>();
        if (agencyId == null || agencies.findAll(List.of(agencyId)).isEmpty()) {
            errors.put("agencyId", "period.reopen.agencyRequired");
        }
        if (openUntil == null) {
            errors.put("openUntil", "period.form.dateRequired");
        } else if (openUntil.isBefore(LocalDate.now(clock))) {
            errors.put("openUntil", "period.reopen.untilInPast");
        }
        if (reason == null || reason.isBlank()) {
            errors.put("reason", "period.reopen.reasonRequired");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        PeriodReopening reopening = reopenings.findByPeriodIdAndAgencyId(period.getId(), agencyId)
                .orElseGet(() -> PeriodReopening.of(period.getId(), agencyId));
        reopening.extend(openUntil, reason.strip(), user.id(), clock.instant());
        reopenings.save(reopening);
        publish(user, "PERIOD_REOPENED_FOR_AGENCY", period, null, "agency:" + agencyId + " until " + openUntil + ": " + reason.strip());
        return Map.of();
    }

    private ReportingPeriod editable(CurrentUser user, int year) {
        if (user.role() != Role.ADMIN && user.role() != Role.PROVINCE_REVIEWER) {
            throw new NotFoundException();
        }
        return periods.findByYear(year).orElseThrow(NotFoundException::new);
    }

    private void publish(CurrentUser user, String kind, ReportingPeriod period, String oldValue, String newValue) {
        events.publishEvent(new AuditEvent(kind, user.getUsername(), null, "period:" + period.getYear(), oldValue, newValue));
    }
}
