/**
 * The audit trail: listens to {@link vn.laichau.hlg.tracker.shared.AuditEvent}s and sign-in events from
 * every module and records them; never changes or deletes an entry.
 *
 * <p>To show entries in words, its SQL reads names from accounts (account), units (unit), agencies
 * (agency), tasks and indicators (plan) and progress reports (report).
 */
@ApplicationModule(allowedDependencies = {"account", "unit", "agency", "plan", "report", "shared"})
package vn.laichau.hlg.tracker.audit;

import org.springframework.modulith.ApplicationModule;
