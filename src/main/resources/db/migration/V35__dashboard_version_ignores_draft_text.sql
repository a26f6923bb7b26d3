-- Saving a draft's text changes nothing a dashboard shows; at a country's scale drafts are saved all
-- day long and would make every kept dashboard out of date. The version now rises for a report only
-- when it is added or removed, or when something the dashboard shows changes.
drop trigger progress_report_dashboard_version on progress_report;

create constraint trigger progress_report_dashboard_version after insert or delete on progress_report
    deferrable initially deferred for each row execute function raise_dashboard_version();

create constraint trigger progress_report_changed_dashboard_version after update on progress_report
    deferrable initially deferred for each row
    when ((old.status, old.first_submitted_at, old.submitted_at, old.budget_planned, old.budget_spent,
           old.difficulties, old.proposals, old.agency_id, old.task_id, old.year, old.kind)
          is distinct from
          (new.status, new.first_submitted_at, new.submitted_at, new.budget_planned, new.budget_spent,
           new.difficulties, new.proposals, new.agency_id, new.task_id, new.year, new.kind))
    execute function raise_dashboard_version();
