package vn.laichau.hlg.tracker.account;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.laichau.hlg.tracker.account.AccountAdministration.AccountCommand;
import vn.laichau.hlg.tracker.agency.AgencyService;
import vn.laichau.hlg.tracker.agency.AgencySummary;
import vn.laichau.hlg.tracker.shared.AuditEvent;
import vn.laichau.hlg.tracker.shared.InputText;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.unit.UnitService;

import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Importing accounts from a UTF-8 CSV file: every row is checked and shown before anything is saved,
 * and the rows are saved all together or not at all. Headers (Vietnamese, without diacritics):
 * {@code ten_dang_nhap, ho_ten, vai_tro, ma_co_quan, ma_don_vi}, and optionally {@code email} (each address
 * gets its verification mail when the rows are saved).
 */
@Service
public class AccountImport {

    public static final List<String> HEADERS = List.of("ten_dang_nhap", "ho_ten", "vai_tro", "ma_co_quan", "ma_don_vi");
    /** An optional column: the account's e-mail address. */
    public static final String EMAIL = "email";
    static final int MAX_ROWS = 2000;

    private final AccountRepository accounts;
    private final AccountAdministration administration;
    private final AgencyService agencies;
    private final UnitService units;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AccountEmails emails;

    AccountImport(AccountRepository accounts, AccountAdministration administration, AgencyService agencies, UnitService units,
                  PasswordEncoder passwordEncoder, ApplicationEventPublisher events, Clock clock, AccountEmails emails) {
        this.emails = emails;
        this.accounts = accounts;
        this.administration = administration;
        this.agencies = agencies;
        this.units = units;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
    }

    /** One row of the file as previewed: its values and the message key of each problem. */
    public record Row(int line, String username, String displayName, String role, String agencyCode, String unitCode,
                      Role parsedRole, Long agencyId, Long unitId, List<String> errors, String email) implements Serializable {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** The whole preview: file-level problem (if any) and every row. */
    public record Preview(String fileError, List<Row> rows) implements Serializable {

        public boolean savable() {
            return fileError == null && !rows.isEmpty() && rows.stream().allMatch(Row::valid);
        }

        public long invalidCount() {
            return rows.stream().filter(row -> !row.valid()).count();
        }
    }

    /** An account created by the import, with its one-time password to hand over. */
    public record Imported(String username, String displayName, String oneTimePassword) implements Serializable {
    }

    @Transactional(readOnly = true)
    public Preview preview(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return new Preview("admin.accounts.import.error.notUtf8", List.of());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        // The same cleaning as typed text: no control characters (NUL cannot be stored), Vietnamese in NFC.
        text = InputText.clean(text);
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
            if (!parser.getHeaderNames().containsAll(HEADERS)) {
                return new Preview("admin.accounts.import.error.headers", List.of());
            }
            records = parser.getRecords();
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            return new Preview("admin.accounts.import.error.unreadable", List.of());
        }
        if (records.isEmpty()) {
            return new Preview("admin.accounts.import.error.empty", List.of());
        }
        if (records.size() > MAX_ROWS) {
            return new Preview("admin.accounts.import.error.tooMany", List.of());
        }
        Map<String, Long> agencyIds = new LinkedHashMap<>();
        agencies.findOpenOn(clock.instant().atZone(clock.getZone()).toLocalDate())
                .forEach(agency -> agencyIds.put(agency.code(), agency.id()));
        Map<String, Long> unitIds = new LinkedHashMap<>();
        units.findAll().forEach(unit -> unitIds.put(unit.code(), unit.id()));
        Set<String> existing = new HashSet<>(accounts.findExistingUsernames(records.stream()
                .map(record -> AccountAdministration.normalise(value(record, "ten_dang_nhap"))).toList()));
        Set<String> seen = new HashSet<>();
        List<Row> rows = new ArrayList<>();
        for (CSVRecord record : records) {
            rows.add(row(record, agencyIds, unitIds, existing, seen));
        }
        return new Preview(null, rows);
    }

    private Row row(CSVRecord record, Map<String, Long> agencyIds, Map<String, Long> unitIds, Set<String> existing,
                    Set<String> seen) {
        String username = AccountAdministration.normalise(value(record, "ten_dang_nhap"));
        String roleText = value(record, "vai_tro");
        String agencyCode = value(record, "ma_co_quan");
        String unitCode = value(record, "ma_don_vi");
        List<String> errors = new ArrayList<>();
        Role role = parseRole(roleText);
        if (role == null) {
            errors.add("admin.accounts.import.error.role");
        }
        Long agencyId = agencyCode.isEmpty() ? null : agencyIds.get(agencyCode);
        if (!agencyCode.isEmpty() && agencyId == null) {
            errors.add("admin.accounts.import.error.agency");
        }
        Long unitId = unitCode.isEmpty() ? null : unitIds.get(unitCode);
        if (!unitCode.isEmpty() && unitId == null) {
            errors.add("admin.accounts.import.error.unit");
        }
        if (role != null && !errors.contains("admin.accounts.import.error.agency") && !errors.contains("admin.accounts.import.error.unit")) {
            administration.validate(new AccountCommand(username, value(record, "ho_ten"), role, agencyId, unitId, null), null)
                    .values().forEach(errors::add);
        } else if (value(record, "ho_ten").isEmpty()) {
            errors.add("admin.accounts.error.displayNameRequired");
        }
        String email = AccountEmails.normalise(value(record, EMAIL));
        String emailProblem = AccountEmails.problem(email);
        if (emailProblem != null) {
            errors.add(emailProblem);
        }
        if (!username.isEmpty() && !seen.add(username)) {
            errors.add("admin.accounts.import.error.duplicateInFile");
        } else if (existing.contains(username)) {
            errors.add("admin.accounts.error.usernameTaken");
        }
        return new Row((int) record.getRecordNumber() + 1, username, value(record, "ho_ten"), roleText, agencyCode,
                unitCode, role, agencyId, unitId, List.copyOf(errors), email);
    }

    /**
     * Saves every previewed row in one transaction, or none if any row is (now) invalid.
     *
     * @return the accounts created with their one-time passwords; empty when nothing was saved
     */
    @Transactional
    public Optional<List<Imported>> save(Preview preview, String actor) {
        return save(preview, actor, "");
    }

    /**
     * As {@link #save(Preview, String)}; the addresses of the file get their verification mails, with
     * links starting with {@code linkBase}.
     */
    @Transactional
    public Optional<List<Imported>> save(Preview preview, String actor, String linkBase) {
        if (!preview.savable()) {
            return Optional.empty();
        }
        if (!accounts.findExistingUsernames(preview.rows().stream().map(Row::username).toList()).isEmpty()) {
            return Optional.empty();
        }
        List<Imported> imported = new ArrayList<>();
        for (Row row : preview.rows()) {
            String oneTimePassword = administration.oneTimePassword();
            Long unitId = row.unitId();
            if (unitId == null && row.agencyId() != null && row.parsedRole() != Role.REPORTER) {
                unitId = agencies.findAll(List.of(row.agencyId())).stream().findFirst().map(AgencySummary::unitId).orElse(null);
            }
            Account account = accounts.save(Account.create(row.username(), row.displayName(),
                    passwordEncoder.encode(oneTimePassword), row.parsedRole(), row.agencyId(),
                    row.parsedRole() == Role.REPORTER ? null : unitId, true, clock.instant()));
            imported.add(new Imported(account.getUsername(), account.getDisplayName(), oneTimePassword));
            if (row.email() != null && !row.email().isEmpty()) {
                emails.change(account.getId(), row.email(), actor, linkBase);
            }
        }
        events.publishEvent(new AuditEvent("ACCOUNTS_IMPORTED", actor, null, "accounts", null,
                imported.size() + " accounts: " + String.join(", ", imported.stream().map(Imported::username).toList())));
        return Optional.of(imported);
    }

    private static Role parseRole(String text) {
        for (Role role : Role.values()) {
            if (role.name().equalsIgnoreCase(text)) {
                return role;
            }
        }
        return null;
    }

    private static String value(CSVRecord record, String header) {
        return record.isMapped(header) && record.isSet(header) ? record.get(header).trim() : "";
    }

}
