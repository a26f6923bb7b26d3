/**
 * Hot backups of the database with nothing but the JDK (a logical copy of every table through
 * PostgreSQL's COPY, in one zip file), made on demand by an administrator and on a schedule, and the
 * restore command that loads one into a database of the same schema version.
 */
@ApplicationModule(allowedDependencies = "shared")
package vn.laichau.hlg.tracker.backup;

import org.springframework.modulith.ApplicationModule;
