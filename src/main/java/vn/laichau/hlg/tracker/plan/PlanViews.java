package vn.laichau.hlg.tracker.plan;

import vn.laichau.hlg.tracker.agency.AgencySummary;

import java.time.LocalDate;
import java.util.List;

/** Read models of the plan, for pages and other modules. */
public final class PlanViews {

    private PlanViews() {
    }

    /** The whole plan, grouped as in the document. */
    /** The plan's own number and date of issue; either may be null until an administrator sets it. */
    public record PlanDocument(String number, LocalDate issuedOn) {

        public boolean isEmpty() {
            return number == null && issuedOn == null;
        }
    }

    public record PlanOverview(String title, String issuer, String decision, int startYear, int endYear,
                               List<GroupView> groups) {

        public int taskCount() {
            return groups.stream().mapToInt(group -> group.tasks().size()).sum();
        }
    }

    /** A numbered heading; {@code hasSubtasks} when its work is done in sub-tasks (4, 7, 11). */
    public record GroupView(String code, String title, boolean hasSubtasks, List<TaskSummary> tasks) {
    }

    /** A leaf task with the document's wording of its parties and timeline, and its year strip. */
    public record TaskSummary(String code, String title, String leadWording, String coordinatingWording,
                              String timelineWording, List<TimelineYear> years) {

        public List<TimelineYear> milestones() {
            return years.stream().filter(year -> year.milestone() != null).toList();
        }
    }

    /** One year of the plan period for one task: whether the task runs then, and its milestone if any. */
    public record TimelineYear(int year, boolean active, String milestone) {
    }

    /** One task with each party and the agencies it stands for today. */
    public record TaskDetail(TaskSummary task, String groupCode, String groupTitle, boolean inSubgroup,
                             String description, List<PartyView> lead, List<PartyView> coordinating) {
    }

    /**
     * A party as worded in the document, with the agencies it names. {@code TEXT} parties name no agency;
     * a kind at a level may name none yet (no such agency recorded, or all closed). When the assignment is
     * re-pointed, {@code carrier} says to whom and since when, and the agencies are the carrier's.
     */
    public record PartyView(String wording, PartyType type, List<AgencySummary> agencies, CarrierView carrier) {
    }

    /**
     * Who carries an assignment of the plan from a day on, instead of the party as issued: one agency
     * ({@code AGENCY}) or every agency of a kind at a level ({@code KIND}).
     */
    public record CarrierView(long id, long assignmentId, String taskCode, AssignmentRole role, String wording,
                              java.time.LocalDate validFrom, PartyType partyType, Long agencyId, String agencyName,
                              Long kindId, String kindName,
                              vn.laichau.hlg.tracker.unit.UnitLevel unitLevel, String reason, String setBy) {
    }

    /** An assignment that names an agency or a kind, for choosing one to re-point. */
    public record AssignmentRef(long id, String taskCode, AssignmentRole role, String wording) {
    }

    /** A leaf task by id, for modules that store task ids. */
    public record TaskRef(long id, String code, String title) {
    }

    /**
     * An indicator (chỉ tiêu): a number reported per task per year, with its unit. {@code memberCategory}
     * groups the member counts behind Đề án 129's participation targets.
     */
    public record IndicatorView(long id, String code, String name, String unit, String memberCategory, int position,
                                boolean active, long version) {
    }
}
