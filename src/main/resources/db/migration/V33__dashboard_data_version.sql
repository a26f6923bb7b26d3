-- A number that changes whenever anything the dashboard shows changes, so that the application can
-- keep a rendered dashboard and know for certain when it is out of date (DashboardPageCache).
--
-- It is raised once per transaction, at commit (deferred constraint triggers), so the row is locked only
-- for the instant of the commit: writers do not queue behind each other for the whole transaction.
-- A reader reads the number before the data; if a writer commits in between, the reader's page is newer
-- than its number and is only recomputed once more, never kept when it is older.
create table dashboard_version (
    id      int    primary key check (id = 1),
    version bigint not null
);
insert into dashboard_version (id, version) values (1, 0);

create function raise_dashboard_version() returns trigger
    language plpgsql as
$$
begin
    if current_setting('app.dashboard_version_raised', true) is distinct from txid_current()::text then
        update dashboard_version set version = version + 1 where id = 1;
        perform set_config('app.dashboard_version_raised', txid_current()::text, true);
    end if;
    return null;
end;
$$;

do $$
declare
    t text;
begin
    foreach t in array array['progress_report', 'report_indicator_value', 'obligation', 'agency', 'agency_kind',
                             'administrative_unit', 'reporting_period', 'indicator', 'task', 'task_group',
                             'participation_target']
    loop
        execute format('create constraint trigger %I after insert or update or delete on %I
                        deferrable initially deferred for each row execute function raise_dashboard_version()',
                       t || '_dashboard_version', t);
    end loop;
end;
$$;
