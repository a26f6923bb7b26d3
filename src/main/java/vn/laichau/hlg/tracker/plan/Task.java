package vn.laichau.hlg.tracker.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A leaf task of the plan (1, 2, 3, 4.1 … 11.2), the unit that agencies report on. The three
 * wordings are the document's own lines, kept verbatim beside the structured assignments and timeline.
 */
@Entity
@Table(name = "task")
class Task {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id")
    private TaskGroup group;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String title;

    private String description;

    @Column(nullable = false)
    private int position;

    @Column(name = "lead_wording", nullable = false)
    private String leadWording;

    @Column(name = "coordinating_wording", nullable = false)
    private String coordinatingWording;

    @Column(name = "timeline_wording", nullable = false)
    private String timelineWording;

    @Version
    private long version;

    protected Task() {
    }

    Long getId() {
        return id;
    }

    TaskGroup getGroup() {
        return group;
    }

    String getCode() {
        return code;
    }

    String getTitle() {
        return title;
    }

    String getDescription() {
        return description;
    }

    String getLeadWording() {
        return leadWording;
    }

    String getCoordinatingWording() {
        return coordinatingWording;
    }

    String getTimelineWording() {
        return timelineWording;
    }
}
