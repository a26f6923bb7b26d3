package vn.laichau.hlg.tracker.report;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.laichau.hlg.tracker.account.ScopeService;
import vn.laichau.hlg.tracker.shared.AuditEvent;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Pages;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.shared.web.NotFoundException;
import vn.laichau.hlg.tracker.unit.UnitService;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Difficulties and proposals of approved reports as items (made by the database when a report is
 * approved, one per non-empty line): the list a reviewer filters, the province reviewer's status, answer
 * and merging of duplicates, and the answers a reporter reads on its report. Every read checks the
 * person's scope: an item is in scope when one of its reports (its own or one merged into it) is.
 */
@Service
@Transactional(readOnly = true)
public class DifficultyService {

    /** The longest answer, as the form says. */
    public static final int ANSWER_LIMIT = 5_000;
    public static final int PAGE_SIZE = 25;

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /** One item of the list: the item, the report it came from, and how many duplicates were merged into it. */
    public record Row(long id, DifficultyKind kind, String text, DifficultyStatus status, String answer, long reportId,
                      int year, String agencyName, String unitName, String taskCode, long merged) {
    }

    /** A report an item came from. */
    public record Source(long itemId, long reportId, int year, String agencyName, String taskCode, String text) {
    }

    /** One item with every report it came from (in scope), and the item it was merged into, if any. */
    public record Item(long id, DifficultyKind kind, String text, DifficultyStatus status, String answer, long version,
                       Long mergedInto, List<Source> sources) {
    }

    /** A difficulty or proposal of one report, with the status and answer of the item that carries it. */
    public record Answer(DifficultyKind kind, String text, DifficultyStatus status, String answer) {
    }

    /** The list's filters; null means any. */
    public record Filter(Integer year, Long unitId, DifficultyStatus status, DifficultyKind kind) {
    }

    private static final String SOURCE = """
            from difficulty_item x
            join progress_report xr on xr.id = x.report_id
            join agency xa on xa.id = xr.agency_id
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final ScopeService scopes;
    private final UnitService units;
    private final ReportService reports;
    private final ApplicationEventPublisher publisher;
    private final MessageSource messages;
    private final Clock clock;

    DifficultyService(NamedParameterJdbcTemplate jdbc, ScopeService scopes, UnitService units, ReportService reports,
                      ApplicationEventPublisher publisher, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.units = units;
        this.reports = reports;
        this.publisher = publisher;
        this.messages = messages;
        this.clock = clock;
    }

    /** Whether the person may change items: the province reviewer only; a district reviewer reads. */
    public boolean canAct(CurrentUser user) {
        return user.role() == Role.PROVINCE_REVIEWER;
    }

    /** Items in the reviewer's scope, each once (duplicates merged into it are not listed). */
    public Page<Row> list(CurrentUser user, Filter filter, int page) {
        Set<Long> unitIds = scopeUnits(user);
        if (filter.unitId() != null) {
            unitIds.retainAll(units.subtreeIds(filter.unitId()));
        }
        if (unitIds.isEmpty()) {
            return Page.empty();
        }
        MapSqlParameterSource params = new MapSqlParameterSource("units", unitIds);
        StringBuilder where = new StringBuilder("""
                where d.merged_into is null
                  and exists (select 1 %s where (x.id = d.id or x.merged_into = d.id) and xa.unit_id in (:units)
                """.formatted(SOURCE));
        if (filter.year() != null) {
            where.append(" and xr.year = :year");
            params.addValue("year", filter.year());
        }
        where.append(')');
        if (filter.status() != null) {
            where.append(" and d.status = :status");
            params.addValue("status", filter.status().name());
        }
        if (filter.kind() != null) {
            where.append(" and d.kind = :kind");
            params.addValue("kind", filter.kind().name());
        }
        String from = " from difficulty_item d join progress_report r on r.id = d.report_id"
                + " join agency a on a.id = r.agency_id join administrative_unit u on u.id = a.unit_id"
                + " join task t on t.id = r.task_id ";
        return Pages.clamped(page, PAGE_SIZE, pageable -> query(from, where.toString(), params, pageable));
    }

    private Page<Row> query(String from, String where, MapSqlParameterSource params, Pageable pageable) {
        Long total = jdbc.queryForObject("select count(*)" + from + where, params, Long.class);
        List<Row> rows = jdbc.query("""
                select d.id, d.kind, d.text, d.status, d.answer, r.id as report_id, r.year, a.name as agency_name,
                       u.name as unit_name, t.code as task_code,
                       (select count(*) from difficulty_item m where m.merged_into = d.id) as merged
                """ + from + where + " order by r.year desc, d.id limit :limit offset :offset",
                new MapSqlParameterSource(params.getValues()).addValue("limit", pageable.getPageSize())
                        .addValue("offset", pageable.getOffset()),
                (rs, i) -> new Row(rs.getLong("id"), DifficultyKind.valueOf(rs.getString("kind")), rs.getString("text"),
                        DifficultyStatus.valueOf(rs.getString("status")), rs.getString("answer"), rs.getLong("report_id"),
                        rs.getInt("year"), rs.getString("agency_name"), rs.getString("unit_name"), rs.getString("task_code"),
                        rs.getLong("merged")));
        return new PageImpl<>(rows, pageable, total == null ? 0 : total);
    }

    /** One item with its reports in scope; 404 when none of its reports is in the person's scope. */
    public Item item(CurrentUser user, long id) {
        Set<Long> unitIds = scopeUnits(user);
        List<Item> found = jdbc.query("select id, kind, text, status, answer, version, merged_into from difficulty_item where id = :id",
                new MapSqlParameterSource("id", id), (rs, i) -> new Item(rs.getLong("id"),
                        DifficultyKind.valueOf(rs.getString("kind")), rs.getString("text"),
                        DifficultyStatus.valueOf(rs.getString("status")), rs.getString("answer"), rs.getLong("version"),
                        (Long) rs.getObject("merged_into"), List.of()));
        if (found.isEmpty() || unitIds.isEmpty()) {
            throw new NotFoundException();
        }
        List<Source> sources = jdbc.query("""
                select x.id, xr.id as report_id, xr.year, xa.name as agency_name, t.code as task_code, x.text
                """ + SOURCE + """
                join task t on t.id = xr.task_id
                where (x.id = :id or x.merged_into = :id) and xa.unit_id in (:units)
                order by x.id <> :id, xr.year, xa.name, x.id
                """, new MapSqlParameterSource("id", id).addValue("units", unitIds), DifficultyService::source);
        if (sources.isEmpty()) {
            throw new NotFoundException();
        }
        Item item = found.get(0);
        return new Item(item.id(), item.kind(), item.text(), item.status(), item.answer(), item.version(), item.mergedInto(),
                sources);
    }

    private static Source source(ResultSet rs, int i) throws SQLException {
        return new Source(rs.getLong("id"), rs.getLong("report_id"), rs.getInt("year"), rs.getString("agency_name"),
                rs.getString("task_code"), rs.getString("text"));
    }

    /**
     * Sets the status and the answer. A status only moves forward; a direction or a resolution needs an
     * answer.
     *
     * @return the message key of each refused field (status, answer, version); empty when saved
     */
    @Transactional
    public Map<String, String> update(CurrentUser user, long id, String status, String answer, Long version) {
        Item item = actionable(user, id);
        Map<String, String> errors = new LinkedHashMap<>();
        DifficultyStatus next = Arrays.stream(DifficultyStatus.values()).filter(s -> s.name().equals(status))
                .findFirst().orElse(null);
        String text = answer == null || answer.isBlank() ? null : answer.strip();
        if (next == null) {
            errors.put("status", "difficulty.error.status");
        } else if (!item.status().mayBecome(next)) {
            errors.put("status", "difficulty.error.backwards");
        }
        if (text != null && text.length() > ANSWER_LIMIT) {
            errors.put("answer", "difficulty.error.answerTooLong");
        } else if (next != null && next.answered() && text == null) {
            errors.put("answer", "difficulty.error.answerRequired");
        }
        if (errors.isEmpty() && (version == null || version != item.version())) {
            errors.put("version", "difficulty.error.stale");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        int changed = jdbc.update("""
                update difficulty_item set status = :status, answer = :answer, version = version + 1,
                       updated_at = :now, updated_by_id = :by
                where id = :id and version = :version
                """, new MapSqlParameterSource("status", next.name()).addValue("answer", text).addValue("id", id)
                .addValue("version", version).addValue("now", Timestamp.from(clock.instant())).addValue("by", user.id()));
        if (changed == 0) {
            return Map.of("version", "difficulty.error.stale");
        }
        publisher.publishEvent(new AuditEvent("DIFFICULTY_UPDATED", user.getUsername(), null, "difficulty:" + id,
                words(item.status(), item.answer()), words(next, text)));
        return Map.of();
    }

    /**
     * Merges the item into another of the same kind as its duplicate: it is listed once, under the other,
     * with both reports linked. Items already merged into it follow it.
     *
     * @return the message key of the refusal of the field {@code into}; empty when merged
     */
    @Transactional
    public Map<String, String> merge(CurrentUser user, long id, String into) {
        Item item = actionable(user, id);
        Long target = parseId(into);
        if (target == null) {
            return Map.of("into", "difficulty.error.mergeNumber");
        }
        if (target == id) {
            return Map.of("into", "difficulty.error.mergeSelf");
        }
        if (item.mergedInto() != null) {
            return Map.of("into", "difficulty.error.alreadyMerged");
        }
        Item other;
        try {
            other = item(user, target);
        } catch (NotFoundException unknown) {
            return Map.of("into", "difficulty.error.mergeUnknown");
        }
        if (other.mergedInto() != null) {
            other = item(user, other.mergedInto());
        }
        if (other.id() == id) {
            return Map.of("into", "difficulty.error.mergeSelf");
        }
        if (other.kind() != item.kind()) {
            return Map.of("into", "difficulty.error.mergeKind");
        }
        MapSqlParameterSource params = new MapSqlParameterSource("id", id).addValue("target", other.id())
                .addValue("now", Timestamp.from(clock.instant())).addValue("by", user.id());
        jdbc.update("update difficulty_item set merged_into = :target, version = version + 1, updated_at = :now,"
                + " updated_by_id = :by where merged_into = :id", params);
        jdbc.update("update difficulty_item set merged_into = :target, version = version + 1, updated_at = :now,"
                + " updated_by_id = :by where id = :id", params);
        publisher.publishEvent(new AuditEvent("DIFFICULTY_MERGED", user.getUsername(), null, "difficulty:" + id,
                item.text(), messages.getMessage("difficulty.audit.merged", new Object[]{other.id(), other.text()}, VIETNAMESE)));
        return Map.of();
    }

    /** The difficulties and proposals of a report the person may read, each with its item's status and answer. */
    public List<Answer> ofReport(CurrentUser user, long reportId) {
        reports.detail(user, reportId);
        return jdbc.query("""
                select d.kind, d.text, coalesce(m.status, d.status) as status, coalesce(m.answer, d.answer) as answer
                from difficulty_item d
                left join difficulty_item m on m.id = d.merged_into
                where d.report_id = :report
                order by d.kind, d.position, d.id
                """, new MapSqlParameterSource("report", reportId), (rs, i) -> new Answer(
                DifficultyKind.valueOf(rs.getString("kind")), rs.getString("text"),
                DifficultyStatus.valueOf(rs.getString("status")), rs.getString("answer")));
    }

    private Item actionable(CurrentUser user, long id) {
        if (!canAct(user)) {
            throw new NotFoundException();
        }
        return item(user, id);
    }

    private Set<Long> scopeUnits(CurrentUser user) {
        if (user.role() != Role.PROVINCE_REVIEWER && user.role() != Role.DISTRICT_REVIEWER) {
            throw new NotFoundException();
        }
        return new HashSet<>(scopes.scopeOf(user).unitIds());
    }

    private String words(DifficultyStatus status, String answer) {
        String label = messages.getMessage("DifficultyStatus." + status.name(), null, VIETNAMESE);
        return answer == null ? label : messages.getMessage("difficulty.audit.withAnswer", new Object[]{label, answer}, VIETNAMESE);
    }

    private static Long parseId(String text) {
        if (text == null) {
            return null;
        }
        String digits = text.strip().replaceFirst("^#", "");
        if (!digits.matches("\\d{1,12}")) {
            return null;
        }
        return Long.parseLong(digits);
    }
}
