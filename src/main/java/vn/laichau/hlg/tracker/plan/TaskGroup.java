package vn.laichau.hlg.tracker.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One of the plan's numbered headings (1 … 11). Most hold a single task of the same code; groups 4, 7
 * and 11 are headings whose work is done in their sub-tasks.
 */
@Entity
@Table(name = "task_group")
class TaskGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private int position;

    protected TaskGroup() {
    }

    Long getId() {
        return id;
    }

    String getCode() {
        return code;
    }

    String getTitle() {
        return title;
    }
}
