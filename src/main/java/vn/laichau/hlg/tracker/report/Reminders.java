package vn.laichau.hlg.tracker.report;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.laichau.hlg.tracker.period.PeriodService;
import vn.laichau.hlg.tracker.period.PeriodView;
import vn.laichau.hlg.tracker.shared.VietnamTime;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * E-mail reminders to reporters whose agency still owes reports: 14 and 3 days before the due date,
 * and every week during the two months after it. Everything due is gathered into one digest per person,
 * at most one per day (the {@code reminder_digest} table decides, across instances), to verified addresses only. Runs once a day
 * on one instance only (ShedLock), and only when SMTP is configured ({@code spring.mail.host}).
 */
@Component
class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final int OVERDUE_DAYS = 60;

    private final JdbcClient jdbc;
    private final PeriodService periods;
    private final MessageSource messages;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final Clock clock;
    private final String from;

    Reminders(JdbcClient jdbc, PeriodService periods, MessageSource messages, ObjectProvider<JavaMailSender> mailSender,
              Clock clock, @org.springframework.beans.factory.annotation.Value("${app.mail.from:}") String from) {
        this.from = from;
        this.jdbc = jdbc;
        this.periods = periods;
        this.messages = messages;
        this.mailSender = mailSender;
        this.clock = clock;
    }

    @Scheduled(cron = "${app.reminders.cron:0 0 7 * * *}", zone = VietnamTime.ZONE_ID)
    @SchedulerLock(name = "report-reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void daily() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender != null) {
            int sent = send(LocalDate.now(clock), sender);
            log.info("Report reminders: {} digests sent", sent);
        }
    }

    /** Whether the period's due date calls for a reminder today. */
    static boolean remindOn(LocalDate today, PeriodView period) {
        if (period.closed() || today.isBefore(period.opensOn())) {
            return false;
        }
        long days = ChronoUnit.DAYS.between(today, period.dueOn());
        return days == 14 || days == 3 || (days < 0 && -days <= OVERDUE_DAYS && -days % 7 == 1);
    }

    private record Pending(long accountId, String email, String displayName, String taskCode, String taskTitle, int year,
                           LocalDate dueOn) {
    }

    /**
     * Sends today's digests.
     *
     * @return how many were sent
     */
    @Transactional
    int send(LocalDate today, JavaMailSender sender) {
        List<Integer> years = periods.all().stream().filter(p -> remindOn(today, p)).map(PeriodView::year).toList();
        if (years.isEmpty()) {
            return 0;
        }
        List<Pending> pending = jdbc.sql("""
                select ac.id as account_id, ac.email, ac.display_name, t.code as task_code, t.title as task_title,
                       o.year, p.due_on
                from account ac
                join obligation o on o.agency_id = ac.agency_id
                join reporting_period p on p.year = o.year
                join task t on t.id = o.task_id
                join task_group g on g.id = t.group_id
                left join progress_report r on r.agency_id = o.agency_id and r.task_id = o.task_id
                                            and r.year = o.year and r.kind = 'LEAD'
                where ac.role = 'REPORTER' and ac.enabled and coalesce(ac.email, '') <> '' and ac.email_verified_at is not null
                  and o.year in (:years)
                  and (r.id is null or r.status in ('DRAFT', 'RETURNED'))
                order by ac.id, o.year, g.position, t.position""")
                .param("years", years).query(Pending.class).list();
        Map<Long, List<Pending>> byAccount = new LinkedHashMap<>();
        pending.forEach(p -> byAccount.computeIfAbsent(p.accountId(), id -> new java.util.ArrayList<>()).add(p));
        int sent = 0;
        for (List<Pending> lines : byAccount.values()) {
            Pending first = lines.get(0);
            boolean firstToday = jdbc.sql("""
                    insert into reminder_digest (account_id, sent_on) values (?, ?) on conflict do nothing""")
                    .params(first.accountId(), today).update() == 1;
            if (!firstToday) {
                continue;
            }
            try {
                sender.send(digest(today, first, lines));
                sent++;
            } catch (MailException e) {
                log.warn("Reminder to account {} not sent: {}", first.accountId(), e.getMessage());
            }
        }
        return sent;
    }

    private SimpleMailMessage digest(LocalDate today, Pending who, List<Pending> lines) {
        StringBuilder body = new StringBuilder(messages.getMessage("report.reminder.greeting",
                new Object[] {who.displayName()}, VIETNAMESE)).append("\n\n")
                .append(messages.getMessage("report.reminder.intro", null, VIETNAMESE)).append("\n\n");
        for (Pending line : lines) {
            long days = ChronoUnit.DAYS.between(today, line.dueOn());
            String when = days >= 0
                    ? messages.getMessage("report.reminder.daysLeft", new Object[] {DATE.format(line.dueOn()), days}, VIETNAMESE)
                    : messages.getMessage("report.reminder.overdue", new Object[] {DATE.format(line.dueOn()), -days}, VIETNAMESE);
            body.append("- ").append(messages.getMessage("report.reminder.line",
                    new Object[] {line.taskCode(), String.valueOf(line.year()), line.taskTitle(), when}, VIETNAMESE)).append('\n');
        }
        body.append('\n').append(messages.getMessage("report.reminder.closing", null, VIETNAMESE)).append('\n');
        SimpleMailMessage message = new SimpleMailMessage();
        if (!from.isBlank()) {
            message.setFrom(from);
        }
        message.setTo(who.email());
        message.setSubject(messages.getMessage("report.reminder.subject", new Object[] {lines.size()}, VIETNAMESE));
        message.setText(body.toString());
        return message;
    }
}
