/**
 * The plan of Đề án 129: task groups, tasks, their lead and coordinating parties, and their timelines.
 */
@ApplicationModule(allowedDependencies = {"agency", "shared", "unit"})
package vn.laichau.hlg.tracker.plan;

import org.springframework.modulith.ApplicationModule;
