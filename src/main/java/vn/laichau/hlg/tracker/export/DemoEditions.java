package vn.laichau.hlg.tracker.export;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.Role;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The demo profile's issued sơ kết 2024–2026 of the province, drafted from the demo reports by
 * {@code demo.tinh} and issued by it, so that the edition pages and the issued DOCX can be seen at once.
 * Added once, to a database without editions, after the demo reports.
 */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class DemoEditions implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoEditions.class);

    private final JdbcTemplate jdbc;
    private final EditionService editions;
    private final Clock clock;

    DemoEditions(JdbcTemplate jdbc, EditionService editions, Clock clock) {
        this.jdbc = jdbc;
        this.editions = editions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            issueInterim();
        } catch (RuntimeException notAdded) {
            // Sample data only: the application starts without it.
            log.warn("Demo: the sơ kết 2024–2026 edition was not added: {}", notAdded.toString());
        }
    }

    private void issueInterim() {
        Integer existing = jdbc.queryForObject("select count(*) from edition", Integer.class);
        List<CurrentUser> reviewer = jdbc.query("select id, username, display_name, agency_id, unit_id from account "
                + "where username = 'demo.tinh' and role = 'PROVINCE_REVIEWER'", (rs, i) -> new CurrentUser(rs.getLong("id"),
                rs.getString("username"), null, rs.getString("display_name"), Role.PROVINCE_REVIEWER,
                rs.getObject("agency_id", Long.class), rs.getObject("unit_id", Long.class), true, false, false, false));
        if ((existing != null && existing > 0) || reviewer.isEmpty()) {
            return;
        }
        CurrentUser user = reviewer.get(0);
        Locale vietnamese = Locale.forLanguageTag("vi");
        long id = editions.start(user, null, EditionService.Period.INTERIM, vietnamese);
        // Issued on the last due day of the period, or today when that is still ahead.
        LocalDate due = LocalDate.of(ExportService.INTERIM_YEAR, 12, 14);
        LocalDate today = LocalDate.now(clock);
        LocalDate issuedOn = today.isBefore(due) ? today : due;
        if (issuedOn.getYear() < ExportService.INTERIM_YEAR) {
            log.info("Demo: the sơ kết 2024–2026 is left as a draft until 2026 (edition {})", id);
            return;
        }
        long version = jdbc.queryForObject("select version from edition where id = ?", Long.class, id);
        editions.issue(user, id, new EditionService.IssueForm("01/BC-HLG",
                issuedOn.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")), "Nguyễn Văn Mẫu", "CHỦ TỊCH",
                "- Hội Luật gia Việt Nam;\n- UBND tỉnh Lai Châu;\n- Sở Tư pháp tỉnh Lai Châu;\n- Lưu: VT.", version));
        log.info("Demo: the sơ kết 2024–2026 of the province is issued as edition {}", id);
    }
}
