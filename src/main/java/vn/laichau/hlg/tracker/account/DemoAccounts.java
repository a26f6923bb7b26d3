package vn.laichau.hlg.tracker.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.laichau.hlg.tracker.agency.AgencyService;
import vn.laichau.hlg.tracker.agency.AgencySummary;
import vn.laichau.hlg.tracker.shared.Role;
import vn.laichau.hlg.tracker.unit.UnitService;
import vn.laichau.hlg.tracker.unit.UnitSummary;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The demo profile's accounts, one per role, all with the documented demo password. Added only to a
 * database without accounts, so that demo data never mixes with real accounts.
 */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoAccounts implements ApplicationRunner {

    /** Documented in the README as demo-only. */
    static final String PASSWORD = "Demo@LaiChau2024";

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private record Demo(String username, String displayName, Role role, String agencyCode, String unitCode) {
    }

    private static final List<Demo> ACCOUNTS = List.of(
            new Demo("demo.admin", "Quản trị (mẫu)", Role.ADMIN, null, null),
            new Demo("demo.tinh", "Cán bộ Hội Luật gia tỉnh (mẫu)", Role.PROVINCE_REVIEWER, "HLG-TINH", "12"),
            new Demo("demo.tamduong", "Cán bộ Hội Luật gia huyện Tam Đường (mẫu)", Role.DISTRICT_REVIEWER, "HLG-TAM-DUONG", "106"),
            new Demo("demo.tuphap", "Cán bộ Sở Tư pháp (mẫu)", Role.REPORTER, "SO-TU-PHAP", null),
            new Demo("demo.ubnd.tamduong", "Cán bộ UBND huyện Tam Đường (mẫu)", Role.REPORTER, "UBND-TAM-DUONG", null),
            new Demo("demo.ubnd.phongtho", "Cán bộ UBND huyện Phong Thổ (mẫu)", Role.REPORTER, "UBND-PHONG-THO", null),
            new Demo("demo.xa.binhlu", "Cán bộ UBND xã Bình Lư (mẫu)", Role.REPORTER, "UBND-XA-BINH-LU", null),
            new Demo("demo.viewer", "Lãnh đạo tỉnh (mẫu)", Role.VIEWER, null, "12"));

    private final AccountRepository accounts;
    private final AgencyService agencies;
    private final UnitService units;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    DemoAccounts(AccountRepository accounts, AgencyService agencies, UnitService units, PasswordEncoder passwordEncoder,
                 Clock clock) {
        this.accounts = accounts;
        this.agencies = agencies;
        this.units = units;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        String hash = passwordEncoder.encode(PASSWORD);
        Instant now = clock.instant();
        for (Demo demo : ACCOUNTS) {
            Long agencyId = demo.agencyCode() == null ? null
                    : agencies.findByCode(demo.agencyCode()).map(AgencySummary::id).orElseThrow();
            Long unitId = demo.unitCode() == null ? null
                    : units.findByCode(demo.unitCode()).map(UnitSummary::id).orElseThrow();
            accounts.save(Account.create(demo.username(), demo.displayName(), hash, demo.role(), agencyId, unitId, false, now));
        }
        log.info("Demo profile: added {} demo accounts with the demo password (demo use only)", ACCOUNTS.size());
    }
}
