/**
 * Downloads built from the dashboard's figures and the reports: XLSX tables, a CSV of the reports and
 * the consolidated report (DOCX) laid out per Decree 30/2020/NĐ-CP.
 */
@ApplicationModule(allowedDependencies = {"dashboard", "shared"})
package vn.laichau.hlg.tracker.export;

import org.springframework.modulith.ApplicationModule;
