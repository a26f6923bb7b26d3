package vn.laichau.hlg.tracker.plan;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.laichau.hlg.tracker.plan.PlanViews.IndicatorView;
import vn.laichau.hlg.tracker.plan.PlanViews.TaskRef;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Indicators and the tasks they are attached to, read and changed in plain SQL (one statement each). */
@Component
class IndicatorCatalog {

    private static final String COLUMNS = "i.id, i.code, i.name, i.unit, i.member_category, i.position, i.active, i.version";

    private final JdbcClient jdbc;

    IndicatorCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TaskRef> tasks() {
        return jdbc.sql("""
                select t.id, t.code, t.title from task t join task_group g on g.id = t.group_id
                order by g.position, t.position""").query(TaskRef.class).list();
    }

    Optional<TaskRef> task(long id) {
        return jdbc.sql("select id, code, title from task where id = ?").param(id).query(TaskRef.class).optional();
    }

    List<IndicatorView> all() {
        return jdbc.sql("select " + COLUMNS + " from indicator i order by i.position, i.id").query(IndicatorView.class).list();
    }

    Optional<IndicatorView> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from indicator i where i.id = ?").param(id).query(IndicatorView.class).optional();
    }

    /** Active indicators of every task, in each task's order: task id → indicators. */
    Map<Long, List<IndicatorView>> byTask(boolean activeOnly) {
        Map<Long, List<IndicatorView>> result = new LinkedHashMap<>();
        jdbc.sql("select ti.task_id, " + COLUMNS + " from task_indicator ti join indicator i on i.id = ti.indicator_id"
                        + (activeOnly ? " where i.active" : "") + " order by ti.task_id, ti.position, i.position")
                .query((rs, n) -> {
                    result.computeIfAbsent(rs.getLong("task_id"), id -> new java.util.ArrayList<>())
                            .add(new IndicatorView(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                                    rs.getString("unit"), rs.getString("member_category"), rs.getInt("position"),
                                    rs.getBoolean("active"), rs.getLong("version")));
                    return null;
                }).list();
        return result;
    }

    List<IndicatorView> ofTask(long taskId) {
        return jdbc.sql("select " + COLUMNS + " from task_indicator ti join indicator i on i.id = ti.indicator_id"
                        + " where ti.task_id = ? and i.active order by ti.position, i.position")
                .param(taskId).query(IndicatorView.class).list();
    }

    List<IndicatorView> withIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from indicator i where i.id in (:ids) order by i.position")
                .param("ids", ids).query(IndicatorView.class).list();
    }

    long create(String code, String name, String unit, String memberCategory, int position) {
        return jdbc.sql("""
                insert into indicator (code, name, unit, member_category, position, kind)
                values (?, ?, ?, ?, ?, case when ? = '%' then 'RATIO' else 'ACTIVITY' end)
                returning id""").params(code, name, unit, memberCategory, position, unit).query(Long.class).single();
    }

    /** @return false when the version was stale (someone else saved first) */
    boolean update(long id, long version, String name, String unit, String memberCategory, int position, boolean active) {
        return jdbc.sql("""
                update indicator set name = ?, unit = ?, member_category = ?, position = ?, active = ?, version = version + 1
                where id = ? and version = ?""")
                .params(name, unit, memberCategory, position, active, id, version).update() == 1;
    }

    boolean codeExists(String code) {
        return jdbc.sql("select count(*) from indicator where code = ?").param(code).query(Integer.class).single() > 0;
    }

    void attach(long taskId, long indicatorId) {
        jdbc.sql("""
                insert into task_indicator (task_id, indicator_id, position)
                select ?, ?, coalesce(max(position), 0) + 1 from task_indicator where task_id = ?
                on conflict do nothing""").params(taskId, indicatorId, taskId).update();
    }

    void detach(long taskId, long indicatorId) {
        jdbc.sql("delete from task_indicator where task_id = ? and indicator_id = ?").params(taskId, indicatorId).update();
    }
}
