/**
 * The administration's front page, linking to the pages where administrators manage units, agencies,
 * accounts and the audit trail (each kept in its own module).
 */
@ApplicationModule(allowedDependencies = {})
package vn.laichau.hlg.tracker.admin;

import org.springframework.modulith.ApplicationModule;
