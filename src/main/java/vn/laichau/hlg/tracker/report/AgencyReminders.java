package vn.laichau.hlg.tracker.report;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.laichau.hlg.tracker.account.ScopeService;
import vn.laichau.hlg.tracker.shared.AuditEvent;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Mailer;
import vn.laichau.hlg.tracker.shared.Role;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an agency owes in a year, and the reviewers' reminders ("Nhắc") about it. A reminder goes to the
 * agency's reporters in the application (their notifications) and by e-mail to their verified
 * addresses. Each obligation may be reminded once per 24 hours (across instances: the
 * {@code agency_reminder} rows decide, under a lock on the agency); a reminder for the whole agency
 * covers what it still owes and has not been reminded of meanwhile. Only reviewers whose scope holds
 * the agency may remind it; it is written to the audit trail.
 */
@Service
@Transactional
public class AgencyReminders {

    /** How long after a reminder the same obligation may be reminded again. */
    public static final Duration INTERVAL = Duration.ofHours(24);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private final JdbcClient jdbc;
    private final ScopeService scopes;
    private final Mailer mailer;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AgencyReminders(JdbcClient jdbc, ScopeService scopes, Mailer mailer, MessageSource messages,
                    ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.mailer = mailer;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /** One obligation of the agency: its report if any, and when it was last reminded. */
    public record Line(long taskId, String taskCode, String taskTitle, Long reportId, ReportStatus status,
                       Instant lastReminded, boolean owed, Instant remindableFrom) {

        /** Whether a reminder may be sent now ({@code remindableFrom} null: at once). */
        public boolean remindable() {
            return owed && remindableFrom == null;
        }
    }

    /** The agency's obligations of a year as the reminder page shows them. */
    public record AgencyYear(long agencyId, String agencyName, int year, List<Line> lines, boolean mayRemind) {

        public boolean anyRemindable() {
            return mayRemind && lines.stream().anyMatch(Line::remindable);
        }
    }

    /** How a reminder ended, in words for the page that asked. */
    public record Outcome(boolean sent, String message) {
    }

    public static boolean mayRemind(CurrentUser user) {
        return user.role() == Role.PROVINCE_REVIEWER || user.role() == Role.DISTRICT_REVIEWER;
    }

    /** The agency's obligations of the year; empty when the agency is unknown or outside the person's scope. */
    @Transactional(readOnly = true)
    public Optional<AgencyYear> obligations(CurrentUser user, long agencyId, int year) {
        if (!(mayRemind(user) || user.role() == Role.VIEWER) || !scopes.canSee(user, agencyId)) {
            return Optional.empty();
        }
        String name = jdbc.sql("select name from agency where id = ?").param(agencyId).query(String.class).optional().orElse(null);
        if (name == null) {
            return Optional.empty();
        }
        return Optional.of(new AgencyYear(agencyId, name, year, lines(agencyId, year), mayRemind(user)));
    }

    private List<Line> lines(long agencyId, int year) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        select o.task_id, t.code, t.title, r.id as report_id, r.status,
                               (select max(ar.sent_at) from agency_reminder ar
                                where ar.agency_id = o.agency_id and ar.task_id = o.task_id and ar.year = o.year) as last_reminded
                        from obligation o
                        join task t on t.id = o.task_id
                        join task_group g on g.id = t.group_id
                        left join progress_report r on r.agency_id = o.agency_id and r.task_id = o.task_id
                                                    and r.year = o.year and r.kind = 'LEAD'
                        where o.agency_id = ? and o.year = ?
                        order by g.position, t.position""")
                .params(agencyId, year)
                .query((rs, row) -> {
                    String status = rs.getString("status");
                    Timestamp last = rs.getTimestamp("last_reminded");
                    Instant lastReminded = last == null ? null : last.toInstant();
                    Instant from = lastReminded == null || !lastReminded.plus(INTERVAL).isAfter(now) ? null : lastReminded.plus(INTERVAL);
                    boolean owed = status == null || status.equals("DRAFT") || status.equals("RETURNED");
                    long reportId = rs.getLong("report_id");
                    return new Line(rs.getLong("task_id"), rs.getString("code"), rs.getString("title"),
                            rs.wasNull() ? null : reportId, status == null ? null : ReportStatus.valueOf(status),
                            lastReminded, owed, from);
                }).list();
    }

    /**
     * Reminds the agency of one obligation ({@code taskId}) or of everything it owes in the year
     * ({@code taskId} null) that has not been reminded in the last 24 hours.
     *
     * @return empty when the agency is unknown or outside the reviewer's scope
     */
    public Optional<Outcome> remind(CurrentUser user, long agencyId, int year, Long taskId, Locale locale) {
        if (!mayRemind(user) || !scopes.canSee(user, agencyId)) {
            return Optional.empty();
        }
        // Two reviewers pressing at once: the second waits here and then sees the first one's rows.
        Optional<String> agencyName = jdbc.sql("select name from agency where id = ? for update").param(agencyId)
                .query(String.class).optional();
        if (agencyName.isEmpty()) {
            return Optional.empty();
        }
        List<Line> asked = lines(agencyId, year).stream()
                .filter(line -> taskId == null || line.taskId() == taskId).filter(Line::owed).toList();
        if (asked.isEmpty()) {
            return Optional.of(new Outcome(false, message(locale, "reminder.nothingOwed")));
        }
        List<Line> due = asked.stream().filter(Line::remindable).toList();
        if (due.isEmpty()) {
            Instant next = asked.stream().map(Line::remindableFrom).min(Instant::compareTo).orElseThrow();
            return Optional.of(new Outcome(false, message(locale, "reminder.tooSoon", WHEN.format(next.atZone(zone())))));
        }
        Instant now = clock.instant();
        for (Line line : due) {
            jdbc.sql("insert into agency_reminder (agency_id, task_id, year, sent_at, sent_by) values (?, ?, ?, ?, ?)")
                    .params(agencyId, line.taskId(), year, Timestamp.from(now), user.id()).update();
        }
        String tasks = due.stream().map(Line::taskCode).collect(Collectors.joining(", "));
        List<Recipient> recipients = jdbc.sql("""
                        select email, display_name from account
                        where agency_id = ? and role = 'REPORTER' and enabled
                          and email is not null and email_verified_at is not null
                        order by id""")
                .param(agencyId).query(Recipient.class).list();
        int mailed = 0;
        for (Recipient recipient : recipients) {
            if (mailer.send(recipient.email(), vietnamese("reminder.mail.subject", String.valueOf(year)),
                    mail(recipient, agencyName.get(), year, due))) {
                mailed++;
            }
        }
        events.publishEvent(new AuditEvent("REPORT_REMINDER_SENT", user.getUsername(), null, "agency:" + agencyId, null,
                vietnamese("reminder.audit", String.valueOf(year), tasks, recipients.size())));
        return Optional.of(new Outcome(true, message(locale, "reminder.sent", String.valueOf(due.size()), tasks,
                String.valueOf(mailed))));
    }

    /** The reminders sent to a reporter's agency lately, as notifications, newest first. */
    @Transactional(readOnly = true)
    List<ReportViews.Notification> notifications(long accountId, long agencyId, Instant since, int limit) {
        String sql = """
                select coalesce(r.id, 0) as report_id, ar.sent_at as at, 'REMINDED' as action, ac.display_name as actor_name,
                       a.name as agency_name, t.code as task_code, ar.year, null as comment, 'LEAD' as kind,
                """ + UNREAD + " as unread " + REMINDERS_OF_AGENCY + " order by ar.sent_at desc, ar.id desc limit :limit";
        return jdbc.sql(sql)
                .param("account", accountId).param("agency", agencyId).param("since", Timestamp.from(since)).param("limit", limit)
                .query(ReportViews.Notification.class).list();
    }

    /** How many of {@link #notifications} are unread. */
    @Transactional(readOnly = true)
    long unread(long accountId, long agencyId, Instant since) {
        return jdbc.sql("select count(*) filter (where " + UNREAD + ") " + REMINDERS_OF_AGENCY)
                .param("account", accountId).param("agency", agencyId).param("since", Timestamp.from(since))
                .query(Long.class).single();
    }

    /** A reminder is new until it is read, or until what it asked for has been sent. */
    private static final String UNREAD = """
            (ar.sent_at > coalesce(nr.read_at, timestamptz '1970-01-01')
             and (r.id is null or r.status in ('DRAFT', 'RETURNED')))""";

    private static final String REMINDERS_OF_AGENCY = """
            from agency_reminder ar
            join agency a on a.id = ar.agency_id
            join task t on t.id = ar.task_id
            join account ac on ac.id = ar.sent_by
            left join progress_report r on r.agency_id = ar.agency_id and r.task_id = ar.task_id
                                        and r.year = ar.year and r.kind = 'LEAD'
            left join notification_read nr on nr.account_id = :account
            where ar.agency_id = :agency and ar.sent_at >= :since
            """;

    private record Recipient(String email, String displayName) {
    }

    private String mail(Recipient recipient, String agencyName, int year, List<Line> due) {
        StringBuilder body = new StringBuilder(vietnamese("report.reminder.greeting", recipient.displayName())).append("\n\n")
                .append(vietnamese("reminder.mail.intro", agencyName, String.valueOf(year))).append("\n\n");
        for (Line line : due) {
            body.append("- ").append(vietnamese("reminder.mail.line", line.taskCode(), line.taskTitle())).append('\n');
        }
        return body.append('\n').append(vietnamese("report.reminder.closing")).append('\n').toString();
    }

    private ZoneId zone() {
        return ZoneId.of("Asia/Ho_Chi_Minh");
    }

    private String message(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private String vietnamese(String key, Object... arguments) {
        return messages.getMessage(key, arguments, VIETNAMESE);
    }
}
