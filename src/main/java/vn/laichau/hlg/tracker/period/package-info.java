/**
 * Reporting periods (one per year, with the Decree 09/2019 data window, opening and due dates, closing
 * and reopening for one agency) and the obligations derived from the plan.
 *
 * <p>One read goes against the declared direction: when the plan changes, an obligation that already
 * carries a progress report is kept, which {@code ObligationService} asks of the report module's table
 * in SQL (report depends on period, so period cannot declare report without a cycle). Moving the
 * obligations into the report module would end it.
 */
@ApplicationModule(allowedDependencies = {"unit", "agency", "plan", "account", "shared"})
package vn.laichau.hlg.tracker.period;

import org.springframework.modulith.ApplicationModule;
