/**
 * Yearly progress reports: the form, attachments, the review workflow, history, notifications and
 * reminders.
 */
@ApplicationModule(allowedDependencies = {"period", "plan", "agency", "unit", "account", "shared"})
package vn.laichau.hlg.tracker.report;

import org.springframework.modulith.ApplicationModule;
