/**
 * Reporting periods (one per year, with the Decree 09/2019 data window, opening and due dates, closing
 * and reopening for one agency) and the obligations derived from the plan.
 */
@ApplicationModule(allowedDependencies = {"unit", "agency", "plan", "account", "shared"})
package vn.laichau.hlg.tracker.period;

import org.springframework.modulith.ApplicationModule;
