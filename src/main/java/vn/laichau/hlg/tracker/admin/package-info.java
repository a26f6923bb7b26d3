/**
 * The administration's front page, linking to the pages where administrators manage units, agencies,
 * accounts and the audit trail (each kept in its own module), and the accounts of closed agencies and units
 * (which the account module moves).
 */
@ApplicationModule(allowedDependencies = {"account"})
package vn.laichau.hlg.tracker.admin;

import org.springframework.modulith.ApplicationModule;
