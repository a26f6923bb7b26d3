/**
 * The page each person lands on after signing in.
 */
@ApplicationModule(allowedDependencies = {"plan", "period", "report", "shared"})
package vn.laichau.hlg.tracker.home;

import org.springframework.modulith.ApplicationModule;
