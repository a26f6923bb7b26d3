-- The plan (section III) funds the work from the state budget and from other lawful sources, so a report
-- now states both. The amounts reported so far were all state budget: budget_planned and budget_spent
-- keep them and are, from now on, the state-budget columns (renaming them would break every trigger
-- that reads them); the other lawful sources get columns of their own.
-- A report also says which documents its agency issued to direct the work (section I of the
-- consolidated report, "Công tác chỉ đạo, triển khai").

alter table progress_report
    add column budget_other_planned numeric(18, 0) check (budget_other_planned >= 0),
    add column budget_other_spent   numeric(18, 0) check (budget_other_spent >= 0),
    add column documents_issued     text;

comment on column progress_report.budget_planned is 'State budget planned for the task in the year, in đồng';
comment on column progress_report.budget_spent is 'State budget spent for the task in the year, in đồng';
comment on column progress_report.budget_other_planned is 'Other lawful sources planned, in đồng';
comment on column progress_report.budget_other_spent is 'Other lawful sources spent, in đồng';
comment on column progress_report.documents_issued is 'Documents the agency issued to direct and carry out the task';

-- The tallies keep the other sources beside the state budget (V32's columns), by status as they do.
alter table dashboard_tally
    add column other_planned_approved  numeric(20, 0) not null default 0,
    add column other_spent_approved    numeric(20, 0) not null default 0,
    add column other_planned_submitted numeric(20, 0) not null default 0,
    add column other_spent_submitted   numeric(20, 0) not null default 0;

-- Recomputes the other sources of the given keys, at the own level from the lead reports and at the
-- subtree level from the own rows below. Runs after refresh_dashboard_counts, which has created and
-- locked every row concerned.
create function refresh_budget_source_tallies(keys dashboard_key[]) returns void
    language plpgsql as
$$
declare
    targets dashboard_key[];
begin
    if keys is null or cardinality(keys) = 0 then
        return;
    end if;

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

    with counted as (
        select k.unit_id, k.kind_id, k.task_id, k.year,
               coalesce(sum(r.budget_other_planned) filter (where o.id is not null and r.status = 'APPROVED'), 0) as planned_approved,
               coalesce(sum(r.budget_other_spent) filter (where o.id is not null and r.status = 'APPROVED'), 0) as spent_approved,
               coalesce(sum(r.budget_other_planned) filter (where o.id is not null and r.status = 'SUBMITTED'), 0) as planned_submitted,
               coalesce(sum(r.budget_other_spent) filter (where o.id is not null and r.status = 'SUBMITTED'), 0) as spent_submitted
        from (select distinct k.unit_id, k.kind_id, k.task_id, k.year from unnest(keys) k where k.unit_id is not null) k
        left join agency a on a.unit_id = k.unit_id and a.kind_id = k.kind_id
        left join obligation o on o.agency_id = a.id and o.task_id = k.task_id and o.year = k.year
        left join progress_report r
               on r.agency_id = o.agency_id and r.task_id = o.task_id and r.year = o.year and r.kind = 'LEAD'
        group by k.unit_id, k.kind_id, k.task_id, k.year
    )
    update dashboard_tally d
    set other_planned_approved = c.planned_approved, other_spent_approved = c.spent_approved,
        other_planned_submitted = c.planned_submitted, other_spent_submitted = c.spent_submitted
    from counted c
    where not d.subtree and d.unit_id = c.unit_id and d.kind_id = c.kind_id and d.task_id = c.task_id
      and d.year = c.year;

    with recursive down (top_id, unit_id) as (
        select distinct t.unit_id, t.unit_id from unnest(targets) t
        union
        select down.top_id, u.id from down join administrative_unit u on u.parent_id = down.unit_id
    ),
    summed as (
        select t.unit_id, t.kind_id, t.task_id, t.year,
               coalesce(sum(d.other_planned_approved), 0) as planned_approved,
               coalesce(sum(d.other_spent_approved), 0) as spent_approved,
               coalesce(sum(d.other_planned_submitted), 0) as planned_submitted,
               coalesce(sum(d.other_spent_submitted), 0) as spent_submitted
        from unnest(targets) t
        join down on down.top_id = t.unit_id
        left join dashboard_tally d
          on not d.subtree and d.unit_id = down.unit_id and d.year = t.year and d.task_id = t.task_id
             and d.kind_id = t.kind_id
        group by t.unit_id, t.kind_id, t.task_id, t.year
    )
    update dashboard_tally d
    set other_planned_approved = s.planned_approved, other_spent_approved = s.spent_approved,
        other_planned_submitted = s.planned_submitted, other_spent_submitted = s.spent_submitted
    from summed s
    where d.subtree and d.unit_id = s.unit_id and d.kind_id = s.kind_id and d.task_id = s.task_id
      and d.year = s.year;
end;
$$;

create or replace function refresh_dashboard_tallies(keys dashboard_key[]) returns void
    language plpgsql as
$$
begin
    perform refresh_dashboard_counts(keys);
    perform refresh_stock_tallies(keys);
    perform refresh_budget_source_tallies(keys);
end;
$$;

-- A report whose other-source amounts change is recounted, as one whose state budget changes.
create or replace function dashboard_tally_from_report_updates() returns trigger
    language plpgsql as
$$
begin
    perform refresh_dashboard_tallies(array(
        with changed as (
            select o.agency_id as old_agency, o.task_id as old_task, o.year as old_year, o.kind as old_kind,
                   n.agency_id as new_agency, n.task_id as new_task, n.year as new_year, n.kind as new_kind
            from old_rows o join new_rows n on n.id = o.id
            where (o.status, o.budget_planned, o.budget_spent, o.budget_other_planned, o.budget_other_spent,
                   o.first_submitted_at, o.submitted_at, o.agency_id, o.task_id, o.year, o.kind)
                  is distinct from
                  (n.status, n.budget_planned, n.budget_spent, n.budget_other_planned, n.budget_other_spent,
                   n.first_submitted_at, n.submitted_at, n.agency_id, n.task_id, n.year, n.kind)
        )
        select distinct row (a.unit_id, a.kind_id, x.task_id, x.year)::dashboard_key
        from (select old_agency as agency_id, old_task as task_id, old_year as year from changed where old_kind = 'LEAD'
              union
              select new_agency, new_task, new_year from changed where new_kind = 'LEAD') x
        join agency a on a.id = x.agency_id));
    return null;
end;
$$;

-- Kept dashboards go out of date when the other sources change, as with the state budget (V35).
drop trigger progress_report_changed_dashboard_version on progress_report;

create constraint trigger progress_report_changed_dashboard_version after update on progress_report
    deferrable initially deferred for each row
    when ((old.status, old.first_submitted_at, old.submitted_at, old.budget_planned, old.budget_spent,
           old.budget_other_planned, old.budget_other_spent,
           old.difficulties, old.proposals, old.agency_id, old.task_id, old.year, old.kind)
          is distinct from
          (new.status, new.first_submitted_at, new.submitted_at, new.budget_planned, new.budget_spent,
           new.budget_other_planned, new.budget_other_spent,
           new.difficulties, new.proposals, new.agency_id, new.task_id, new.year, new.kind))
    execute function raise_dashboard_version();
