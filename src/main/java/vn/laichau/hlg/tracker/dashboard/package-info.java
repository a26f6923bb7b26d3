/**
 * Read-only consolidation of the yearly reports: completeness and timeliness, the agencies × tasks
 * matrix, indicator totals, participation targets, budget, difficulties and proposals. Everything is
 * aggregated in SQL, in a bounded number of statements whatever the amount of data.
 */
@ApplicationModule(allowedDependencies = {"account", "unit", "shared"})
package vn.laichau.hlg.tracker.dashboard;

import org.springframework.modulith.ApplicationModule;
