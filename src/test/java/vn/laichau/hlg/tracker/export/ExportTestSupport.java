package vn.laichau.hlg.tracker.export;

import org.springframework.context.MessageSource;
import vn.laichau.hlg.tracker.dashboard.DashboardService;

import javax.sql.DataSource;
import java.time.Clock;

/** Builds the export service on a given data source, for the statement-counting test. */
public final class ExportTestSupport {

    private ExportTestSupport() {
    }

    public static ExportService exportService(DashboardService dashboards, DataSource dataSource, MessageSource messages,
                                              Clock clock) {
        return new ExportService(dashboards, new ExportQueries(dataSource), messages, clock, "…/KH-UBND", "…/…/2024", "");
    }
}
