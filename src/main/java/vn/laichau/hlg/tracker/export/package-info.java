/**
 * Downloads built from the dashboard's figures and the reports: XLSX tables, a CSV of the reports and
 * the consolidated report (DOCX) laid out per Decree 30/2020/NĐ-CP.
 *
 * <p>Besides the dashboard's figures, its SQL reads the units' tree (unit), agencies and their kinds
 * (agency), tasks, task groups, timelines and indicators (plan), reporting periods (period), obligations,
 * progress reports and their indicator values (report).
 */
@ApplicationModule(allowedDependencies = {"dashboard", "unit", "agency", "plan", "period", "report", "shared"})
package vn.laichau.hlg.tracker.export;

import org.springframework.modulith.ApplicationModule;
