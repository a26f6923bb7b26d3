-- What an indicator's numbers mean when they are added up.
--   ACTIVITY: done in the year (sessions held, people trained): summed over agencies and over years.
--   STOCK:    standing at the end of the year (members, centres working): summed over agencies within one
--             year, each agency counted once however many of its tasks repeat the number; over a range
--             of years the last year's value, never a sum of years.
--   RATIO:    a rate (unit "%"): never summed; shown as the mean of the reports that gave one, and where
--             its parts are reported (the participation targets), computed from the parts.
alter table indicator add column kind varchar(10) not null default 'ACTIVITY'
    constraint indicator_kind_check check (kind in ('ACTIVITY', 'STOCK', 'RATIO'));

update indicator set kind = 'STOCK'
where code in ('MEMBERS_FULL_TIME_TAKING_PART', 'MEMBERS_FULL_TIME_TOTAL', 'MEMBERS_RETIRED_TAKING_PART',
               'MEMBERS_RETIRED_TOTAL', 'COMMUNITY_LEGAL_CENTRES');
update indicator set kind = 'RATIO' where unit = '%';

-- The two numbers of a participation target: the members taking part and all members of the category
-- (the indicator whose code ends in _TOTAL).
create view participation_pair as
select t.member_category, min(p.id) as part_id, t.id as total_id
from indicator t
join indicator p on p.member_category = t.member_category and p.id <> t.id and p.kind <> 'RATIO'
                and p.code not like '%\_TOTAL'
where t.member_category is not null and t.code like '%\_TOTAL'
group by t.member_category, t.id;

-- Stock indicators per unit, agency kind and year (no task: an agency's head count is one number, even
-- when tasks 3 and 7.1 both ask for it; the largest it gave that year is taken). Same two levels as the
-- tallies of V32. "counted" is approved or submitted, for the dashboard's switch.
create table stock_tally (
    unit_id        bigint         not null,
    subtree        boolean        not null,
    kind_id        bigint         not null,
    year           int            not null,
    indicator_id   bigint         not null,
    sum_approved   numeric(24, 2) not null default 0,
    n_approved     int            not null default 0,
    sum_counted    numeric(24, 2) not null default 0,
    n_counted      int            not null default 0,
    primary key (unit_id, subtree, year, indicator_id, kind_id)
);

-- Participation per member category: numerator and denominator from the same agencies, those that gave
-- both numbers; "expected" is the agencies that owed a task asking for either number that year or gave
-- one of them, so that the coverage ("from 12 of 20") can be said.
create table participation_tally (
    unit_id         bigint         not null,
    subtree         boolean        not null,
    kind_id         bigint         not null,
    year            int            not null,
    member_category varchar(60)    not null,
    expected        int            not null default 0,
    part_approved   numeric(24, 2) not null default 0,
    total_approved  numeric(24, 2) not null default 0,
    both_approved   int            not null default 0,
    part_counted    numeric(24, 2) not null default 0,
    total_counted   numeric(24, 2) not null default 0,
    both_counted    int            not null default 0,
    primary key (unit_id, subtree, year, member_category, kind_id)
);

create function refresh_stock_tallies(keys dashboard_key[]) returns void
    language plpgsql as
$$
declare
    targets dashboard_key[];
begin
    if keys is null or cardinality(keys) = 0 then
        return;
    end if;

    -- (unit, kind, year) at the own level and at every unit above; task is not part of these keys.
    with recursive own as (
        select distinct k.unit_id, k.kind_id, k.year from unnest(keys) k where k.unit_id is not null
    ),
    up (unit_id, ancestor_id) as (
        select distinct unit_id, unit_id from own
        union
        select up.unit_id, u.parent_id
        from up join administrative_unit u on u.id = up.ancestor_id
        where u.parent_id is not null
    )
    select array_agg(distinct row (up.ancestor_id, own.kind_id, null::bigint, own.year)::dashboard_key)
    into targets
    from own join up on up.unit_id = own.unit_id;

    if targets is null then
        return;
    end if;

    -- One transaction at a time per key, taken in one order (no deadlock); the statements below then
    -- see what the previous holder committed.
    perform pg_advisory_xact_lock(h)
    from (select distinct hashtextextended('stock_tally ' || t.unit_id || ' ' || t.kind_id || ' ' || t.year, 0) as h
          from unnest(targets) t) x
    order by h;

    -- Own level.
    delete from stock_tally s
    using (select distinct k.unit_id, k.kind_id, k.year from unnest(keys) k where k.unit_id is not null) k
    where not s.subtree and (s.unit_id, s.kind_id, s.year) = (k.unit_id, k.kind_id, k.year);

    insert into stock_tally (unit_id, subtree, kind_id, year, indicator_id, sum_approved, n_approved,
                             sum_counted, n_counted)
    select k.unit_id, false, k.kind_id, k.year, x.indicator_id,
           coalesce(sum(x.approved), 0), count(x.approved), coalesce(sum(x.counted), 0), count(x.counted)
    from (select distinct k.unit_id, k.kind_id, k.year from unnest(keys) k where k.unit_id is not null) k
    join agency a on a.unit_id = k.unit_id and a.kind_id = k.kind_id
    cross join lateral (
        select v.indicator_id, max(v.value) filter (where r.status = 'APPROVED') as approved, max(v.value) as counted
        from progress_report r
        join report_indicator_value v on v.report_id = r.id
        join indicator i on i.id = v.indicator_id and i.kind = 'STOCK'
        where r.agency_id = a.id and r.year = k.year and r.kind = 'LEAD' and r.status in ('SUBMITTED', 'APPROVED')
        group by v.indicator_id) x
    group by k.unit_id, k.kind_id, k.year, x.indicator_id;

    delete from participation_tally s
    using (select distinct k.unit_id, k.kind_id, k.year from unnest(keys) k where k.unit_id is not null) k
    where not s.subtree and (s.unit_id, s.kind_id, s.year) = (k.unit_id, k.kind_id, k.year);

    insert into participation_tally (unit_id, subtree, kind_id, year, member_category, expected,
                                     part_approved, total_approved, both_approved,
                                     part_counted, total_counted, both_counted)
    select k.unit_id, false, k.kind_id, k.year, p.member_category,
           count(*) filter (where ow.owes or x.part_c is not null or x.total_c is not null),
           coalesce(sum(x.part_a) filter (where x.part_a is not null and x.total_a is not null), 0),
           coalesce(sum(x.total_a) filter (where x.part_a is not null and x.total_a is not null), 0),
           count(*) filter (where x.part_a is not null and x.total_a is not null),
           coalesce(sum(x.part_c) filter (where x.part_c is not null and x.total_c is not null), 0),
           coalesce(sum(x.total_c) filter (where x.part_c is not null and x.total_c is not null), 0),
           count(*) filter (where x.part_c is not null and x.total_c is not null)
    from (select distinct k.unit_id, k.kind_id, k.year from unnest(keys) k where k.unit_id is not null) k
    join agency a on a.unit_id = k.unit_id and a.kind_id = k.kind_id
    cross join participation_pair p
    cross join lateral (
        select exists (select 1 from obligation o
                       join task_indicator ti on ti.task_id = o.task_id and ti.indicator_id in (p.part_id, p.total_id)
                       where o.agency_id = a.id and o.year = k.year) as owes) ow
    cross join lateral (
        select max(v.value) filter (where v.indicator_id = p.part_id and r.status = 'APPROVED') as part_a,
               max(v.value) filter (where v.indicator_id = p.total_id and r.status = 'APPROVED') as total_a,
               max(v.value) filter (where v.indicator_id = p.part_id) as part_c,
               max(v.value) filter (where v.indicator_id = p.total_id) as total_c
        from progress_report r
        join report_indicator_value v on v.report_id = r.id and v.indicator_id in (p.part_id, p.total_id)
        where r.agency_id = a.id and r.year = k.year and r.kind = 'LEAD' and r.status in ('SUBMITTED', 'APPROVED')) x
    group by k.unit_id, k.kind_id, k.year, p.member_category
    having count(*) filter (where ow.owes or x.part_c is not null or x.total_c is not null) > 0;

    -- Subtree level, from the own rows of the unit and every unit below it.
    delete from stock_tally s
    using (select distinct t.unit_id, t.kind_id, t.year from unnest(targets) t) t
    where s.subtree and (s.unit_id, s.kind_id, s.year) = (t.unit_id, t.kind_id, t.year);

    with recursive down (top_id, unit_id) as (
        select distinct t.unit_id, t.unit_id from unnest(targets) t
        union
        select down.top_id, u.id from down join administrative_unit u on u.parent_id = down.unit_id
    )
    insert into stock_tally (unit_id, subtree, kind_id, year, indicator_id, sum_approved, n_approved,
                             sum_counted, n_counted)
    select t.unit_id, true, t.kind_id, t.year, s.indicator_id,
           sum(s.sum_approved), sum(s.n_approved), sum(s.sum_counted), sum(s.n_counted)
    from (select distinct t.unit_id, t.kind_id, t.year from unnest(targets) t) t
    join down on down.top_id = t.unit_id
    join stock_tally s on not s.subtree and s.unit_id = down.unit_id and s.kind_id = t.kind_id and s.year = t.year
    group by t.unit_id, t.kind_id, t.year, s.indicator_id;

    delete from participation_tally s
    using (select distinct t.unit_id, t.kind_id, t.year from unnest(targets) t) t
    where s.subtree and (s.unit_id, s.kind_id, s.year) = (t.unit_id, t.kind_id, t.year);

    with recursive down (top_id, unit_id) as (
        select distinct t.unit_id, t.unit_id from unnest(targets) t
        union
        select down.top_id, u.id from down join administrative_unit u on u.parent_id = down.unit_id
    )
    insert into participation_tally (unit_id, subtree, kind_id, year, member_category, expected,
                                     part_approved, total_approved, both_approved,
                                     part_counted, total_counted, both_counted)
    select t.unit_id, true, t.kind_id, t.year, s.member_category, sum(s.expected),
           sum(s.part_approved), sum(s.total_approved), sum(s.both_approved),
           sum(s.part_counted), sum(s.total_counted), sum(s.both_counted)
    from (select distinct t.unit_id, t.kind_id, t.year from unnest(targets) t) t
    join down on down.top_id = t.unit_id
    join participation_tally s
      on not s.subtree and s.unit_id = down.unit_id and s.kind_id = t.kind_id and s.year = t.year
    group by t.unit_id, t.kind_id, t.year, s.member_category;
end;
$$;

-- Every trigger of V32 calls refresh_dashboard_tallies by name: it now refreshes the stock tallies too.
alter function refresh_dashboard_tallies(dashboard_key[]) rename to refresh_dashboard_counts;

create function refresh_dashboard_tallies(keys dashboard_key[]) returns void
    language plpgsql as
$$
begin
    perform refresh_dashboard_counts(keys);
    perform refresh_stock_tallies(keys);
end;
$$;

-- An indicator that changes kind, code or category changes what its reported values add up to: recount.
create function dashboard_tally_from_indicator_kind() returns trigger
    language plpgsql as
$$
begin
    perform refresh_stock_tallies(array(
        select distinct row (a.unit_id, a.kind_id, r.task_id, r.year)::dashboard_key
        from (select n.id from old_rows o join new_rows n on n.id = o.id
              where (o.kind, o.code, o.member_category) is distinct from (n.kind, n.code, n.member_category)) i
        join report_indicator_value v on v.indicator_id = i.id
        join progress_report r on r.id = v.report_id
        join agency a on a.id = r.agency_id
        where r.kind = 'LEAD'));
    return null;
end;
$$;

create trigger indicator_updated_tallies after update on indicator
    referencing old table as old_rows new table as new_rows
    for each statement execute function dashboard_tally_from_indicator_kind();

select refresh_stock_tallies(all_dashboard_keys());
