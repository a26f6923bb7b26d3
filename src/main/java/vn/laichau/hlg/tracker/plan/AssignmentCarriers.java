package vn.laichau.hlg.tracker.plan;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.laichau.hlg.tracker.plan.PlanViews.AssignmentRef;
import vn.laichau.hlg.tracker.plan.PlanViews.CarrierView;

import java.time.LocalDate;
import java.util.List;

/**
 * Who carries the plan's assignments from a day on (table {@code task_assignment_carrier}). The assignment
 * stays as issued; a carrier re-points it from its day until the next carrier's day.
 */
@Component
class AssignmentCarriers {

    private static final String SELECT = """
            select c.id, c.assignment_id, t.code as task_code, ta.role, ta.wording, c.valid_from, c.party_type,
                   c.agency_id, a.name as agency_name, c.agency_kind_id as kind_id, k.name as kind_name, c.unit_level, c.reason, c.set_by
            from task_assignment_carrier c
            join task_assignment ta on ta.id = c.assignment_id
            join task t on t.id = ta.task_id
            left join agency a on a.id = c.agency_id
            left join agency_kind k on k.id = c.agency_kind_id
            """;

    private final JdbcClient jdbc;

    AssignmentCarriers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The carrier of each re-pointed assignment on a day (assignments carried as issued are not listed). */
    List<CarrierView> on(LocalDate day) {
        return jdbc.sql(SELECT + """
                where c.valid_from <= :day
                  and not exists (select 1 from task_assignment_carrier n
                                  where n.assignment_id = c.assignment_id and n.valid_from > c.valid_from and n.valid_from <= :day)
                order by t.position, ta.role desc, ta.position""")
                .param("day", day).query(CarrierView.class).list();
    }

    /** Every carrier ever set, newest day first. */
    List<CarrierView> all() {
        return jdbc.sql(SELECT + " order by c.valid_from desc, t.position, ta.role desc, ta.position")
                .query(CarrierView.class).list();
    }

    /** The assignments that name an agency or a kind (those that can be re-pointed), in the document's order. */
    List<AssignmentRef> assignments() {
        return jdbc.sql("""
                select ta.id, t.code as task_code, ta.role, ta.wording
                from task_assignment ta join task t on t.id = ta.task_id
                where ta.party_type <> 'TEXT'
                order by t.position, ta.role desc, ta.position""").query(AssignmentRef.class).list();
    }

    boolean exists(long assignmentId) {
        return jdbc.sql("select count(*) from task_assignment where id = ? and party_type <> 'TEXT'").param(assignmentId)
                .query(Long.class).single() > 0;
    }

    boolean hasCarrierOn(long assignmentId, LocalDate day) {
        return jdbc.sql("select count(*) from task_assignment_carrier where assignment_id = ? and valid_from = ?")
                .params(assignmentId, day).query(Long.class).single() > 0;
    }

    long add(long assignmentId, LocalDate from, Long agencyId, Long kindId, String unitLevel, String reason, String setBy) {
        return jdbc.sql("""
                insert into task_assignment_carrier (assignment_id, valid_from, party_type, agency_id, agency_kind_id,
                                                     unit_level, reason, set_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(assignmentId, from, agencyId != null ? "AGENCY" : "KIND", agencyId, agencyId != null ? null : kindId,
                        agencyId != null ? null : unitLevel, reason, setBy)
                .query(Long.class).single();
    }
}
