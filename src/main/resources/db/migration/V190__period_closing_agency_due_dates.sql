-- A closing agency's report of a period may be due on another day than the period's (the agency hands
-- over before it ceases). The day is kept per agency and year; without a row, the period's due date holds.
create table agency_period_due (
    agency_id bigint       not null references agency (id),
    year      int          not null,
    due_on    date         not null,
    set_by    varchar(100),
    set_at    timestamptz  not null default now(),
    primary key (agency_id, year)
);

-- The counts of V32 (renamed refresh_dashboard_counts by V70), with "on time" measured against the
-- agency's own due date where one is set. Nothing else in the function changes.
create or replace function refresh_dashboard_counts(keys dashboard_key[]) returns void
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
                       <= coalesce(ad.due_on, p.due_on)) as on_time,
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
        left join agency_period_due ad on ad.agency_id = o.agency_id and ad.year = o.year
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

-- A changed own due date changes what was on time for that agency in that year.
create function dashboard_tally_from_agency_due() returns trigger
    language plpgsql as
$$
begin
    perform refresh_dashboard_tallies(array(
        select distinct row (a.unit_id, a.kind_id, o.task_id, o.year)::dashboard_key
        from (select agency_id, year from old_rows union select agency_id, year from new_rows) d
        join obligation o on o.agency_id = d.agency_id and o.year = d.year
        join agency a on a.id = o.agency_id));
    return null;
end;
$$;

create function dashboard_tally_from_agency_due_inserts() returns trigger
    language plpgsql as
$$
begin
    perform refresh_dashboard_tallies(array(
        select distinct row (a.unit_id, a.kind_id, o.task_id, o.year)::dashboard_key
        from new_rows d
        join obligation o on o.agency_id = d.agency_id and o.year = d.year
        join agency a on a.id = o.agency_id));
    return null;
end;
$$;

create function dashboard_tally_from_agency_due_deletes() returns trigger
    language plpgsql as
$$
begin
    perform refresh_dashboard_tallies(array(
        select distinct row (a.unit_id, a.kind_id, o.task_id, o.year)::dashboard_key
        from old_rows d
        join obligation o on o.agency_id = d.agency_id and o.year = d.year
        join agency a on a.id = o.agency_id));
    return null;
end;
$$;

create trigger agency_period_due_inserted_tallies after insert on agency_period_due
    referencing new table as new_rows
    for each statement execute function dashboard_tally_from_agency_due_inserts();

create trigger agency_period_due_updated_tallies after update on agency_period_due
    referencing old table as old_rows new table as new_rows
    for each statement execute function dashboard_tally_from_agency_due();

create trigger agency_period_due_deleted_tallies after delete on agency_period_due
    referencing old table as old_rows
    for each statement execute function dashboard_tally_from_agency_due_deletes();
