/**
 * Agencies and their kinds, located in administrative units.
 */
@ApplicationModule(allowedDependencies = {"unit", "shared"})
package vn.laichau.hlg.tracker.agency;

import org.springframework.modulith.ApplicationModule;
