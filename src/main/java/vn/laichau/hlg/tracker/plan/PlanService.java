package vn.laichau.hlg.tracker.plan;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.laichau.hlg.tracker.agency.AgencyService;
import vn.laichau.hlg.tracker.shared.AuditEvent;
import vn.laichau.hlg.tracker.agency.AgencySummary;
import vn.laichau.hlg.tracker.plan.PlanViews.AssignmentRef;
import vn.laichau.hlg.tracker.plan.PlanViews.CarrierView;
import vn.laichau.hlg.tracker.plan.PlanViews.GroupView;
import vn.laichau.hlg.tracker.plan.PlanViews.PartyView;
import vn.laichau.hlg.tracker.plan.PlanViews.PlanOverview;
import vn.laichau.hlg.tracker.plan.PlanViews.TaskDetail;
import vn.laichau.hlg.tracker.plan.PlanViews.TaskSummary;
import vn.laichau.hlg.tracker.plan.PlanViews.TimelineYear;

import vn.laichau.hlg.tracker.unit.UnitLevel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The plan, its tasks, their parties and timelines: the public face of this module. Every method runs
 * a fixed number of queries, whatever the size of the plan.
 */
@Service
@Transactional(readOnly = true)
public class PlanService {

    private final PlanRepository plans;
    private final TaskRepository tasks;
    private final TaskAssignmentRepository assignments;
    private final TimelineEntryRepository timeline;
    private final AgencyService agencies;
    private final IndicatorCatalog indicators;
    private final ApplicationEventPublisher events;
    private final AssignmentCarriers carriers;

    PlanService(PlanRepository plans, TaskRepository tasks, TaskAssignmentRepository assignments,
                TimelineEntryRepository timeline, AgencyService agencies, IndicatorCatalog indicators,
                ApplicationEventPublisher events, AssignmentCarriers carriers) {
        this.carriers = carriers;
        this.events = events;
        this.indicators = indicators;
        this.plans = plans;
        this.tasks = tasks;
        this.assignments = assignments;
        this.timeline = timeline;
        this.agencies = agencies;
    }

    /** The whole plan as the document lays it out. */
    public PlanOverview overview() {
        Plan plan = plan();
        Map<Long, List<TimelineEntry>> entriesByTask = timeline.findAllByOrderByTaskIdAscYearAsc().stream()
                .collect(Collectors.groupingBy(TimelineEntry::getTaskId));
        Map<TaskGroup, List<TaskSummary>> byGroup = new LinkedHashMap<>();
        for (Task task : tasks.findAllInOrder()) {
            byGroup.computeIfAbsent(task.getGroup(), group -> new ArrayList<>())
                    .add(summary(plan, task, entriesByTask.getOrDefault(task.getId(), List.of())));
        }
        List<GroupView> groups = byGroup.entrySet().stream()
                .map(entry -> new GroupView(entry.getKey().getCode(), entry.getKey().getTitle(),
                        hasSubtasks(entry.getKey(), entry.getValue()), entry.getValue()))
                .toList();
        return new PlanOverview(plan.getTitle(), plan.getIssuer(), plan.getDecision(), plan.getStartYear(),
                plan.getEndYear(), groups);
    }

    /** One task with its parties resolved to the agencies open on {@code day}. */
    public Optional<TaskDetail> task(String code, LocalDate day) {
        return tasks.findByCode(code).map(task -> detail(plan(), task, day));
    }

    private TaskDetail detail(Plan plan, Task task, LocalDate day) {
        List<TaskAssignment> taskAssignments = assignments.findByTaskIdOrderByRoleAscPositionAsc(task.getId());
        Map<Long, CarrierView> carried = carriers.on(day).stream()
                .collect(Collectors.toMap(CarrierView::assignmentId, Function.identity()));
        List<Party> parties = taskAssignments.stream().map(assignment -> Party.of(assignment, carried.get(assignment.getId())))
                .toList();
        Map<Long, AgencySummary> named = agencies.findAll(parties.stream()
                        .map(Party::agencyId).filter(Objects::nonNull).distinct().toList())
                .stream().collect(Collectors.toMap(AgencySummary::id, Function.identity()));
        Map<Long, List<AgencySummary>> byKind = agencies.findOpenOfKinds(parties.stream()
                        .map(Party::kindId).filter(Objects::nonNull).distinct().toList(), day)
                .stream().collect(Collectors.groupingBy(AgencySummary::kindId));

        List<PartyView> lead = new ArrayList<>();
        List<PartyView> coordinating = new ArrayList<>();
        for (int i = 0; i < taskAssignments.size(); i++) {
            TaskAssignment assignment = taskAssignments.get(i);
            PartyView party = new PartyView(assignment.getWording(), assignment.getPartyType(),
                    resolve(parties.get(i), named, byKind, day), carried.get(assignment.getId()));
            (assignment.getRole() == AssignmentRole.LEAD ? lead : coordinating).add(party);
        }
        TaskGroup group = task.getGroup();
        return new TaskDetail(summary(plan, task, timeline.findByTaskIdOrderByYear(task.getId())), group.getCode(),
                group.getTitle(), !group.getCode().equals(task.getCode()), task.getDescription(), lead, coordinating);
    }

    /** Who an assignment names on a day: its carrier then, or the party as issued. */
    private record Party(PartyType type, Long agencyId, Long kindId, UnitLevel level) {

        static Party of(TaskAssignment assignment, CarrierView carrier) {
            if (carrier == null) {
                return new Party(assignment.getPartyType(), assignment.getAgencyId(), assignment.getAgencyKindId(),
                        assignment.getUnitLevel());
            }
            return new Party(carrier.partyType(), carrier.partyType() == PartyType.AGENCY ? carrier.agencyId() : null,
                    carrier.partyType() == PartyType.KIND ? carrier.kindId() : null, carrier.unitLevel());
        }
    }

    private static List<AgencySummary> resolve(Party party, Map<Long, AgencySummary> named,
                                               Map<Long, List<AgencySummary>> byKind, LocalDate day) {
        return switch (party.type()) {
            case AGENCY -> Optional.ofNullable(named.get(party.agencyId()))
                    .filter(agency -> isOpen(agency, day))
                    .map(List::of).orElse(List.of());
            case KIND -> byKind.getOrDefault(party.kindId(), List.of()).stream()
                    .filter(agency -> party.level() == null || agency.unitLevel() == party.level())
                    .toList();
            case TEXT -> List.of();
        };
    }

    private static boolean isOpen(AgencySummary agency, LocalDate day) {
        return !agency.openedOn().isAfter(day) && (agency.closedOn() == null || agency.closedOn().isAfter(day));
    }

    private static TaskSummary summary(Plan plan, Task task, List<TimelineEntry> entries) {
        Map<Integer, TimelineEntry> byYear = entries.stream()
                .collect(Collectors.toMap(TimelineEntry::getYear, Function.identity()));
        List<TimelineYear> years = IntStream.rangeClosed(plan.getStartYear(), plan.getEndYear())
                .mapToObj(year -> {
                    TimelineEntry entry = byYear.get(year);
                    return new TimelineYear(year, entry != null, entry == null ? null : entry.getMilestone());
                })
                .toList();
        return new TaskSummary(task.getCode(), task.getTitle(), task.getLeadWording(), task.getCoordinatingWording(),
                task.getTimelineWording(), years);
    }

    private static boolean hasSubtasks(TaskGroup group, List<TaskSummary> tasks) {
        return tasks.size() > 1 || !tasks.get(0).code().equals(group.getCode());
    }

    private Plan plan() {
        return plans.findByCode(Plan.LAI_CHAU).orElseThrow(() -> new IllegalStateException("The plan is not seeded"));
    }

    /** The plan's own number and date of issue, as an administrator has set them. */
    public PlanViews.PlanDocument document() {
        Plan plan = plan();
        return new PlanViews.PlanDocument(plan.getDocumentNumber(), plan.getIssuedOn());
    }

    /**
     * Sets the plan's number and date of issue (blank clears them). The plan is issued before or within its
     * own years, so a date after its last year, or more than a year before its first, is a typo.
     *
     * @param typedDay the date as typed, checked only for being blank: {@code day} is null when it did not parse
     * @return field → message key for each problem; empty when saved
     */
    @Transactional
    public Map<String, String> identify(String number, LocalDate day, String typedDay, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        Plan plan = plan();
        String cleaned = number == null ? "" : number.strip();
        if (cleaned.length() > 100) {
            errors.put("documentNumber", "plan.admin.document.numberTooLong");
        }
        if (day == null && typedDay != null && !typedDay.isBlank()) {
            errors.put("issuedOn", "plan.admin.document.dayInvalid");
        } else if (day != null && (day.getYear() < plan.getStartYear() - 1 || day.getYear() > plan.getEndYear())) {
            errors.put("issuedOn", "plan.admin.document.dayOutOfPlan");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        String before = describe(plan.getDocumentNumber(), plan.getIssuedOn());
        plan.identify(cleaned, day);
        String after = describe(plan.getDocumentNumber(), plan.getIssuedOn());
        if (!before.equals(after)) {
            events.publishEvent(new AuditEvent("PLAN_DOCUMENT_SET", actor, null, null, before, after));
        }
        return errors;
    }

    private static String describe(String number, LocalDate day) {
        return (number == null ? "" : number) + " / " + (day == null ? "" : day.toString());
    }

    /** For each task code, the re-pointed assignments and who carries them on {@code day}. */
    public Map<String, List<CarrierView>> carriersOn(LocalDate day) {
        return carriers.on(day).stream()
                .collect(Collectors.groupingBy(CarrierView::taskCode, LinkedHashMap::new, Collectors.toList()));
    }

    /** Every re-pointing ever made, newest day first. */
    public List<CarrierView> carrierHistory() {
        return carriers.all();
    }

    /** The assignments that name an agency or a kind of agency, which can be re-pointed. */
    public List<AssignmentRef> repointableAssignments() {
        return carriers.assignments();
    }

    /**
     * Re-points an assignment from a day on: to one agency, or to every agency of a kind (at a level, or at
     * every level). Earlier days keep their carrier, so nothing owed for an earlier period changes.
     *
     * @return field → message key for each problem; empty when saved
     */
    @Transactional
    public Map<String, String> repoint(Long assignmentId, LocalDate from, Long agencyId, Long kindId, UnitLevel level,
                                       String reason, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        Plan plan = plan();
        if (assignmentId == null || !carriers.exists(assignmentId)) {
            errors.put("assignmentId", "plan.admin.carrier.assignmentRequired");
        }
        if (from == null) {
            errors.put("validFrom", "plan.admin.carrier.dayRequired");
        } else if (from.getYear() < plan.getStartYear() || from.getYear() > plan.getEndYear()) {
            errors.put("validFrom", "plan.admin.carrier.dayOutOfPlan");
        } else if (assignmentId != null && !errors.containsKey("assignmentId") && carriers.hasCarrierOn(assignmentId, from)) {
            errors.put("validFrom", "plan.admin.carrier.dayTaken");
        }
        if ((agencyId == null) == (kindId == null)) {
            errors.put("carrier", "plan.admin.carrier.oneCarrier");
        } else if (agencyId != null && agencies.findAll(List.of(agencyId)).isEmpty()) {
            errors.put("carrier", "plan.admin.carrier.oneCarrier");
        } else if (kindId != null && agencies.kinds().stream().noneMatch(kind -> kind.id() == kindId)) {
            errors.put("carrier", "plan.admin.carrier.oneCarrier");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 2000) {
            errors.put("reason", "plan.admin.carrier.reasonRequired");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        long id = carriers.add(assignmentId, from, agencyId, kindId, level == null ? null : level.name(), why, actor);
        CarrierView saved = carriers.all().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
        events.publishEvent(new AuditEvent("ASSIGNMENT_REPOINTED", null, null, "assignment:" + assignmentId,
                saved.taskCode() + " " + saved.wording(),
                "from " + from + ": " + (saved.agencyName() != null ? saved.agencyName()
                        : saved.kindName() + (level == null ? "" : " " + level.name())) + "; " + why));
        return errors;
    }

    /** Every leaf task with its id, in the document's order. */
    public List<PlanViews.TaskRef> taskRefs() {
        return indicators.tasks();
    }

    public Optional<PlanViews.TaskRef> taskRef(long taskId) {
        return indicators.task(taskId);
    }

    /** Every indicator, active or not, for administration. */
    public List<PlanViews.IndicatorView> indicators() {
        return indicators.all();
    }

    public Optional<PlanViews.IndicatorView> indicator(long id) {
        return indicators.find(id);
    }

    /** The indicators attached to each task (task id → indicators in order); inactive ones only when asked. */
    public Map<Long, List<PlanViews.IndicatorView>> indicatorsByTask(boolean activeOnly) {
        return indicators.byTask(activeOnly);
    }

    /** The active indicators a report on this task asks for, in order. */
    public List<PlanViews.IndicatorView> indicatorsOfTask(long taskId) {
        return indicators.ofTask(taskId);
    }

    /** Indicators by id (also inactive ones, so that old reports still show their values). */
    public List<PlanViews.IndicatorView> indicatorsWithIds(java.util.Collection<Long> ids) {
        return indicators.withIds(ids);
    }

    /**
     * Adds an indicator.
     *
     * @return field → message key for each problem; empty when added
     */
    @Transactional
    public Map<String, String> addIndicator(String code, String name, String unit, String memberCategory, Integer position) {
        Map<String, String> errors = checkIndicator(name, unit, memberCategory, position);
        String normalised = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!normalised.matches("[A-Z0-9_]{2,60}")) {
            errors.put("code", "plan.admin.indicator.codeInvalid");
        } else if (indicators.codeExists(normalised)) {
            errors.put("code", "plan.admin.indicator.codeTaken");
        }
        if (errors.isEmpty()) {
            long id = indicators.create(normalised, name.strip(), unit.strip(), blankToNull(memberCategory), position);
            audit("INDICATOR_CREATED", "indicator:" + id, null, normalised + " " + name.strip() + " (" + unit.strip() + ")");
        }
        return errors;
    }

    /**
     * Changes an indicator.
     *
     * @return field → message key for each problem (key {@code version} when someone else saved first)
     */
    @Transactional
    public Map<String, String> updateIndicator(long id, long version, String name, String unit, String memberCategory,
                                               Integer position, boolean active) {
        Map<String, String> errors = checkIndicator(name, unit, memberCategory, position);
        String before = indicators.find(id).map(PlanService::describe).orElse(null);
        if (errors.isEmpty() && !indicators.update(id, version, name.strip(), unit.strip(), blankToNull(memberCategory),
                position, active)) {
            errors.put("version", "plan.admin.indicator.stale");
        }
        if (errors.isEmpty()) {
            audit("INDICATOR_UPDATED", "indicator:" + id, before, indicators.find(id).map(PlanService::describe).orElse(null));
        }
        return errors;
    }

    @Transactional
    public void attachIndicator(long taskId, long indicatorId) {
        indicators.attach(taskId, indicatorId);
        audit("TASK_INDICATOR_ATTACHED", "task:" + taskId, null, "indicator:" + indicatorId);
    }

    @Transactional
    public void detachIndicator(long taskId, long indicatorId) {
        indicators.detach(taskId, indicatorId);
        audit("TASK_INDICATOR_DETACHED", "task:" + taskId, "indicator:" + indicatorId, null);
    }

    /** Changes to the plan go to the audit trail; the audit module fills in who and from where. */
    private void audit(String kind, String target, String before, String after) {
        events.publishEvent(new AuditEvent(kind, null, null, target, before, after));
    }

    private static String describe(PlanViews.IndicatorView indicator) {
        return indicator.toString();
    }

    private static Map<String, String> checkIndicator(String name, String unit, String memberCategory, Integer position) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name == null || name.isBlank() || name.length() > 300) {
            errors.put("name", "plan.admin.indicator.nameRequired");
        }
        if (unit == null || unit.isBlank() || unit.length() > 40) {
            errors.put("unit", "plan.admin.indicator.unitRequired");
        }
        if (memberCategory != null && memberCategory.strip().length() > 60) {
            errors.put("memberCategory", "plan.admin.indicator.memberCategoryTooLong");
        }
        if (position == null || position < 0 || position > 100000) {
            errors.put("position", "plan.admin.indicator.positionInvalid");
        }
        return errors;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
