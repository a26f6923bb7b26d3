package vn.laichau.hlg.tracker.export;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.laichau.hlg.tracker.dashboard.DashboardService;
import vn.laichau.hlg.tracker.shared.AuditEvent;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Days;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.shared.web.NotFoundException;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Editions of the consolidated report. A reviewer starts one for its unit and a period (a year, the sơ
 * kết 2024–2026 or the tổng kết 2024–2030); every section is drafted from the data by
 * {@link ConsolidatedDraft}, then edited in the application, each saved text kept with who saved it and
 * when. Issuing fixes number, date, signer and recipients; from then on the edition never changes (the
 * database refuses it too) and its DOCX is laid out from the stored text. A later edition, started from
 * an issued one with a reason, supersedes it when issued; both are kept.
 *
 * <p>Scope: a province reviewer works on any unit in its scope, a district reviewer on its own unit
 * only; anyone else, and anything outside the scope, is answered as if it did not exist.
 */
@Service
@Transactional
public class EditionService {

    /** The longest text a section may hold, and the limits of the issuing form's fields. */
    public static final int SECTION_LIMIT = 100_000;
    public static final int NUMBER_LIMIT = 50;
    public static final int NAME_LIMIT = 100;
    public static final int RECIPIENTS_LIMIT = 2000;
    public static final int REASON_LIMIT = 2000;

    public static final String DRAFT = "DRAFT";
    public static final String ISSUED = "ISSUED";
    public static final String SUPERSEDED = "SUPERSEDED";

    private final JdbcTemplate jdbc;
    private final DashboardService dashboards;
    private final ExportService exports;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String signerName;

    EditionService(JdbcTemplate jdbc, DashboardService dashboards, ExportService exports, MessageSource messages,
                   ApplicationEventPublisher events, Clock clock, @Value("${app.report.signer-name:}") String signerName) {
        this.jdbc = jdbc;
        this.dashboards = dashboards;
        this.exports = exports;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
        this.signerName = signerName == null ? "" : signerName.strip();
    }

    /** The periods an edition may cover: each year of the plan, the sơ kết and the tổng kết. */
    public record Period(int from, int to) {

        public static final Period INTERIM = new Period(ExportService.FIRST_YEAR, ExportService.INTERIM_YEAR);
        public static final Period FINAL = new Period(ExportService.FIRST_YEAR, ExportService.LAST_YEAR);

        public static List<Period> all() {
            List<Period> periods = new ArrayList<>(List.of(INTERIM, FINAL));
            for (int year = ExportService.FIRST_YEAR; year <= ExportService.LAST_YEAR; year++) {
                periods.add(new Period(year, year));
            }
            return periods;
        }

        /** "2024-2026", "2025": as a form sends it. */
        public String code() {
            return from == to ? String.valueOf(from) : from + "-" + to;
        }

        /** The message key naming the kind of report: sơ kết, tổng kết or a year's. */
        public String kindKey() {
            return equals(INTERIM) ? "edition.kind.interim" : equals(FINAL) ? "edition.kind.final" : "edition.kind.year";
        }

        /** The period a form sent, or null when it is none of {@link #all()}. */
        public static Period parse(String code) {
            return all().stream().filter(p -> p.code().equals(code == null ? "" : code.strip())).findFirst().orElse(null);
        }
    }

    public record Summary(long id, long unitId, String unitName, Period period, String status, String number,
                          LocalDate issuedOn, String createdBy, LocalDateTime createdAt, Long supersedesId, Long supersededById) {
    }

    public record SectionText(Section section, String body, long version, String updatedBy, LocalDateTime updatedAt) {
    }

    public record Edition(long id, long unitId, String unitName, Period period, String status, String subject,
                          String number, LocalDate issuedOn, String signerName, String signerTitle, String recipients,
                          String issuedBy, LocalDateTime issuedAt, Long supersedesId, String supersedesNumber,
                          String supersedeReason, Long supersededById, String supersededByNumber, String createdBy,
                          LocalDateTime createdAt, long version, List<SectionText> sections) {

        public boolean draft() {
            return DRAFT.equals(status);
        }

        public SectionText section(Section section) {
            return sections.stream().filter(s -> s.section() == section).findFirst().orElseThrow(NotFoundException::new);
        }
    }

    public record Revision(long id, Section section, String body, boolean drafted, String savedBy, LocalDateTime savedAt) {
    }

    /** What the issuing form sends. */
    public record IssueForm(String number, String issuedOn, String signerName, String signerTitle, String recipients,
                            Long version) {
    }

    /** A section saved over a newer text than the one the user edited: the newer one, to show beside theirs. */
    public static final class StaleSectionException extends RuntimeException {
        private final transient SectionText current;

        StaleSectionException(SectionText current) {
            super("stale section", null, false, false);
            this.current = current;
        }

        public SectionText current() {
            return current;
        }
    }

    /** Something the edition's state does not allow (e.g. editing an issued edition), by message key. */
    public static final class EditionRefusedException extends RuntimeException {
        private final String messageKey;

        EditionRefusedException(String messageKey) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** Fields of a form that are not right, each with its message key. */
    public static final class InvalidFormException extends RuntimeException {
        private final transient Map<String, String> errors;

        InvalidFormException(Map<String, String> errors) {
            super("invalid form", null, false, false);
            this.errors = errors;
        }

        public Map<String, String> errors() {
            return errors;
        }
    }

    /** The unit the user works on: the given one in scope, or its own; a district reviewer its own only. */
    @Transactional(readOnly = true)
    public long unitFor(CurrentUser user, Long unit) {
        if (user.role() != Role.PROVINCE_REVIEWER && user.role() != Role.DISTRICT_REVIEWER) {
            throw new NotFoundException();
        }
        long root = dashboards.rootFor(user, unit);
        if (user.role() == Role.DISTRICT_REVIEWER && (user.unitId() == null || root != user.unitId())) {
            throw new NotFoundException();
        }
        return root;
    }

    @Transactional(readOnly = true)
    public String unitName(long unit) {
        return jdbc.queryForObject("select name from administrative_unit where id = ?", String.class, unit);
    }

    /** The unit's editions, newest first. */
    @Transactional(readOnly = true)
    public List<Summary> list(CurrentUser user, Long unit) {
        long root = unitFor(user, unit);
        return jdbc.query("""
                select e.id, e.unit_id, u.name unit_name, e.first_year, e.last_year, e.status, e.number, e.issued_on,
                       e.created_by, e.created_at, e.supersedes_id,
                       (select n.id from edition n where n.supersedes_id = e.id and n.status <> 'DRAFT') superseded_by_id
                from edition e join administrative_unit u on u.id = e.unit_id
                where e.unit_id = ? order by e.first_year, e.last_year, e.id desc
                """, (rs, i) -> new Summary(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"),
                new Period(rs.getInt("first_year"), rs.getInt("last_year")), rs.getString("status"), rs.getString("number"),
                rs.getObject("issued_on", LocalDate.class), rs.getString("created_by"), instant(rs, "created_at"),
                rs.getObject("supersedes_id", Long.class), rs.getObject("superseded_by_id", Long.class)), root);
    }

    /**
     * The draft of the unit and period: the one being edited, or a new one drafted from the data now.
     * While an issued edition of the period exists, a new one starts only from it ({@link #supersede}).
     */
    public long start(CurrentUser user, Long unit, Period period, Locale locale) {
        long root = unitFor(user, unit);
        List<Long> draft = jdbc.queryForList("select id from edition where unit_id = ? and first_year = ? and last_year = ? "
                + "and status = 'DRAFT'", Long.class, root, period.from(), period.to());
        if (!draft.isEmpty()) {
            return draft.get(0);
        }
        Integer issued = jdbc.queryForObject("select count(*) from edition where unit_id = ? and first_year = ? "
                + "and last_year = ? and status = 'ISSUED'", Integer.class, root, period.from(), period.to());
        if (issued != null && issued > 0) {
            throw new EditionRefusedException("edition.refused.issuedExists");
        }
        Texts texts = new Texts(messages, locale);
        DocxExport.Data data = exports.data(user, period.from(), period.to(), root, texts);
        DocxExport.Layout layout = DocxExport.Layout.unnumbered(texts, data);
        long id = jdbc.queryForObject("""
                insert into edition (unit_id, first_year, last_year, issuer_parent, issuer_lines, place, subject,
                                     appendix_subject, signer_name, signer_title, recipients, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """, Long.class, root, period.from(), period.to(), layout.issuerParent(),
                String.join("\n", layout.issuerLines()), data.issuer().place(), layout.subject(), layout.appendixSubject(),
                signerName, layout.signerTitle(), String.join("\n", layout.recipients()), user.getUsername());
        Map<Section, String> drafted = new ConsolidatedDraft(texts).draft(data);
        for (Section section : Section.values()) {
            insertSection(id, section, drafted.getOrDefault(section, ""), user.getUsername(), true);
        }
        audit(user, "EDITION_DRAFTED", id, null, period.code());
        return id;
    }

    private void insertSection(long edition, Section section, String body, String by, boolean drafted) {
        jdbc.update("insert into edition_section (edition_id, section, body, updated_by) values (?, ?, ?, ?)",
                edition, section.name(), body, by);
        jdbc.update("insert into edition_revision (edition_id, section, body, drafted, saved_by) values (?, ?, ?, ?, ?)",
                edition, section.name(), body, drafted, by);
    }

    @Transactional(readOnly = true)
    public Edition edition(CurrentUser user, long id) {
        Edition edition = load(id);
        unitFor(user, edition.unitId());
        return edition;
    }

    private Edition load(long id) {
        List<Edition> found = jdbc.query("""
                select e.*, u.name unit_name, s.number supersedes_number,
                       n.id superseded_by_id, n.number superseded_by_number
                from edition e join administrative_unit u on u.id = e.unit_id
                left join edition s on s.id = e.supersedes_id
                left join edition n on n.supersedes_id = e.id and n.status <> 'DRAFT'
                where e.id = ?
                """, (rs, i) -> edition(rs), id);
        if (found.isEmpty()) {
            throw new NotFoundException();
        }
        return found.get(0);
    }

    private Edition edition(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        Map<Section, SectionText> sections = new EnumMap<>(Section.class);
        jdbc.query("select section, body, version, updated_by, updated_at from edition_section where edition_id = ?",
                (ResultSet row) -> {
                    Section section = Section.valueOf(row.getString("section"));
                    sections.put(section, new SectionText(section, row.getString("body"), row.getLong("version"),
                            row.getString("updated_by"), instant(row, "updated_at")));
                }, id);
        return new Edition(id, rs.getLong("unit_id"), rs.getString("unit_name"),
                new Period(rs.getInt("first_year"), rs.getInt("last_year")), rs.getString("status"), rs.getString("subject"),
                rs.getString("number"), rs.getObject("issued_on", LocalDate.class), rs.getString("signer_name"),
                rs.getString("signer_title"), rs.getString("recipients"), rs.getString("issued_by"), instant(rs, "issued_at"),
                rs.getObject("supersedes_id", Long.class), rs.getString("supersedes_number"), rs.getString("supersede_reason"),
                rs.getObject("superseded_by_id", Long.class), rs.getString("superseded_by_number"), rs.getString("created_by"),
                instant(rs, "created_at"), rs.getLong("version"), new ArrayList<>(sections.values()));
    }

    /** Times as they read in Lai Châu. */
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static LocalDateTime instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : LocalDateTime.ofInstant(at.toInstant(), VIETNAM);
    }

    /** Every text the section has had, newest first. */
    @Transactional(readOnly = true)
    public List<Revision> history(CurrentUser user, long id, Section section) {
        edition(user, id);
        return jdbc.query("select id, section, body, drafted, saved_by, saved_at from edition_revision "
                        + "where edition_id = ? and section = ? order by id desc",
                (rs, i) -> new Revision(rs.getLong("id"), Section.valueOf(rs.getString("section")), rs.getString("body"),
                        rs.getBoolean("drafted"), rs.getString("saved_by"), instant(rs, "saved_at")), id, section.name());
    }

    /**
     * Saves a section's text over the version the user edited. A newer text saved meanwhile is not
     * overwritten: {@link StaleSectionException} carries it, so that both can be shown.
     */
    public void save(CurrentUser user, long id, Section section, String body, Long version) {
        Edition edition = edition(user, id);
        if (!edition.draft()) {
            throw new EditionRefusedException("edition.refused.issued");
        }
        String text = body == null ? "" : body.strip();
        if (text.length() > SECTION_LIMIT) {
            throw new InvalidFormException(Map.of("body", "edition.error.tooLong"));
        }
        SectionText current = edition.section(section);
        if (version == null || version != current.version()) {
            throw new StaleSectionException(current);
        }
        if (text.equals(current.body())) {
            return;
        }
        int updated = jdbc.update("update edition_section set body = ?, version = version + 1, updated_by = ?, updated_at = now() "
                + "where edition_id = ? and section = ? and version = ?", text, user.getUsername(), id, section.name(), version);
        if (updated == 0) {
            throw new StaleSectionException(load(id).section(section));
        }
        jdbc.update("insert into edition_revision (edition_id, section, body, saved_by) values (?, ?, ?, ?)",
                id, section.name(), text, user.getUsername());
        audit(user, "EDITION_SECTION_SAVED", id, null, section.name());
    }

    /** Issues a draft: number, date, signer and recipients fixed, and the edition it replaces superseded. */
    public void issue(CurrentUser user, long id, IssueForm form) {
        Edition edition = edition(user, id);
        if (!edition.draft()) {
            throw new EditionRefusedException("edition.refused.issued");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String number = required(form.number(), NUMBER_LIMIT, "number", errors);
        LocalDate issuedOn = Days.parse(form.issuedOn());
        if (form.issuedOn() == null || form.issuedOn().isBlank()) {
            errors.put("issuedOn", "edition.error.required");
        } else if (issuedOn == null) {
            errors.put("issuedOn", "edition.error.date");
        } else if (issuedOn.getYear() < edition.period().to() || issuedOn.isAfter(LocalDate.now(clock).plusYears(1))) {
            errors.put("issuedOn", "edition.error.dateRange");
        }
        String name = required(form.signerName(), NAME_LIMIT, "signerName", errors);
        String title = required(form.signerTitle(), NAME_LIMIT, "signerTitle", errors);
        String recipients = required(form.recipients(), RECIPIENTS_LIMIT, "recipients", errors);
        if (number != null && jdbc.queryForObject("select count(*) from edition where unit_id = ? and lower(number) = lower(?)",
                Integer.class, edition.unitId(), number) > 0) {
            errors.put("number", "edition.error.numberUsed");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFormException(errors);
        }
        if (form.version() == null || form.version() != edition.version()) {
            throw new EditionRefusedException("edition.refused.stale");
        }
        try {
            int updated = jdbc.update("""
                    update edition set status = 'ISSUED', number = ?, issued_on = ?, signer_name = ?, signer_title = ?,
                           recipients = ?, issued_by = ?, issued_at = now(), version = version + 1
                    where id = ? and version = ? and status = 'DRAFT'
                    """, number, issuedOn, name, title, recipients.lines().map(String::strip).filter(l -> !l.isEmpty())
                    .reduce((a, b) -> a + "\n" + b).orElse(""), user.getUsername(), id, form.version());
            if (updated == 0) {
                throw new EditionRefusedException("edition.refused.stale");
            }
        } catch (DuplicateKeyException numberTaken) {
            throw new InvalidFormException(Map.of("number", "edition.error.numberUsed"));
        }
        if (edition.supersedesId() != null) {
            jdbc.update("update edition set status = 'SUPERSEDED', superseded_at = now(), version = version + 1 "
                    + "where id = ? and status = 'ISSUED'", edition.supersedesId());
            audit(user, "EDITION_SUPERSEDED", edition.supersedesId(), null, number);
        }
        audit(user, "EDITION_ISSUED", id, null, number + " " + Texts.date(issuedOn));
    }

    private static String required(String value, int limit, String field, Map<String, String> errors) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            errors.put(field, "edition.error.required");
            return null;
        }
        if (text.length() > limit) {
            errors.put(field, "edition.error.tooLong");
            return null;
        }
        return text;
    }

    /**
     * A new draft that will supersede an issued edition once it is issued itself: the issued text to start
     * from, and the reason. One such draft at a time.
     */
    public long supersede(CurrentUser user, long id, String reason) {
        Edition issued = edition(user, id);
        if (!ISSUED.equals(issued.status())) {
            throw new EditionRefusedException("edition.refused.notIssued");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidFormException(Map.of("reason", "edition.error.required"));
        }
        if (why.length() > REASON_LIMIT) {
            throw new InvalidFormException(Map.of("reason", "edition.error.tooLong"));
        }
        List<Long> draft = jdbc.queryForList("select id from edition where unit_id = ? and first_year = ? and last_year = ? "
                + "and status = 'DRAFT'", Long.class, issued.unitId(), issued.period().from(), issued.period().to());
        if (!draft.isEmpty()) {
            throw new EditionRefusedException("edition.refused.draftExists");
        }
        long next = jdbc.queryForObject("""
                insert into edition (unit_id, first_year, last_year, issuer_parent, issuer_lines, place, subject,
                                     appendix_subject, signer_name, signer_title, recipients, supersedes_id,
                                     supersede_reason, created_by)
                select unit_id, first_year, last_year, issuer_parent, issuer_lines, place, subject, appendix_subject,
                       signer_name, signer_title, recipients, id, ?, ?
                from edition where id = ? returning id
                """, Long.class, why, user.getUsername(), id);
        for (SectionText section : issued.sections()) {
            insertSection(next, section.section(), section.body(), user.getUsername(), false);
        }
        audit(user, "EDITION_DRAFTED", next, null, issued.period().code() + " ← " + issued.number() + ": " + why);
        return next;
    }

    /**
     * The edition as a DOCX, laid out from its stored text. An issued edition gives the same file at any
     * time; a draft shows the number and date still to fill.
     */
    @Transactional(readOnly = true)
    public void docx(CurrentUser user, long id, Locale locale, OutputStream out) throws IOException {
        Edition edition = edition(user, id);
        Map<String, Object> row = jdbc.queryForMap("select issuer_parent, issuer_lines, place, appendix_subject "
                + "from edition where id = ?", id);
        Texts texts = new Texts(messages, locale);
        String place = (String) row.get("place");
        boolean issued = !edition.draft();
        String number = issued ? texts.get("edition.docx.number", edition.number()) : texts.get("export.docx.number");
        String placeDate = issued ? placeDate(texts, place, edition.issuedOn())
                : texts.get("export.docx.placeDate", place, LocalDate.now(clock).getYear());
        var layout = new DocxExport.Layout((String) row.get("issuer_parent"),
                List.of(((String) row.get("issuer_lines")).split("\n")), number, placeDate, edition.subject(),
                edition.signerTitle(), edition.signerName(), List.of(edition.recipients().split("\n")),
                (String) row.get("appendix_subject"));
        Map<Section, String> sections = new EnumMap<>(Section.class);
        edition.sections().forEach(s -> sections.put(s.section(), s.body()));
        new DocxExport(texts).write(layout, sections, out);
    }

    /** "Lai Châu, ngày 05 tháng 01 năm 2027": days below 10 and the months January and February with a 0. */
    static String placeDate(Texts texts, String place, LocalDate day) {
        String d = day.getDayOfMonth() < 10 ? "0" + day.getDayOfMonth() : String.valueOf(day.getDayOfMonth());
        String m = day.getMonthValue() < 3 ? "0" + day.getMonthValue() : String.valueOf(day.getMonthValue());
        return texts.get("edition.docx.placeDate", place, d, m, String.valueOf(day.getYear()));
    }

    private void audit(CurrentUser user, String kind, long edition, String before, String after) {
        events.publishEvent(new AuditEvent(kind, user.getUsername(), null, "edition:" + edition, before, after));
    }
}
