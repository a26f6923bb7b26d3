/**
 * The page each person lands on after signing in.
 */
@ApplicationModule(allowedDependencies = {"plan", "shared"})
package vn.laichau.hlg.tracker.home;

import org.springframework.modulith.ApplicationModule;
