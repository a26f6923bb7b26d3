package vn.laichau.hlg.tracker.period;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.laichau.hlg.tracker.shared.AuditEvent;

import java.util.List;
import java.util.Optional;

/**
 * The obligations (agency × task × year a report is owed for), derived from the plan: every lead
 * assignment of a task, in every year of its timeline that has a reporting period, names one agency
 * (party AGENCY) or every agency of a kind at a level (party KIND), as issued or, from a day on, as
 * re-pointed (the assignment's spans, see {@code task_assignment_span}). An agency owes a year's report
 * when, on some day of the year's data window, it was open and a span of the assignment named it: an
 * agency that opens or closes inside the window owes a report for its part of it, and one closed
 * before the window owes nothing. Kept in a table so that pages and dashboards read them by index.
 *
 * <p>Call {@link #refresh()} after changing agencies, assignments, timelines or periods; it also runs
 * at start-up.
 */
@Service
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class ObligationService implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ObligationService.class);

    /**
     * One statement: insert what is owed and missing, delete what is no longer owed unless a report was
     * already started for it (a report is never orphaned).
     */
    private static final String REFRESH = """
            with owed as (
                select distinct a.id as agency_id, s.task_id, p.year
                from task_assignment_span s
                join task_timeline_entry tl on tl.task_id = s.task_id
                join reporting_period p on p.year = tl.year
                join agency a on (s.party_type = 'AGENCY' and a.id = s.agency_id)
                              or (s.party_type = 'KIND' and a.kind_id = s.agency_kind_id)
                join administrative_unit u on u.id = a.unit_id
                where s.role = 'LEAD'
                  and (s.party_type = 'AGENCY' or s.unit_level is null or u.level = s.unit_level)
                  -- some day of the window on which the agency was open and the span named it
                  and greatest(a.opened_on, p.data_from, coalesce(s.valid_from, p.data_from))
                      <= least(coalesce(a.closed_on - 1, p.data_to), p.data_to, coalesce(s.valid_to - 1, p.data_to))
            ),
            removed as (
                delete from obligation o
                where not exists (select 1 from owed w
                                  where w.agency_id = o.agency_id and w.task_id = o.task_id and w.year = o.year)
                  and not exists (select 1 from progress_report r
                                  where r.agency_id = o.agency_id and r.task_id = o.task_id and r.year = o.year)
                returning o.id
            ),
            added as (
                insert into obligation (agency_id, task_id, year)
                select agency_id, task_id, year from owed
                on conflict (agency_id, task_id, year) do nothing
                returning id
            )
            select (select count(*) from added) || ' added, ' || (select count(*) from removed) || ' removed'
            """;

    private final JdbcClient jdbc;

    ObligationService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Agencies opened, moved, closed or imported change what is owed: re-derive once the change is
     * committed (in its own transaction, so that a failure here never undoes the administrator's change).
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(AuditEvent event) {
        if (event.kind().startsWith("AGENCY") || event.kind().startsWith("AGENCIES") || event.kind().startsWith("UNIT_CLOSED")
                || event.kind().startsWith("ASSIGNMENT")) {
            refresh();
        }
    }

    /** Re-derives the obligations from the plan, the agencies and the periods. */
    @Transactional
    public String refresh() {
        String result = jdbc.sql(REFRESH).query(String.class).single();
        log.info("Obligations refreshed: {}", result);
        return result;
    }

    @Override
    public void run(ApplicationArguments args) {
        refresh();
    }

    /** One obligation, whoever owes it. */
    @Transactional(readOnly = true)
    public Optional<ObligationView> find(long id) {
        return jdbc.sql("select id, agency_id, task_id, year from obligation where id = ?").param(id)
                .query(ObligationView.class).optional();
    }

    /** What an agency owes for a year. */
    @Transactional(readOnly = true)
    public List<ObligationView> ofAgency(long agencyId, int year) {
        return jdbc.sql("select id, agency_id, task_id, year from obligation where agency_id = ? and year = ? order by task_id")
                .params(agencyId, year).query(ObligationView.class).list();
    }

    /** Every agency that owes at least one report in some year. */
    @Transactional(readOnly = true)
    public List<Long> agenciesOwing() {
        return jdbc.sql("select distinct agency_id from obligation").query(Long.class).list();
    }

    /**
     * Every obligation of a year or later, named: what a reorganisation's preview compares before and
     * after applying it (one query).
     */
    @Transactional(readOnly = true)
    public List<NamedObligation> namedFrom(int year) {
        return jdbc.sql("""
                select o.year, a.code as agency_code, a.name as agency_name, t.code as task_code, t.position as task_position
                from obligation o join agency a on a.id = o.agency_id join task t on t.id = o.task_id
                where o.year >= ? order by o.year, a.name, a.code, t.position""")
                .param(year).query(NamedObligation.class).list();
    }

    /** An obligation with the agency and task named, as a preview lists it. */
    public record NamedObligation(int year, String agencyCode, String agencyName, String taskCode, int taskPosition) {
    }

    /** Agency × task × year that a report is owed for. */
    public record ObligationView(long id, long agencyId, long taskId, int year) {
    }
}
