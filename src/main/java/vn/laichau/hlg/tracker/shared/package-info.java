/**
 * What every module may use: the embedded database, security configuration, the current user, web
 * helpers and error handling.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package vn.laichau.hlg.tracker.shared;

import org.springframework.modulith.ApplicationModule;
