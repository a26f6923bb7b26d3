package vn.laichau.hlg.tracker.report;

import org.springframework.core.io.InputStreamSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.laichau.hlg.tracker.account.Scope;
import vn.laichau.hlg.tracker.account.ScopeService;
import vn.laichau.hlg.tracker.period.ObligationService;
import vn.laichau.hlg.tracker.period.PeriodService;
import vn.laichau.hlg.tracker.plan.PlanService;
import vn.laichau.hlg.tracker.plan.PlanViews.IndicatorView;
import vn.laichau.hlg.tracker.report.ReportViews.AttachmentView;
import vn.laichau.hlg.tracker.report.ReportViews.Download;
import vn.laichau.hlg.tracker.report.ReportViews.HistoryLine;
import vn.laichau.hlg.tracker.report.ReportViews.IndicatorValue;
import vn.laichau.hlg.tracker.report.ReportViews.Notification;
import vn.laichau.hlg.tracker.report.ReportViews.ObligationRow;
import vn.laichau.hlg.tracker.report.ReportViews.QueueRow;
import vn.laichau.hlg.tracker.report.ReportViews.ReportDetail;
import vn.laichau.hlg.tracker.shared.AuditEvent;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.shared.web.NotFoundException;
import vn.laichau.hlg.tracker.unit.UnitService;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Progress reports and their review: the public face of this module. Every read and write is checked
 * against the person's scope ({@link ScopeService}); a report out of scope answers as if it did not
 * exist. Reporters write their own agency's reports; reviewers act on reports of agencies in their
 * units; viewers read approved reports.
 */
@Service
@Transactional(readOnly = true)
public class ReportService {

    /** The longest reason for returning or reopening a report, as the review form says. */
    public static final int REASON_LIMIT = 5_000;

    private static final Duration NOTIFICATION_DAYS = Duration.ofDays(90);
    private static final int NOTIFICATION_LIMIT = 100;

    private final ProgressReportRepository reports;
    private final ReportEventRepository events;
    private final ReportAttachmentRepository attachments;
    private final ReportQueries queries;
    private final ScopeService scopes;
    private final AgencyReminders reminders;
    private final PeriodService periods;
    private final ObligationService obligations;
    private final PlanService plan;
    private final UnitService units;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ReportService(ProgressReportRepository reports, ReportEventRepository events, ReportAttachmentRepository attachments,
                  ReportQueries queries, ScopeService scopes, PeriodService periods, ObligationService obligations,
                  PlanService plan, UnitService units, ApplicationEventPublisher publisher, Clock clock,
                  AgencyReminders reminders) {
        this.reminders = reminders;
        this.reports = reports;
        this.events = events;
        this.attachments = attachments;
        this.queries = queries;
        this.scopes = scopes;
        this.periods = periods;
        this.obligations = obligations;
        this.plan = plan;
        this.units = units;
        this.publisher = publisher;
        this.clock = clock;
    }

    // ----------------------------------------------------------------- reading

    /** What the reporter's agency owes for a year, with each report's status. */
    public List<ObligationRow> obligations(CurrentUser user, int year) {
        return user.role() == Role.REPORTER && user.agencyId() != null ? queries.obligations(user.agencyId(), year) : List.of();
    }

    /**
     * What the reporter's agency still owes in every year whose period has opened by {@code today}:
     * returned reports first, then the most overdue.
     */
    public List<ObligationRow> openObligations(CurrentUser user, java.time.LocalDate today) {
        return user.role() == Role.REPORTER && user.agencyId() != null ? queries.openObligations(user.agencyId(), today) : List.of();
    }

    /** The agencies in the reviewer's scope with the most overdue, unsubmitted obligations. */
    public List<ReportViews.Laggard> laggards(CurrentUser user, java.time.LocalDate today, int limit) {
        return canReview(user) ? queries.laggards(scopes.scopeOf(user).unitIds(), today, limit) : List.of();
    }

    /** Tasks of the year that the reporter's agency coordinates and may contribute to. */
    public List<ObligationRow> contributionsToMake(CurrentUser user, int year) {
        return user.role() == Role.REPORTER && user.agencyId() != null ? queries.contributions(user.agencyId(), year) : List.of();
    }

    /** A report with its indicators and attachments; 404 when out of the person's scope. */
    public ReportDetail detail(CurrentUser user, long reportId) {
        ReportQueries.Header header = visibleHeader(user, reportId);
        ProgressReport report = reports.findById(reportId).orElseThrow(NotFoundException::new);
        if (user.role() == Role.VIEWER && report.getStatus() != ReportStatus.APPROVED) {
            throw new NotFoundException();
        }
        return toDetail(header, report);
    }

    /** The report's history, newest first. */
    public List<HistoryLine> history(CurrentUser user, long reportId) {
        visibleHeader(user, reportId);
        return queries.history(reportId);
    }

    /** The same agency's report on the same task a year earlier, if there is one the person may see. */
    public Optional<ReportDetail> previousYear(CurrentUser user, ReportDetail current) {
        return queries.reportOf(current.agencyId(), current.taskId(), current.year() - 1, current.kind())
                .map(id -> detail(user, id));
    }

    /** Contributions sent by coordinating agencies for the report's task and year (for lead agency and reviewers). */
    public List<ReportDetail> contributionsFor(CurrentUser user, ReportDetail lead) {
        if (lead.kind() != ReportKind.LEAD || user.role() == Role.VIEWER) {
            return List.of();
        }
        // A fixed number of statements however many agencies contributed: ids, headers, reports.
        List<Long> ids = user.role() == Role.REPORTER
                ? queries.sentContributionsForLead(lead.taskId(), lead.year(), lead.agencyId())
                : queries.sentContributions(lead.taskId(), lead.year());
        if (ids.isEmpty()) {
            return List.of();
        }
        Scope scope = scopes.scopeOf(user);
        Map<Long, ProgressReport> byId = new HashMap<>();
        reports.findAllById(ids).forEach(report -> byId.put(report.getId(), report));
        List<ReportQueries.Header> visible = queries.headers(ids).stream()
                .filter(header -> user.role() == Role.REPORTER || scope.contains(header.agencyId(), header.unitId()))
                .filter(header -> byId.containsKey(header.id()))
                .toList();
        return toDetails(visible, byId);
    }

    /** The indicators the report's task asks for (active ones, in order). */
    public List<IndicatorView> indicatorsOf(ReportDetail report) {
        return plan.indicatorsOfTask(report.taskId());
    }

    /** Whether the person may change this report now (own agency, editable state, period accepting edits). */
    public boolean canEdit(CurrentUser user, ReportDetail report) {
        return user.role() == Role.REPORTER && user.agencyId() != null && user.agencyId() == report.agencyId()
                && report.status().editable() && periods.acceptsEdits(report.year(), report.agencyId())
                && queries.closedBefore(report.agencyId(), report.year()).isEmpty();
    }

    /** Why the person may not change this report now, as a message key (see {@link #canEdit}). */
    public String whyNotEditable(CurrentUser user, ReportDetail report) {
        if (!report.status().editable() || user.role() != Role.REPORTER) {
            return "report.workflow.locked";
        }
        return queries.closedBefore(report.agencyId(), report.year()).isPresent()
                ? "report.workflow.agencyClosed" : "report.workflow.periodClosed";
    }

    /**
     * The day the reporter's agency closed, when that was before the year's data window: it owes nothing
     * for the year and may only read its earlier reports.
     */
    public Optional<java.time.LocalDate> agencyClosedBefore(CurrentUser user, int year) {
        return user.role() == Role.REPORTER && user.agencyId() != null
                ? queries.closedBefore(user.agencyId(), year) : Optional.empty();
    }

    /** Whether the person is a reviewer of the report's agency (scope checked by {@link #detail}). */
    public boolean canReview(CurrentUser user) {
        return user.role() == Role.PROVINCE_REVIEWER || user.role() == Role.DISTRICT_REVIEWER;
    }

    /** Reports in the reviewer's units, filtered; {@code status} null means all statuses but drafts. */
    public List<QueueRow> reviewQueue(CurrentUser user, Integer year, Long unitId, Long taskId, ReportStatus status) {
        if (!canReview(user)) {
            return List.of();
        }
        Set<Long> unitIds = new HashSet<>(scopes.scopeOf(user).unitIds());
        if (unitId != null) {
            unitIds.retainAll(units.subtreeIds(unitId));
        }
        List<QueueRow> rows = queries.queue(unitIds, year, taskId, status);
        return status == null ? rows.stream().filter(row -> row.status() != ReportStatus.DRAFT).toList() : rows;
    }

    /** The units the reviewer may filter the queue by (its unit and every unit below), in one query. */
    public List<Map.Entry<Long, String>> reviewUnits(CurrentUser user) {
        if (!canReview(user)) {
            return List.of();
        }
        return queries.units(scopes.scopeOf(user).unitIds()).stream()
                .map(u -> Map.entry(u.id(), u.name())).toList();
    }

    /** How many reports wait for review in the reviewer's units. */
    public long waitingCount(CurrentUser user) {
        return canReview(user) ? queries.countWaiting(scopes.scopeOf(user).unitIds()) : 0;
    }

    public Download attachment(CurrentUser user, long reportId, long attachmentId) {
        detail(user, reportId);
        ReportAttachment attachment = attachments.findByIdAndReportId(attachmentId, reportId).orElseThrow(NotFoundException::new);
        return new Download(attachment.getFileName(), attachment.getContentType(), attachment.getContent());
    }

    /** What concerns the person lately (see {@link ReportQueries#notifications}). */
    public List<Notification> notifications(CurrentUser user) {
        Long agencyId = user.role() == Role.REPORTER ? user.agencyId() : null;
        if (!getsNotifications(user, agencyId)) {
            return List.of();
        }
        List<Notification> found = queries.notifications(user.id(), scopes.scopeOf(user).unitIds(), agencyId,
                clock.instant().minus(NOTIFICATION_DAYS), NOTIFICATION_LIMIT);
        if (agencyId == null) {
            return found;
        }
        // A reporter is also told of the reviewers' reminders to its agency.
        List<Notification> all = new java.util.ArrayList<>(found);
        all.addAll(reminders.notifications(user.id(), agencyId, clock.instant().minus(NOTIFICATION_DAYS), NOTIFICATION_LIMIT));
        all.sort(java.util.Comparator.comparing(Notification::at).reversed());
        return all.size() > NOTIFICATION_LIMIT ? all.subList(0, NOTIFICATION_LIMIT) : all;
    }

    /**
     * How many of {@link #notifications} are unread: the badge on every page, so one count in SQL, outside
     * a transaction of its own.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public long unreadCount(CurrentUser user) {
        Long agencyId = user.role() == Role.REPORTER ? user.agencyId() : null;
        if (!getsNotifications(user, agencyId)) {
            return 0;
        }
        return queries.unreadNotifications(user.id(), scopes.scopeOf(user).unitIds(), agencyId,
                clock.instant().minus(NOTIFICATION_DAYS), NOTIFICATION_LIMIT)
                + (agencyId == null ? 0 : reminders.unread(user.id(), agencyId, clock.instant().minus(NOTIFICATION_DAYS)));
    }

    private boolean getsNotifications(CurrentUser user, Long agencyId) {
        return user.role() != Role.ADMIN && user.role() != Role.VIEWER && (agencyId != null || canReview(user));
    }

    @Transactional
    public void markNotificationsRead(CurrentUser user) {
        queries.markRead(user.id(), clock.instant());
    }

    // ----------------------------------------------------------------- writing

    /**
     * Opens the report for one of the reporter's obligations, starting an empty draft the first time.
     *
     * @return the report's id
     */
    @Transactional
    public long start(CurrentUser user, long obligationId) {
        ObligationService.ObligationView obligation = obligations.find(obligationId)
                .filter(o -> user.role() == Role.REPORTER && user.agencyId() != null && o.agencyId() == user.agencyId())
                .orElseThrow(NotFoundException::new);
        return startReport(user, obligation.taskId(), obligation.year(), ReportKind.LEAD);
    }

    /** Opens (or starts) the reporter's agency's contribution to a task it coordinates. */
    @Transactional
    public long startContribution(CurrentUser user, long taskId, int year) {
        if (user.role() != Role.REPORTER || user.agencyId() == null || !queries.coordinates(user.agencyId(), taskId, year)) {
            throw new NotFoundException();
        }
        return startReport(user, taskId, year, ReportKind.CONTRIBUTION);
    }

    private long startReport(CurrentUser user, long taskId, int year, ReportKind kind) {
        Optional<Long> existing = queries.reportOf(user.agencyId(), taskId, year, kind);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (queries.closedBefore(user.agencyId(), year).isPresent()) {
            throw new ReportWorkflowException("report.workflow.agencyClosed");
        }
        if (!periods.acceptsEdits(year, user.agencyId())) {
            throw new ReportWorkflowException("report.workflow.periodClosed");
        }
        Instant now = clock.instant();
        ProgressReport report = reports.saveAndFlush(ProgressReport.start(user.agencyId(), taskId, year, kind, user.id(), now));
        events.save(ReportEvent.of(report.getId(), now, user.id(), user.displayName(), ReportAction.CREATED, null, null, null, null));
        return report.getId();
    }

    /**
     * Checks the form; for a draft only that nothing is wrong, for submission also that it is complete.
     *
     * @return field → message key for each problem
     */
    public Map<String, String> validate(CurrentUser user, long reportId, ReportForm form, boolean forSubmission) {
        ReportDetail report = detail(user, reportId);
        return ReportValidation.check(form, report.kind(), indicatorIds(report), forSubmission).errors();
    }

    /**
     * Saves the form as a draft, and submits it when asked. Nothing is saved when the form has a problem
     * (see {@link #validate}) or when someone saved since the form was loaded.
     *
     * @throws ReportConflictException when the form's version is stale
     */
    @Transactional
    public Map<String, String> save(CurrentUser user, long reportId, ReportForm form, boolean submit) {
        ReportDetail detail = detail(user, reportId);
        if (!canEdit(user, detail)) {
            throw new ReportWorkflowException(whyNotEditable(user, detail));
        }
        ReportValidation.Result result = ReportValidation.check(form, detail.kind(), indicatorIds(detail), submit);
        if (!result.valid()) {
            return result.errors();
        }
        ProgressReport report = reports.findById(reportId).orElseThrow(NotFoundException::new);
        requireVersion(report, form.version());
        Instant now = clock.instant();
        for (ProgressReport.FieldChange change : report.edit(result.content(), user.id(), now)) {
            events.save(ReportEvent.of(reportId, now, user.id(), user.displayName(), ReportAction.CHANGED, change.field(),
                    change.oldValue(), change.newValue(), null));
        }
        if (submit) {
            report.submit(user.id(), now);
            step(user, report, ReportAction.SUBMITTED, null, now);
        }
        reports.flush();
        return Map.of();
    }

    @Transactional
    public void approve(CurrentUser user, long reportId, Long version) {
        ProgressReport report = forReview(user, reportId, version);
        Instant now = clock.instant();
        report.approve(user.id(), user.agencyId(), now);
        step(user, report, ReportAction.APPROVED, null, now);
        reports.flush();
    }

    @Transactional
    public void returnForRevision(CurrentUser user, long reportId, Long version, String reason) {
        ProgressReport report = forReview(user, reportId, version);
        Instant now = clock.instant();
        report.returnForRevision(reason, user.id(), now);
        step(user, report, ReportAction.RETURNED, reason.strip(), now);
        reports.flush();
    }

    @Transactional
    public void reopen(CurrentUser user, long reportId, Long version, String reason) {
        ProgressReport report = forReview(user, reportId, version);
        Instant now = clock.instant();
        report.reopen(reason, user.role(), user.id(), now);
        step(user, report, ReportAction.REOPENED, reason.strip(), now);
        reports.flush();
    }

    /**
     * Stores an evidence file after checking its real type, its size, the report's total and (for
     * DOCX/XLSX) that it is no zip bomb.
     *
     * @return the message key of the refusal, or empty when stored
     */
    @Transactional
    public Optional<String> addAttachment(CurrentUser user, long reportId, String fileName, long declaredSize,
                                          InputStreamSource file) throws IOException {
        ReportDetail detail = detail(user, reportId);
        if (!canEdit(user, detail)) {
            throw new ReportWorkflowException("report.workflow.locked");
        }
        AttachmentInspector.Verdict verdict = declaredSize > AttachmentInspector.MAX_FILE_BYTES
                ? AttachmentInspector.Verdict.refused("report.attachment.error.tooLarge")
                : AttachmentInspector.inspect(fileName, declaredSize, file.getInputStream());
        if (!verdict.accepted()) {
            return Optional.of(verdict.errorKey());
        }
        byte[] content = verdict.content();
        if (attachments.totalSize(reportId) + content.length > AttachmentInspector.MAX_REPORT_BYTES) {
            return Optional.of("report.attachment.error.reportFull");
        }
        Instant now = clock.instant();
        attachments.save(ReportAttachment.of(reportId, verdict.safeName(), verdict.contentType(), content, verdict.sha256(),
                user.id(), now));
        events.save(ReportEvent.of(reportId, now, user.id(), user.displayName(), ReportAction.ATTACHMENT_ADDED, null, null,
                verdict.safeName(), null));
        return Optional.empty();
    }

    @Transactional
    public void removeAttachment(CurrentUser user, long reportId, long attachmentId) {
        ReportDetail detail = detail(user, reportId);
        if (!canEdit(user, detail)) {
            throw new ReportWorkflowException("report.workflow.locked");
        }
        ReportAttachment attachment = attachments.findByIdAndReportId(attachmentId, reportId).orElseThrow(NotFoundException::new);
        attachments.delete(attachment);
        events.save(ReportEvent.of(reportId, clock.instant(), user.id(), user.displayName(), ReportAction.ATTACHMENT_REMOVED,
                null, attachment.getFileName(), null, null));
    }

    // ----------------------------------------------------------------- helpers

    private ProgressReport forReview(CurrentUser user, long reportId, Long version) {
        if (!canReview(user)) {
            throw new NotFoundException();
        }
        ReportDetail detail = detail(user, reportId);
        if (detail.kind() != ReportKind.LEAD) {
            throw new NotFoundException();
        }
        ProgressReport report = reports.findById(reportId).orElseThrow(NotFoundException::new);
        requireVersion(report, version);
        return report;
    }

    private static void requireVersion(ProgressReport report, Long version) {
        if (version == null || version != report.getVersion()) {
            throw new ReportConflictException(report.getId());
        }
    }

    private void step(CurrentUser user, ProgressReport report, ReportAction action, String comment, Instant now) {
        events.save(ReportEvent.of(report.getId(), now, user.id(), user.displayName(), action, null, null,
                report.getStatus().name(), comment));
        publisher.publishEvent(new AuditEvent("REPORT_" + action.name(), user.getUsername(), null,
                "report:" + report.getId(), null, report.getStatus().name() + (comment == null ? "" : ": " + comment)));
    }

    private ReportQueries.Header visibleHeader(CurrentUser user, long reportId) {
        ReportQueries.Header header = queries.header(reportId).orElseThrow(NotFoundException::new);
        Scope scope = scopes.scopeOf(user);
        boolean ownAgency = user.role() == Role.REPORTER && scope.agencyId() != null && scope.agencyId() == header.agencyId();
        boolean inUnits = user.role() != Role.REPORTER && scope.unitIds().contains(header.unitId());
        if (!ownAgency && !inUnits && !leadSeesContribution(user, reportId, header)) {
            throw new NotFoundException();
        }
        return header;
    }

    /**
     * A lead agency sees the contributions sent for its task's year by agencies of its own area (its
     * unit, the units above and below it), not those of another district.
     */
    private boolean leadSeesContribution(CurrentUser user, long reportId, ReportQueries.Header header) {
        if (user.role() != Role.REPORTER || user.agencyId() == null) {
            return false;
        }
        return queries.reportOf(user.agencyId(), header.taskId(), header.year(), ReportKind.LEAD).isPresent()
                && queries.sentContributionsForLead(header.taskId(), header.year(), user.agencyId()).contains(reportId);
    }

    private List<Long> indicatorIds(ReportDetail report) {
        return plan.indicatorsOfTask(report.taskId()).stream().map(IndicatorView::id).toList();
    }

    private ReportDetail toDetail(ReportQueries.Header header, ProgressReport report) {
        return toDetails(List.of(header), Map.of(report.getId(), report)).get(0);
    }

    /**
     * Several reports with their indicators and attachments, in the headers' order, in a fixed number
     * of statements whatever their number: the indicators of each task (contributions all share their
     * lead's task), the indicators no longer asked for that still hold a value, and the attachments.
     */
    private List<ReportDetail> toDetails(List<ReportQueries.Header> headers, Map<Long, ProgressReport> byId) {
        if (headers.isEmpty()) {
            return List.of();
        }
        Map<Long, List<IndicatorView>> ofTask = new HashMap<>();
        headers.forEach(header -> ofTask.computeIfAbsent(byId.get(header.id()).getTaskId(), plan::indicatorsOfTask));
        Set<Long> missing = new HashSet<>();
        for (ReportQueries.Header header : headers) {
            ProgressReport report = byId.get(header.id());
            Set<Long> asked = ofTask.get(report.getTaskId()).stream().map(IndicatorView::id).collect(Collectors.toSet());
            report.getIndicatorValues().keySet().stream().filter(id -> !asked.contains(id)).forEach(missing::add);
        }
        Map<Long, IndicatorView> others = new LinkedHashMap<>();
        plan.indicatorsWithIds(missing).forEach(i -> others.put(i.id(), i));
        Map<Long, List<AttachmentView>> files = queries.attachments(headers.stream().map(ReportQueries.Header::id).toList());
        return headers.stream().map(header -> {
            ProgressReport report = byId.get(header.id());
            return toDetail(header, report, ofTask.get(report.getTaskId()), others,
                    files.getOrDefault(report.getId(), List.of()));
        }).toList();
    }

    private static ReportDetail toDetail(ReportQueries.Header header, ProgressReport report, List<IndicatorView> ofTask,
                                         Map<Long, IndicatorView> others, List<AttachmentView> files) {
        Map<Long, BigDecimal> values = report.getIndicatorValues();
        // The task's indicators in order, then any other the report still holds a value for.
        Map<Long, IndicatorView> shown = new LinkedHashMap<>();
        ofTask.forEach(i -> shown.put(i.id(), i));
        others.values().stream().filter(i -> values.containsKey(i.id()) && !shown.containsKey(i.id()))
                .forEach(i -> shown.put(i.id(), i));
        List<IndicatorValue> indicators = shown.values().stream()
                .map(i -> new IndicatorValue(i.id(), i.name(), i.unit(), values.get(i.id()))).toList();
        Boolean onTime = report.getFirstSubmittedAt() == null || header.dueOn() == null ? null
                : report.submittedOnTime(header.dueOn());
        return new ReportDetail(report.getId(), header.agencyId(), header.agencyName(), header.unitName(), header.taskId(),
                header.taskCode(), header.taskTitle(), header.year(), report.getKind(), report.getStatus(),
                report.getImplementationStatus(), report.getPercentComplete(), report.getDocumentsIssued(), report.getResults(),
                report.getDifficulties(), report.getProposals(), report.getBudgetPlanned(), report.getBudgetSpent(),
                report.getBudgetOtherPlanned(), report.getBudgetOtherSpent(), indicators,
                report.getFirstSubmittedAt(), report.getSubmittedAt(), report.getApprovedAt(), report.getReturnReason(),
                report.getUpdatedAt(), report.getVersion(), header.dueOn(), onTime, files, header.partFrom(), header.partTo());
    }
}
