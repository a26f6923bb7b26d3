-- E-mail address for reminders (optional; reminders go only to accounts that have one).
alter table account add column email varchar(254);

-- When each person last opened their notifications: newer events count as unread.
create table notification_read (
    account_id bigint      not null primary key references account (id),
    read_at    timestamptz not null
);

-- At most one reminder digest per person per day, across every instance.
create table reminder_digest (
    account_id bigint not null references account (id),
    sent_on    date   not null,
    primary key (account_id, sent_on)
);

-- ShedLock (JDBC provider): a scheduled job runs on one instance only.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

-- The review queue filters by agency and year.
create index progress_report_agency_year_idx on progress_report (agency_id, year);
create index report_event_action_at_idx on report_event (action, at);
