package vn.laichau.hlg.tracker.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.laichau.hlg.tracker.plan.PlanService;
import vn.laichau.hlg.tracker.plan.PlanViews.IndicatorView;
import vn.laichau.hlg.tracker.shared.VietnamTime;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The demo profile's reports: 2024 all approved, 2025 in every state (drafts, submitted, returned with a
 * reason, approved), from province agencies and from Tam Đường and Phong Thổ, with indicator values,
 * difficulties and proposals, and the history each step leaves. Added only when there is no report
 * yet, after the demo accounts; adds the demo reporters of the Lawyers' Associations and a second
 * province reviewer (who can approve the provincial association's own reports).
 */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DemoReports implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoReports.class);
    private static final String DEMO_PASSWORD = "Demo@LaiChau2024";

    private record Extra(String username, String displayName, String role, String agencyCode, String unitCode) {
    }

    private static final List<Extra> EXTRA_ACCOUNTS = List.of(
            new Extra("demo.hlg.tinh", "Cán bộ báo cáo Hội Luật gia tỉnh (mẫu)", "REPORTER", "HLG-TINH", null),
            new Extra("demo.hlg.tamduong", "Cán bộ báo cáo Hội Luật gia huyện Tam Đường (mẫu)", "REPORTER", "HLG-TAM-DUONG", null),
            new Extra("demo.hlg.phongtho", "Cán bộ báo cáo Hội Luật gia huyện Phong Thổ (mẫu)", "REPORTER", "HLG-PHONG-THO", null),
            new Extra("demo.tinh.pho", "Phó Chủ tịch Hội Luật gia tỉnh (mẫu)", "PROVINCE_REVIEWER", null, "12"));

    /** Which agency reports which task, and where each report stands in 2025 (2024: all approved). */
    private record Plan(String reporter, String agencyCode, String taskCode, ReportStatus status2025) {
    }

    private static final List<Plan> PLANS = List.of(
            new Plan("demo.tuphap", "SO-TU-PHAP", "1", ReportStatus.SUBMITTED),
            new Plan("demo.ubnd.tamduong", "UBND-TAM-DUONG", "1", ReportStatus.SUBMITTED),
            new Plan("demo.ubnd.phongtho", "UBND-PHONG-THO", "1", ReportStatus.RETURNED),
            new Plan("demo.hlg.tinh", "HLG-TINH", "3", ReportStatus.APPROVED),
            new Plan("demo.hlg.tinh", "HLG-TINH", "4.2", ReportStatus.DRAFT),
            new Plan("demo.hlg.tinh", "HLG-TINH", "6", ReportStatus.SUBMITTED),
            new Plan("demo.hlg.tinh", "HLG-TINH", "9", ReportStatus.SUBMITTED),
            new Plan("demo.hlg.tamduong", "HLG-TAM-DUONG", "3", ReportStatus.SUBMITTED),
            new Plan("demo.hlg.tamduong", "HLG-TAM-DUONG", "7.3", ReportStatus.APPROVED),
            new Plan("demo.hlg.phongtho", "HLG-PHONG-THO", "3", ReportStatus.APPROVED),
            new Plan("demo.hlg.phongtho", "HLG-PHONG-THO", "5", ReportStatus.DRAFT));

    /** Reports under the structure from 1/7/2025. */
    private record Later(String reporter, String agencyCode, String taskCode, int year, ReportStatus status) {
    }

    private static final List<Later> LATER = List.of(
            new Later("demo.xa.binhlu", "UBND-XA-BINH-LU", "1", 2025, ReportStatus.APPROVED),
            new Later("demo.xa.binhlu", "UBND-XA-BINH-LU", "1", 2026, ReportStatus.DRAFT),
            new Later("demo.hlg.tinh", "HLG-TINH", "3", 2026, ReportStatus.SUBMITTED),
            new Later("demo.hlg.tinh", "HLG-TINH", "10", 2026, ReportStatus.SUBMITTED));

    private static final List<String> DOCUMENTS = List.of(
            "Kế hoạch số 15/KH-HLG ngày 20/01/%d về triển khai công tác phổ biến, giáo dục pháp luật năm.",
            "Công văn số 32/CV-HLG ngày 05/3/%d hướng dẫn các chi hội tổ chức tuyên truyền pháp luật tại cơ sở.",
            "");
    private static final List<String> RESULTS = List.of(
            "Tổ chức các hội nghị phổ biến pháp luật cho cán bộ, hội viên và Nhân dân tại các xã vùng sâu, vùng xa; lồng ghép tuyên truyền vào các buổi sinh hoạt thôn, bản bằng tiếng Mông, tiếng Dao.",
            "Ban hành kế hoạch triển khai; giao nhiệm vụ cụ thể cho các chi hội; phối hợp với Phòng Tư pháp tổ chức tập huấn cho báo cáo viên, tuyên truyền viên pháp luật.",
            "Duy trì hoạt động tư vấn pháp luật miễn phí hằng tháng; phát hành bản tin pháp luật và tài liệu hỏi - đáp về đất đai, hôn nhân và gia đình, phòng chống mua bán người.");
    private static final List<String> DIFFICULTIES = List.of(
            "Địa bàn rộng, giao thông đi lại khó khăn, nhất là mùa mưa; kinh phí bố trí còn hạn chế.",
            "Đội ngũ hội viên phần lớn kiêm nhiệm, thời gian dành cho công tác phổ biến pháp luật chưa nhiều.",
            "");
    private static final List<String> PROPOSALS = List.of(
            "Đề nghị UBND tỉnh bố trí kinh phí riêng cho Hội Luật gia thực hiện Đề án 129.",
            "Đề nghị Hội Luật gia tỉnh tổ chức thêm lớp tập huấn kỹ năng tuyên truyền bằng tiếng dân tộc.",
            "");

    private final JdbcClient jdbc;
    private final ProgressReportRepository reports;
    private final ReportEventRepository events;
    private final PlanService plan;
    private final PasswordEncoder passwordEncoder;

    DemoReports(JdbcClient jdbc, ProgressReportRepository reports, ReportEventRepository events, PlanService plan,
                PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.events = events;
        this.plan = plan;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (reports.count() > 0 || account("demo.tinh").isEmpty()) {
            return;
        }
        addExtraAccounts();
        long provinceReviewer = account("demo.tinh.pho").orElseThrow().id();
        Random random = new Random(129);
        int count = 0;
        for (int i = 0; i < PLANS.size(); i++) {
            Plan p = PLANS.get(i);
            Person reporter = account(p.reporter()).orElseThrow();
            long agencyId = jdbc.sql("select id from agency where code = ?").param(p.agencyCode()).query(Long.class).single();
            long taskId = jdbc.sql("select id from task where code = ?").param(p.taskCode()).query(Long.class).single();
            Person reviewer = reviewerFor(p.agencyCode(), provinceReviewer);
            create(reporter, reviewer, agencyId, taskId, 2024, ReportStatus.APPROVED, i, random);
            create(reporter, reviewer, agencyId, taskId, 2025, p.status2025(), i + 1, random);
            count += 2;
        }
        // After 1/7/2025: a commune reports for its half of 2025 and for 2026; the province's association for 2026.
        // Whoever reviewed huyện Tam Đường also reviews the communes that succeeded it (confirmed for the demo).
        jdbc.sql("update unit_successor set scope_confirmed = true where unit_id = (select id from administrative_unit where code = '106')")
                .update();
        for (Later later : LATER) {
            Person reporter = account(later.reporter()).orElseThrow();
            long agencyId = jdbc.sql("select id from agency where code = ?").param(later.agencyCode()).query(Long.class).single();
            long taskId = jdbc.sql("select id from task where code = ?").param(later.taskCode()).query(Long.class).single();
            create(reporter, account("demo.tinh.pho").orElseThrow(), agencyId, taskId, later.year(), later.status(), count, random);
            count++;
        }
        log.info("Demo profile: added {} sample progress reports for 2024, 2025 and 2026", count);
    }

    private record Person(long id, String displayName, Long agencyId) {
    }

    private Person reviewerFor(String agencyCode, long provinceReviewerId) {
        boolean tamDuong = agencyCode.endsWith("TAM-DUONG") && !agencyCode.startsWith("HLG");
        return tamDuong ? account("demo.tamduong").orElseThrow() : account("demo.tinh.pho").orElseThrow();
    }

    private void create(Person reporter, Person reviewer, long agencyId, long taskId, int year, ReportStatus target, int variant,
                        Random random) {
        Instant started = at(year, 10, 1 + variant);
        ProgressReport report = ProgressReport.start(agencyId, taskId, year, ReportKind.LEAD, reporter.id(), started);
        report = reports.saveAndFlush(report);
        record(report, started, reporter, ReportAction.CREATED, null);
        Map<Long, BigDecimal> values = new LinkedHashMap<>();
        for (IndicatorView indicator : plan.indicatorsOfTask(taskId)) {
            values.put(indicator.id(), BigDecimal.valueOf(indicator.unit().contains("người") ? 50 + random.nextInt(1500) : 1 + random.nextInt(25)));
        }
        boolean complete = target != ReportStatus.DRAFT;
        long planned = (5 + random.nextInt(60)) * 1_000_000L;
        long other = (1 + random.nextInt(10)) * 1_000_000L;
        ReportContent content = new ReportContent(
                complete ? (year == 2024 ? ImplementationStatus.COMPLETED : ImplementationStatus.IN_PROGRESS) : ImplementationStatus.IN_PROGRESS,
                complete ? (year == 2024 ? 100 : 60 + random.nextInt(35)) : 30,
                DOCUMENTS.get(variant % DOCUMENTS.size()).formatted(year),
                RESULTS.get(variant % RESULTS.size()), DIFFICULTIES.get(variant % DIFFICULTIES.size()),
                PROPOSALS.get(variant % PROPOSALS.size()), BigDecimal.valueOf(planned),
                BigDecimal.valueOf(planned - (random.nextInt(5) * 1_000_000L)),
                // Every other report also draws on other lawful sources (sponsors, the association's own funds).
                variant % 2 == 0 ? BigDecimal.valueOf(other) : null,
                variant % 2 == 0 ? BigDecimal.valueOf(other - 500_000L) : null, values);
        Instant edited = started.plusSeconds(3600);
        for (ProgressReport.FieldChange change : report.edit(content, reporter.id(), edited)) {
            events.save(ReportEvent.of(report.getId(), edited, reporter.id(), reporter.displayName(), ReportAction.CHANGED,
                    change.field(), change.oldValue(), change.newValue(), null));
        }
        if (target == ReportStatus.DRAFT) {
            return;
        }
        Instant submitted = at(year, 11, 10 + variant);
        report.submit(reporter.id(), submitted);
        record(report, submitted, reporter, ReportAction.SUBMITTED, null);
        if (target == ReportStatus.RETURNED) {
            String reason = "Đề nghị bổ sung số liệu số lượt người tham dự và làm rõ kinh phí đã sử dụng.";
            Instant returned = submitted.plusSeconds(86_400 * 3);
            report.returnForRevision(reason, reviewer.id(), returned);
            record(report, returned, reviewer, ReportAction.RETURNED, reason);
        } else if (target == ReportStatus.APPROVED) {
            Instant approved = submitted.plusSeconds(86_400 * 5);
            report.approve(reviewer.id(), reviewer.agencyId(), approved);
            record(report, approved, reviewer, ReportAction.APPROVED, null);
        }
        reports.flush();
    }

    private void record(ProgressReport report, Instant at, Person who, ReportAction action, String comment) {
        events.save(ReportEvent.of(report.getId(), at, who.id(), who.displayName(), action, null, null,
                report.getStatus().name(), comment));
    }

    private static Instant at(int year, int month, int day) {
        return LocalDateTime.of(year, month, Math.min(day, 28), 9, 30).atZone(VietnamTime.ZONE).toInstant();
    }

    private void addExtraAccounts() {
        String hash = passwordEncoder.encode(DEMO_PASSWORD);
        for (Extra extra : EXTRA_ACCOUNTS) {
            if (account(extra.username()).isPresent()) {
                continue;
            }
            jdbc.sql("""
                    insert into account (username, display_name, password_hash, role, agency_id, unit_id)
                    values (?, ?, ?, ?, (select id from agency where code = ?), (select id from administrative_unit where code = ?))""")
                    .params(extra.username(), extra.displayName(), hash, extra.role(), extra.agencyCode(), extra.unitCode())
                    .update();
        }
    }

    private Optional<Person> account(String username) {
        return jdbc.sql("select id, display_name, agency_id from account where username = ?").param(username)
                .query(Person.class).optional();
    }
}
