/**
 * Changes to the structure in bulk: the import of administrative units, and the reorganisation import that
 * opens and closes units and agencies and records successors from one day, in one audited transaction,
 * after a preview of the obligations it makes appear and disappear.
 */
@ApplicationModule(allowedDependencies = {"unit", "agency", "period", "shared"})
package vn.laichau.hlg.tracker.reorganisation;

import org.springframework.modulith.ApplicationModule;
