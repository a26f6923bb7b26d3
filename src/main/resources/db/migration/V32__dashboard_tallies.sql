-- Dashboard tallies: what the dashboard adds up, added up in advance, so that a page reads at most
-- units × kinds × tasks × years rows instead of every obligation, report and indicator value below the
-- unit (a national data set has millions of them).
--
-- Each tally is kept at two levels per (unit, agency kind, task, year):
--   subtree = false: the agencies located in the unit itself;
--   subtree = true:  the agencies of the unit and of every unit below it.
-- A dashboard for unit U reads U's subtree rows for its totals, and U's own rows plus its children's
-- subtree rows for "by unit". Units never move (they are closed and succeeded), so the tree is stable.
--
-- The tallies are derived data: triggers on the tables they come from call refresh_dashboard_tallies
-- with the keys a statement touched, which recomputes those keys from the source rows (own level) and
-- from the own rows below (subtree level). Recomputing rather than adding deltas keeps them exact; the
-- rows to recompute are locked first, in key order, so that two transactions touching the same key
-- never overwrite each other's counts.

create table dashboard_tally (
    unit_id           bigint         not null,
    subtree           boolean        not null,
    kind_id           bigint         not null,
    task_id           bigint         not null,
    year              int            not null,
    owed              int            not null default 0,
    -- lead reports of these obligations: SUBMITTED or APPROVED; APPROVED; handed in by the due date
    handed_in         int            not null default 0,
    approved          int            not null default 0,
    on_time           int            not null default 0,
    -- budget of the approved lead reports, and of the ones only submitted (added by the dashboard's switch)
    planned_approved  numeric(20, 0) not null default 0,
    spent_approved    numeric(20, 0) not null default 0,
    planned_submitted numeric(20, 0) not null default 0,
    spent_submitted   numeric(20, 0) not null default 0,
    primary key (unit_id, subtree, year, task_id, kind_id)
);

-- Indicator values of the lead reports, summed and counted (rates are averaged), by status.
create table indicator_tally (
    unit_id       bigint         not null,
    subtree       boolean        not null,
    kind_id       bigint         not null,
    task_id       bigint         not null,
    year          int            not null,
    indicator_id  bigint         not null,
    sum_approved  numeric(24, 2) not null default 0,
    n_approved    int            not null default 0,
    sum_submitted numeric(24, 2) not null default 0,
    n_submitted   int            not null default 0,
    primary key (unit_id, subtree, year, indicator_id, task_id, kind_id)
);

-- A key of the tallies at the own level: the agencies of one unit and kind, for one task and year.
create type dashboard_key as (unit_id bigint, kind_id bigint, task_id bigint, year int);

create function refresh_dashboard_tallies(keys dashboard_key[]) returns void
    language plpgsql as
$$
declare
    targets dashboard_key[];
begin
    if keys is null or cardinality(keys) = 0 then
        return;
    end if;

    -- The units whose subtree rows change: each key's unit and every unit above it.
    with recursive own as (
        select distinct k.unit_id, k.kind_id, k.task_id, k.year from unnest(keys) k where k.unit_id is not null
    ),
    up (unit_id, ancestor_id) as (
        select distinct unit_id, unit_id from own
        union
        select up.unit_id, u.parent_id
        from up join administrative_unit u on u.id = up.ancestor_id
        where u.parent_id is not null
    )
    select array_agg(distinct row (up.ancestor_id, own.kind_id, own.task_id, own.year)::dashboard_key)
    into targets
    from own join up on up.unit_id = own.unit_id;

    if targets is null then
        return;
    end if;

    -- Rows to recompute exist and are locked, in one order for every transaction (no deadlock).
    insert into dashboard_tally (unit_id, subtree, kind_id, task_id, year)
    select t.unit_id, s.subtree, t.kind_id, t.task_id, t.year
    from unnest(targets) t cross join (values (false), (true)) s (subtree)
    order by 1, 2, 5, 4, 3
    on conflict do nothing;

    perform 1
    from dashboard_tally d join unnest(targets) t
        on (d.unit_id, d.kind_id, d.task_id, d.year) = (t.unit_id, t.kind_id, t.task_id, t.year)
    order by d.unit_id, d.subtree, d.year, d.task_id, d.kind_id
    for update of d;

    -- Own level, from the obligations and their lead reports. Every statement from here on sees what
    -- transactions that held these rows before us committed.
    with counted as (
        select k.unit_id, k.kind_id, k.task_id, k.year,
               count(o.id) as owed,
               count(o.id) filter (where r.status in ('SUBMITTED', 'APPROVED')) as handed_in,
               count(o.id) filter (where r.status = 'APPROVED') as approved,
               count(o.id) filter (where r.status in ('SUBMITTED', 'APPROVED')
                   and (coalesce(r.first_submitted_at, r.submitted_at) at time zone 'Asia/Ho_Chi_Minh')::date
                       <= p.due_on) as on_time,
               coalesce(sum(r.budget_planned) filter (where o.id is not null and r.status = 'APPROVED'), 0) as planned_approved,
               coalesce(sum(r.budget_spent) filter (where o.id is not null and r.status = 'APPROVED'), 0) as spent_approved,
               coalesce(sum(r.budget_planned) filter (where o.id is not null and r.status = 'SUBMITTED'), 0) as planned_submitted,
               coalesce(sum(r.budget_spent) filter (where o.id is not null and r.status = 'SUBMITTED'), 0) as spent_submitted
        from (select distinct k.unit_id, k.kind_id, k.task_id, k.year from unnest(keys) k where k.unit_id is not null) k
        left join agency a on a.unit_id = k.unit_id and a.kind_id = k.kind_id
        left join obligation o on o.agency_id = a.id and o.task_id = k.task_id and o.year = k.year
        left join progress_report r
               on r.agency_id = o.agency_id and r.task_id = o.task_id and r.year = o.year and r.kind = 'LEAD'
        left join reporting_period p on p.year = o.year
        group by k.unit_id, k.kind_id, k.task_id, k.year
    )
    update dashboard_tally d
    set owed = c.owed, handed_in = c.handed_in, approved = c.approved, on_time = c.on_time,
        planned_approved = c.planned_approved, spent_approved = c.spent_approved,
        planned_submitted = c.planned_submitted, spent_submitted = c.spent_submitted
    from counted c
    where not d.subtree and d.unit_id = c.unit_id and d.kind_id = c.kind_id and d.task_id = c.task_id
      and d.year = c.year;

    delete from indicator_tally i
    using (select distinct k.unit_id, k.kind_id, k.task_id, k.year from unnest(keys) k) k
    where not i.subtree and (i.unit_id, i.kind_id, i.task_id, i.year) = (k.unit_id, k.kind_id, k.task_id, k.year);

    insert into indicator_tally (unit_id, subtree, kind_id, task_id, year, indicator_id,
                                 sum_approved, n_approved, sum_submitted, n_submitted)
    select k.unit_id, false, k.kind_id, k.task_id, k.year, v.indicator_id,
           coalesce(sum(v.value) filter (where r.status = 'APPROVED'), 0),
           count(*) filter (where r.status = 'APPROVED'),
           coalesce(sum(v.value) filter (where r.status = 'SUBMITTED'), 0),
           count(*) filter (where r.status = 'SUBMITTED')
    from (select distinct k.unit_id, k.kind_id, k.task_id, k.year from unnest(keys) k where k.unit_id is not null) k
    join agency a on a.unit_id = k.unit_id and a.kind_id = k.kind_id
    join progress_report r on r.agency_id = a.id and r.task_id = k.task_id and r.year = k.year and r.kind = 'LEAD'
    join report_indicator_value v on v.report_id = r.id
    where r.status in ('SUBMITTED', 'APPROVED')
    group by k.unit_id, k.kind_id, k.task_id, k.year, v.indicator_id;

    -- Subtree level, from the own rows of the unit and every unit below it.
    with recursive down (top_id, unit_id) as (
        select distinct t.unit_id, t.unit_id from unnest(targets) t
        union
        select down.top_id, u.id from down join administrative_unit u on u.parent_id = down.unit_id
    ),
    summed as (
        select t.unit_id, t.kind_id, t.task_id, t.year,
               coalesce(sum(d.owed), 0) as owed, coalesce(sum(d.handed_in), 0) as handed_in,
               coalesce(sum(d.approved), 0) as approved, coalesce(sum(d.on_time), 0) as on_time,
               coalesce(sum(d.planned_approved), 0) as planned_approved,
               coalesce(sum(d.spent_approved), 0) as spent_approved,
               coalesce(sum(d.planned_submitted), 0) as planned_submitted,
               coalesce(sum(d.spent_submitted), 0) as spent_submitted
        from unnest(targets) t
        join down on down.top_id = t.unit_id
        left join dashboard_tally d
          on not d.subtree and d.unit_id = down.unit_id and d.year = t.year and d.task_id = t.task_id
             and d.kind_id = t.kind_id
        group by t.unit_id, t.kind_id, t.task_id, t.year
    )
    update dashboard_tally d
    set owed = s.owed, handed_in = s.handed_in, approved = s.approved, on_time = s.on_time,
        planned_approved = s.planned_approved, spent_approved = s.spent_approved,
        planned_submitted = s.planned_submitted, spent_submitted = s.spent_submitted
    from summed s
    where d.subtree and d.unit_id = s.unit_id and d.kind_id = s.kind_id and d.task_id = s.task_id
      and d.year = s.year;

    delete from indicator_tally i
    using unnest(targets) t
    where i.subtree and (i.unit_id, i.kind_id, i.task_id, i.year) = (t.unit_id, t.kind_id, t.task_id, t.year);

    with recursive down (top_id, unit_id) as (
        select distinct t.unit_id, t.unit_id from unnest(targets) t
        union
        select down.top_id, u.id from down join administrative_unit u on u.parent_id = down.unit_id
    )
    insert into indicator_tally (unit_id, subtree, kind_id, task_id, year, indicator_id,
                                 sum_approved, n_approved, sum_submitted, n_submitted)
    select t.unit_id, true, t.kind_id, t.task_id, t.year, i.indicator_id,
           sum(i.sum_approved), sum(i.n_approved), sum(i.sum_submitted), sum(i.n_submitted)
    from unnest(targets) t
    join down on down.top_id = t.unit_id
    join indicator_tally i
      on not i.subtree and i.unit_id = down.unit_id and i.year = t.year and i.task_id = t.task_id
         and i.kind_id = t.kind_id
    group by t.unit_id, t.kind_id, t.task_id, t.year, i.indicator_id;
end;
$$;

-- Every key of the tallies, for a full rebuild (after a bulk load, or to check them).
create function all_dashboard_keys() returns dashboard_key[]
    language sql stable as
$$
    select array_agg(distinct row (a.unit_id, a.kind_id, x.task_id, x.year)::dashboard_key)
    from (select agency_id, task_id, year from obligation
          union
          select agency_id, task_id, year from progress_report where kind = 'LEAD') x
    join agency a on a.id = x.agency_id
$$;

-- Triggers. A statement's changed rows come in as transition tables, so a bulk statement refreshes
-- its keys once. Rows whose counted columns did not change (a draft's text being saved) are skipped.

create function dashboard_tally_from_obligations() returns trigger
    language plpgsql as
$$
begin
    perform refresh_dashboard_tallies(array(
        select distinct row (a.unit_id, a.kind_id, x.task_id, x.year)::dashboard_key
        from (select agency_id, task_id, year from changed_rows) x
        join agency a on a.id = x.agency_id));
    return null;
end;
$$;

create trigger obligation_inserted_tallies after insert on obligation
    referencing new table as changed_rows for each statement execute function dashboard_tally_from_obligations();
create trigger obligation_deleted_tallies after delete on obligation
    referencing old table as changed_rows for each statement execute function dashboard_tally_from_obligations();

create function dashboard_tally_from_reports() returns trigger
    language plpgsql as
$$
begin
    perform refresh_dashboard_tallies(array(
        select distinct row (a.unit_id, a.kind_id, x.task_id, x.year)::dashboard_key
        from (select agency_id, task_id, year from changed_rows where kind = 'LEAD') x
        join agency a on a.id = x.agency_id));
    return null;
end;
$$;

create function dashboard_tally_from_report_updates() returns trigger
    language plpgsql as
$$
begin
    perform refresh_dashboard_tallies(array(
        with changed as (
            select o.agency_id as old_agency, o.task_id as old_task, o.year as old_year, o.kind as old_kind,
                   n.agency_id as new_agency, n.task_id as new_task, n.year as new_year, n.kind as new_kind
            from old_rows o join new_rows n on n.id = o.id
            where (o.status, o.budget_planned, o.budget_spent, o.first_submitted_at, o.submitted_at,
                   o.agency_id, o.task_id, o.year, o.kind)
                  is distinct from
                  (n.status, n.budget_planned, n.budget_spent, n.first_submitted_at, n.submitted_at,
                   n.agency_id, n.task_id, n.year, n.kind)
        )
        select distinct row (a.unit_id, a.kind_id, x.task_id, x.year)::dashboard_key
        from (select old_agency as agency_id, old_task as task_id, old_year as year from changed where old_kind = 'LEAD'
              union
              select new_agency, new_task, new_year from changed where new_kind = 'LEAD') x
        join agency a on a.id = x.agency_id));
    return null;
end;
$$;

create trigger progress_report_inserted_tallies after insert on progress_report
    referencing new table as changed_rows for each statement execute function dashboard_tally_from_reports();
create trigger progress_report_updated_tallies after update on progress_report
    referencing old table as old_rows new table as new_rows
    for each statement execute function dashboard_tally_from_report_updates();
create trigger progress_report_deleted_tallies after delete on progress_report
    referencing old table as changed_rows for each statement execute function dashboard_tally_from_reports();

-- Indicator values count once their report is handed in; a draft's values are not in the tallies.
create function dashboard_tally_from_indicator_values() returns trigger
    language plpgsql as
$$
begin
    perform refresh_dashboard_tallies(array(
        select distinct row (a.unit_id, a.kind_id, r.task_id, r.year)::dashboard_key
        from (select distinct report_id from changed_rows) x
        join progress_report r on r.id = x.report_id
        join agency a on a.id = r.agency_id
        where r.kind = 'LEAD' and r.status in ('SUBMITTED', 'APPROVED')));
    return null;
end;
$$;

create trigger indicator_value_inserted_tallies after insert on report_indicator_value
    referencing new table as changed_rows for each statement execute function dashboard_tally_from_indicator_values();
create trigger indicator_value_deleted_tallies after delete on report_indicator_value
    referencing old table as changed_rows for each statement execute function dashboard_tally_from_indicator_values();

create function dashboard_tally_from_indicator_value_updates() returns trigger
    language plpgsql as
$$
begin
    perform refresh_dashboard_tallies(array(
        select distinct row (a.unit_id, a.kind_id, r.task_id, r.year)::dashboard_key
        from (select report_id from old_rows union select report_id from new_rows) x
        join progress_report r on r.id = x.report_id
        join agency a on a.id = r.agency_id
        where r.kind = 'LEAD' and r.status in ('SUBMITTED', 'APPROVED')));
    return null;
end;
$$;

create trigger indicator_value_updated_tallies after update on report_indicator_value
    referencing old table as old_rows new table as new_rows
    for each statement execute function dashboard_tally_from_indicator_value_updates();

-- An agency moved to another unit or given another kind: its figures leave the old keys for the new.
create function dashboard_tally_from_agency_updates() returns trigger
    language plpgsql as
$$
begin
    perform refresh_dashboard_tallies(array(
        select distinct row (x.unit_id, x.kind_id, y.task_id, y.year)::dashboard_key
        from (select o.id, o.unit_id, o.kind_id from old_rows o join new_rows n on n.id = o.id
              where (o.unit_id, o.kind_id) is distinct from (n.unit_id, n.kind_id)
              union all
              select n.id, n.unit_id, n.kind_id from old_rows o join new_rows n on n.id = o.id
              where (o.unit_id, o.kind_id) is distinct from (n.unit_id, n.kind_id)) x
        join (select agency_id, task_id, year from obligation
              union
              select agency_id, task_id, year from progress_report where kind = 'LEAD') y on y.agency_id = x.id));
    return null;
end;
$$;

create trigger agency_updated_tallies after update on agency
    referencing old table as old_rows new table as new_rows
    for each statement execute function dashboard_tally_from_agency_updates();

-- A new due date changes what was on time in that year.
create function dashboard_tally_from_period_updates() returns trigger
    language plpgsql as
$$
begin
    perform refresh_dashboard_tallies(array(
        select distinct row (a.unit_id, a.kind_id, o.task_id, o.year)::dashboard_key
        from (select n.year from old_rows o join new_rows n on n.id = o.id
              where o.due_on is distinct from n.due_on or o.year is distinct from n.year) p
        join obligation o on o.year = p.year
        join agency a on a.id = o.agency_id));
    return null;
end;
$$;

create trigger reporting_period_updated_tallies after update on reporting_period
    referencing old table as old_rows new table as new_rows
    for each statement execute function dashboard_tally_from_period_updates();

-- Fill them for the data already there.
select refresh_dashboard_tallies(all_dashboard_keys());
