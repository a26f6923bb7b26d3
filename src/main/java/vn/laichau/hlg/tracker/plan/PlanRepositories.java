package vn.laichau.hlg.tracker.plan;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

interface PlanRepository extends JpaRepository<Plan, Long> {

    Optional<Plan> findByCode(String code);
}

interface TaskRepository extends JpaRepository<Task, Long> {

    @Query("select t from Task t join fetch t.group g order by g.position, t.position")
    List<Task> findAllInOrder();

    @Query("select t from Task t join fetch t.group where t.code = :code")
    Optional<Task> findByCode(String code);
}

interface TaskAssignmentRepository extends JpaRepository<TaskAssignment, Long> {

    List<TaskAssignment> findByTaskIdOrderByRoleAscPositionAsc(Long taskId);
}

interface TimelineEntryRepository extends JpaRepository<TimelineEntry, Long> {

    List<TimelineEntry> findAllByOrderByTaskIdAscYearAsc();

    List<TimelineEntry> findByTaskIdOrderByYear(Long taskId);
}
