-- The dashboard lists the difficulties and proposals of a year task by task: a partial index holds only
-- the reports that state one, so that the first tasks' rows are found without reading the year's reports.
create index progress_report_issues_idx on progress_report (year, task_id, status) include (agency_id)
    where nullif(btrim(difficulties), '') is not null or nullif(btrim(proposals), '') is not null;
