package vn.laichau.hlg.tracker.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One line of a report's history: a field change (old → new) or a workflow step. Only ever inserted. */
@Entity
@Table(name = "report_event")
class ReportEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "report_id", nullable = false)
    private Long reportId;

    @Column(nullable = false)
    private Instant at;

    @Column(name = "actor_id")
    private Long actorId;

    @Column(name = "actor_name", nullable = false)
    private String actorName;

    @Column(nullable = false)
    private String action;

    private String field;

    @Column(name = "old_value")
    private String oldValue;

    @Column(name = "new_value")
    private String newValue;

    private String comment;

    protected ReportEvent() {
    }

    static ReportEvent of(long reportId, Instant at, long actorId, String actorName, ReportAction action, String field,
                          String oldValue, String newValue, String comment) {
        ReportEvent event = new ReportEvent();
        event.reportId = reportId;
        event.at = at;
        event.actorId = actorId;
        event.actorName = actorName;
        event.action = action.name();
        event.field = field;
        event.oldValue = oldValue;
        event.newValue = newValue;
        event.comment = comment;
        return event;
    }
}
