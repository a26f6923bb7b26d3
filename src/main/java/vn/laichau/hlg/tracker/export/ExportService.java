package vn.laichau.hlg.tracker.export;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.laichau.hlg.tracker.dashboard.Dashboard;
import vn.laichau.hlg.tracker.dashboard.DashboardService;
import vn.laichau.hlg.tracker.plan.PlanService;
import vn.laichau.hlg.tracker.plan.PlanViews.PlanDocument;
import vn.laichau.hlg.tracker.shared.CurrentUser;
import vn.laichau.hlg.tracker.shared.web.NotFoundException;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The downloads of the dashboard: its tables and every report of the year (XLSX), the reports (CSV),
 * and the consolidated report (DOCX). Each respects the user's scope exactly as the dashboard does.
 */
@Service
@Transactional(readOnly = true)
public class ExportService {

    /** The plan's years; a consolidated report covers some of them. */
    public static final int FIRST_YEAR = 2024;
    public static final int LAST_YEAR = 2030;
    /** The plan's interim review (sơ kết) covers 2024–2026 (task 11.1). */
    public static final int INTERIM_YEAR = 2026;

    private final DashboardService dashboards;
    private final ExportQueries queries;
    private final MessageSource messages;
    private final Clock clock;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final PlanService plan;
    private final DocxExport.Settings settings;

    ExportService(DashboardService dashboards, ExportQueries queries, MessageSource messages, Clock clock, PlanService plan,
                  @Value("${app.report.plan-number}") String planNumber, @Value("${app.report.plan-date}") String planDate,
                  @Value("${app.report.signer-name:}") String signerName) {
        this.dashboards = dashboards;
        this.queries = queries;
        this.messages = messages;
        this.clock = clock;
        this.plan = plan;
        this.settings = new DocxExport.Settings(planNumber.strip(), planDate.strip(), signerName);
    }

    public int currentYear() {
        return dashboards.currentYear();
    }

    public void dashboardXlsx(CurrentUser user, int year, Long unit, boolean includeSubmitted, Locale locale,
                              OutputStream out) throws IOException {
        Dashboard dashboard = dashboards.dashboard(user, year, unit, includeSubmitted, 1);
        long root = dashboard.root().id();
        boolean onlyApproved = !dashboards.mayIncludeSubmitted(user);
        new XlsxExport(new Texts(messages, locale)).write(dashboard,
                consumer -> queries.reportLines(root, year, onlyApproved, consumer), out);
    }

    public void reportsCsv(CurrentUser user, int year, Long unit, Locale locale, OutputStream out) throws IOException {
        long root = dashboards.rootFor(user, unit);
        dashboards.dueOn(year);
        boolean onlyApproved = !dashboards.mayIncludeSubmitted(user);
        new CsvExport(new Texts(messages, locale)).write(
                consumer -> queries.reportLines(root, year, onlyApproved, consumer), out);
    }

    /** The targets of the report's last year; a year without a reporting period has none. */
    private List<Dashboard.Participation> participation(CurrentUser user, int year, long root) {
        try {
            dashboards.dueOn(year);
        } catch (NotFoundException noPeriod) {
            return List.of();
        }
        return dashboards.participation(user, year, root);
    }

    /**
     * The consolidated report of the years {@code from}–{@code to}, from approved reports only, issued by
     * the Lawyers' Association of the unit it is made for (the province's, or a district's).
     */
    public void consolidatedDocx(CurrentUser user, int from, int to, Long unit, Locale locale, OutputStream out)
            throws IOException {
        if (from > to || from < FIRST_YEAR - 10 || to > LAST_YEAR + 10) {
            throw new NotFoundException();
        }
        long root = dashboards.rootFor(user, unit);
        Texts texts = new Texts(messages, locale);
        new DocxExport(texts).write(data(user, from, to, root, texts), out);
    }

    /** The configured citation of the plan, with the number and date an administrator recorded taking precedence. */
    private DocxExport.Settings settings() {
        PlanDocument document = plan.document();
        return new DocxExport.Settings(document.number() != null ? document.number() : settings.planNumber(),
                document.issuedOn() != null ? document.issuedOn().format(DAY) : settings.planDate(), settings.signerName());
    }

    /** Everything the consolidated report of {@code root} for {@code from}–{@code to} is drafted from. */
    DocxExport.Data data(CurrentUser user, int from, int to, long root, Texts texts) {
        ExportQueries.Unit issuingUnit = queries.unit(root);
        return new DocxExport.Data(from, to, issuingUnit.name(),
                Issuer.of(issuingUnit.name(), issuingUnit.level(), texts), queries.tasks(from, to),
                queries.completeness(root, from, to), queries.indicatorTotals(root, from, to),
                consumer -> queries.approvedTexts(root, from, to, consumer), LocalDate.now(clock),
                participation(user, to, root), settings(), queries.budget(root, from, to), queries.missing(root, from, to),
                queries.issueItems(root, from, to));
    }
}
