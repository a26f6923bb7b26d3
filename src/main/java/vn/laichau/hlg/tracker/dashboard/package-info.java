/**
 * Read-only consolidation of the yearly reports: completeness and timeliness, the agencies × tasks
 * matrix, indicator totals, participation targets, budget, difficulties and proposals. Everything is
 * aggregated in SQL, in a bounded number of statements whatever the amount of data.
 *
 * <p>Its dependencies are those its SQL reads as well as its types: the units' tree (unit), agencies and
 * their kinds (agency), tasks, task groups and indicators (plan), reporting periods (period), obligations
 * and progress reports (report); its migrations' triggers sit on those tables too.
 */
@ApplicationModule(allowedDependencies = {"account", "unit", "agency", "plan", "period", "report", "shared"})
package vn.laichau.hlg.tracker.dashboard;

import org.springframework.modulith.ApplicationModule;
