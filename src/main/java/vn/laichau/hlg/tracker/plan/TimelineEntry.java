package vn.laichau.hlg.tracker.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A year in which a task runs, with its milestone when the plan names one ("Sơ kết", "Tổng kết"). */
@Entity
@Table(name = "task_timeline_entry")
class TimelineEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "task_id", nullable = false)
    private Long taskId;

    @Column(nullable = false)
    private int year;

    private String milestone;

    protected TimelineEntry() {
    }

    Long getTaskId() {
        return taskId;
    }

    int getYear() {
        return year;
    }

    String getMilestone() {
        return milestone;
    }
}
