/**
 * Accounts, roles, scopes, passwords and sign-in.
 */
@ApplicationModule(allowedDependencies = {"agency", "unit", "shared"})
package vn.laichau.hlg.tracker.account;

import org.springframework.modulith.ApplicationModule;
