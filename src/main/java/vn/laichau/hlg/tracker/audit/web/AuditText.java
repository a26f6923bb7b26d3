package vn.laichau.hlg.tracker.audit.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.laichau.hlg.tracker.audit.AuditService.AuditLine;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An audit entry in words for the audit page: the kind as a Vietnamese label, the target by its name
 * (with a link where an administrator has a page for it), and the recorded values with names and
 * labels instead of codes and ids. What it cannot read is shown as recorded.
 *
 * <p>A page of the trail names up to a few hundred accounts, agencies, units, reports, indicators and
 * tasks; {@link #of} looks up all the names of one page at once (one statement per kind of thing, and
 * only for the kinds the page names), so a page costs the same few statements however many lines it has.
 */
@Component("auditText")
class AuditText {

    /** How accounts are described in the trail: {@code name=…, role=…, agency=…, unit=…}. */
    private static final Pattern ACCOUNT = Pattern.compile(
            "name=(?<name>.*), role=(?<role>[A-Z_]+), agency=(?<agency>\\d+|null), unit=(?<unit>\\d+|null)");
    /** A report's step: its new status, then the reason if one was given. */
    private static final Pattern REPORT_STEP = Pattern.compile("(?<status>DRAFT|SUBMITTED|RETURNED|APPROVED)(?:: (?<comment>.*))?",
            Pattern.DOTALL);
    private static final Pattern TARGET = Pattern.compile("(?<type>[a-z-]+):(?<key>.+)");
    private static final Pattern INDICATOR_VALUE = Pattern.compile("indicator:(?<id>\\d+)");
    private static final Pattern WORD = Pattern.compile("[a-z][a-z -]*");

    private final MessageSource messages;
    private final JdbcClient jdbc;

    AuditText(MessageSource messages, JdbcClient jdbc) {
        this.messages = messages;
        this.jdbc = jdbc;
    }

    /** What an entry's target names: a label, and the administrator's page for it when there is one. */
    public record Target(String label, String href) {
    }

    public String kind(String kind) {
        return label("audit.kind." + kind, kind);
    }

    /** The words for one page of the trail, with every name the page needs looked up at once. */
    public Words of(Collection<AuditLine> lines) {
        Set<String> usernames = new HashSet<>();
        Set<Long> agencies = new HashSet<>();
        Set<Long> units = new HashSet<>();
        Set<Long> reports = new HashSet<>();
        Set<Long> indicators = new HashSet<>();
        Set<Long> tasks = new HashSet<>();
        for (AuditLine line : lines) {
            Matcher target = line.target() == null ? null : TARGET.matcher(line.target());
            if (target != null && target.matches()) {
                String key = target.group("key");
                switch (target.group("type")) {
                    case "account" -> usernames.add(key);
                    case "agency" -> number(key).ifPresent(agencies::add);
                    case "unit" -> number(key).ifPresent(units::add);
                    case "report" -> number(key).ifPresent(reports::add);
                    case "indicator" -> number(key).ifPresent(indicators::add);
                    case "task" -> number(key).ifPresent(tasks::add);
                    default -> {
                        // shown as recorded
                    }
                }
            }
            for (String value : new String[] {line.oldValue(), line.newValue()}) {
                if (value == null) {
                    continue;
                }
                Matcher account = ACCOUNT.matcher(value);
                if (account.matches()) {
                    number(account.group("agency")).ifPresent(agencies::add);
                    number(account.group("unit")).ifPresent(units::add);
                }
                Matcher indicator = INDICATOR_VALUE.matcher(value);
                if (indicator.matches()) {
                    number(indicator.group("id")).ifPresent(indicators::add);
                }
            }
        }
        Map<String, Object[]> accountsByName = new HashMap<>();
        if (!usernames.isEmpty()) {
            jdbc.sql("select username, id, display_name from account where username in (:names)").param("names", usernames)
                    .query((rs, row) -> accountsByName.put(rs.getString(1), new Object[] {rs.getLong(2), rs.getString(3)}))
                    .list();
        }
        Map<Long, String> reportLabels = new HashMap<>();
        if (!reports.isEmpty()) {
            jdbc.sql("""
                            select r.id, t.code, r.year, a.name from progress_report r
                            join task t on t.id = r.task_id join agency a on a.id = r.agency_id where r.id in (:ids)""")
                    .param("ids", reports)
                    .query((rs, row) -> reportLabels.put(rs.getLong(1), message("audit.target.report", rs.getString(2),
                            String.valueOf(rs.getInt(3)), rs.getString(4))))
                    .list();
        }
        return new Words(accountsByName, names("agency", agencies), names("administrative_unit", units), reportLabels,
                names("indicator", indicators), names("task", tasks, "code"));
    }

    private Map<Long, String> names(String table, Set<Long> ids) {
        return names(table, ids, "name");
    }

    /** The names (or codes) of the rows of a table with these ids; the table and column are this class's own words. */
    private Map<Long, String> names(String table, Set<Long> ids, String column) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, " + column + " from " + table + " where id in (:ids)").param("ids", ids)
                    .query((rs, row) -> names.put(rs.getLong(1), rs.getString(2))).list();
        }
        return names;
    }

    /** One page's words: every name it shows was looked up before the page is drawn. */
    public final class Words {

        private final Map<String, Object[]> accounts;
        private final Map<Long, String> agencies;
        private final Map<Long, String> units;
        private final Map<Long, String> reports;
        private final Map<Long, String> indicators;
        private final Map<Long, String> tasks;

        private Words(Map<String, Object[]> accounts, Map<Long, String> agencies, Map<Long, String> units,
                      Map<Long, String> reports, Map<Long, String> indicators, Map<Long, String> tasks) {
            this.accounts = accounts;
            this.agencies = agencies;
            this.units = units;
            this.reports = reports;
            this.indicators = indicators;
            this.tasks = tasks;
        }

        public String kind(String kind) {
            return AuditText.this.kind(kind);
        }

        public Target target(String target) {
            if (target == null) {
                return new Target("", null);
            }
            Matcher matcher = TARGET.matcher(target);
            if (!matcher.matches()) {
                return new Target(label("audit.target." + target, target), null);
            }
            String key = matcher.group("key");
            return switch (matcher.group("type")) {
                case "account" -> Optional.ofNullable(accounts.get(key))
                        .map(account -> new Target(message("audit.target.account", account[1], key), "/admin/accounts/" + account[0]))
                        .orElse(new Target(message("audit.target.account", key, key), null));
                case "agency" -> number(key).map(agencies::get)
                        .map(name -> new Target(name, "/admin/agencies/" + key + "/edit")).orElse(new Target(target, null));
                case "unit" -> number(key).map(units::get)
                        .map(name -> new Target(name, "/admin/units")).orElse(new Target(target, null));
                case "period" -> new Target(message("audit.target.period", key), "/admin/periods");
                case "report" -> number(key).map(reports::get).map(label -> new Target(label, null))
                        .orElse(new Target(target, null));
                case "indicator" -> number(key).map(indicators::get)
                        .map(name -> new Target(name, "/admin/plan/indicators/" + key)).orElse(new Target(target, null));
                case "task" -> number(key).map(tasks::get)
                        .map(code -> new Target(message("audit.target.task", code), "/plan/tasks/" + code))
                        .orElse(new Target(target, null));
                default -> new Target(target, null);
            };
        }

        /** A recorded value (before or after) in words. */
        public String value(String kind, String raw) {
            if (raw == null) {
                return null;
            }
            Matcher account = ACCOUNT.matcher(raw);
            if (account.matches()) {
                Map<String, String> parts = new LinkedHashMap<>();
                parts.put(message("audit.field.name"), account.group("name"));
                parts.put(message("audit.field.role"), label("Role." + account.group("role"), account.group("role")));
                parts.put(message("audit.field.agency"), number(account.group("agency")).map(agencies::get)
                        .orElse(message("audit.field.none")));
                parts.put(message("audit.field.unit"), number(account.group("unit")).map(units::get)
                        .orElse(message("audit.field.none")));
                StringBuilder text = new StringBuilder();
                parts.forEach((label, value) -> text.append(text.isEmpty() ? "" : "; ").append(label).append(": ").append(value));
                return text.toString();
            }
            Matcher indicator = INDICATOR_VALUE.matcher(raw);
            if (indicator.matches()) {
                return number(indicator.group("id")).map(indicators::get).orElse(raw);
            }
            Matcher step = REPORT_STEP.matcher(raw);
            if (kind != null && kind.startsWith("REPORT_") && step.matches()) {
                String status = message("ReportStatus." + step.group("status"));
                return step.group("comment") == null ? status : message("audit.value.withReason", status, step.group("comment"));
            }
            if (WORD.matcher(raw).matches()) {
                return label("audit.value." + raw.replace(' ', '-'), raw);
            }
            return raw;
        }
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    private String label(String key, String fallback) {
        return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
    }
}
