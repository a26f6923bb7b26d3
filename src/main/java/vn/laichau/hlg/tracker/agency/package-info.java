/**
 * Agencies and their kinds, located in administrative units.
 */
@ApplicationModule(allowedDependencies = {"unit"})
package vn.laichau.hlg.tracker.agency;

import org.springframework.modulith.ApplicationModule;
