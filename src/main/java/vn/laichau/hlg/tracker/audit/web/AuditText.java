package vn.laichau.hlg.tracker.audit.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An audit entry in words for the audit page: the kind as a Vietnamese label, the target by its name
 * (with a link where an administrator has a page for it), and the recorded values with names and
 * labels instead of codes and ids. What it cannot read is shown as recorded.
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
            case "account" -> jdbc.sql("select id, display_name from account where username = ?").param(key)
                    .query((rs, row) -> new Target(message("audit.target.account", rs.getString("display_name"), key),
                            "/admin/accounts/" + rs.getLong("id")))
                    .optional().orElse(new Target(message("audit.target.account", key, key), null));
            case "agency" -> number(key).flatMap(this::agencyName)
                    .map(name -> new Target(name, "/admin/agencies/" + key + "/edit")).orElse(new Target(target, null));
            case "unit" -> number(key).flatMap(this::unitName)
                    .map(name -> new Target(name, "/admin/units")).orElse(new Target(target, null));
            case "period" -> new Target(message("audit.target.period", key), "/admin/periods");
            case "report" -> number(key).flatMap(id -> jdbc.sql("""
                            select t.code, r.year, a.name from progress_report r
                            join task t on t.id = r.task_id join agency a on a.id = r.agency_id where r.id = ?""")
                    .param(id)
                    .query((rs, row) -> new Target(message("audit.target.report", rs.getString(1), String.valueOf(rs.getInt(2)),
                            rs.getString(3)), null))
                    .optional()).orElse(new Target(target, null));
            case "indicator" -> number(key).flatMap(this::indicatorName)
                    .map(name -> new Target(name, "/admin/plan/indicators/" + key)).orElse(new Target(target, null));
            case "task" -> number(key).flatMap(id -> jdbc.sql("select code from task where id = ?").param(id).query(String.class).optional())
                    .map(code -> new Target(message("audit.target.task", code), "/plan/tasks/" + code)).orElse(new Target(target, null));
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
            parts.put(message("audit.field.agency"), number(account.group("agency")).flatMap(this::agencyName)
                    .orElse(message("audit.field.none")));
            parts.put(message("audit.field.unit"), number(account.group("unit")).flatMap(this::unitName)
                    .orElse(message("audit.field.none")));
            StringBuilder text = new StringBuilder();
            parts.forEach((label, value) -> text.append(text.isEmpty() ? "" : "; ").append(label).append(": ").append(value));
            return text.toString();
        }
        if (raw.matches("indicator:\\d+")) {
            return indicatorName(Long.parseLong(raw.substring("indicator:".length()))).orElse(raw);
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

    private Optional<String> agencyName(long id) {
        return jdbc.sql("select name from agency where id = ?").param(id).query(String.class).optional();
    }

    private Optional<String> indicatorName(long id) {
        return jdbc.sql("select name from indicator where id = ?").param(id).query(String.class).optional();
    }

    private Optional<String> unitName(long id) {
        return jdbc.sql("select name from administrative_unit where id = ?").param(id).query(String.class).optional();
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
