/**
 * The audit trail: listens to {@link vn.laichau.hlg.tracker.shared.AuditEvent}s and sign-in events from
 * every module and records them; never changes or deletes an entry.
 */
@ApplicationModule(allowedDependencies = {"shared"})
package vn.laichau.hlg.tracker.audit;

import org.springframework.modulith.ApplicationModule;
