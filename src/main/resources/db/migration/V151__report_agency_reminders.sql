-- Reminders a reviewer sends to an agency about reports it still owes ("Nhắc"), one row per
-- obligation reminded. The rows are the rate limit (one reminder per agency and obligation per
-- 24 hours, across every instance) and the reporters' in-app notifications.
create table agency_reminder (
    id        bigint generated always as identity primary key,
    agency_id bigint      not null references agency (id),
    task_id   bigint      not null references task (id),
    year      integer     not null,
    sent_at   timestamptz not null,
    sent_by   bigint      not null references account (id)
);
create index agency_reminder_obligation_idx on agency_reminder (agency_id, task_id, year, sent_at);
create index agency_reminder_task_idx on agency_reminder (task_id);
create index agency_reminder_sent_by_idx on agency_reminder (sent_by);
