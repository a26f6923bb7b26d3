/**
 * Administrative units: the tree of province, districts and communes, opening and closing over time.
 */
@ApplicationModule(allowedDependencies = {"shared"})
package vn.laichau.hlg.tracker.unit;

import org.springframework.modulith.ApplicationModule;
