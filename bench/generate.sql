-- Synthetic data for the dashboard benchmark. Run with psql against the application's database:
--   psql -v agencies=10000 -v regions=63 -v years_with_reports=7 -f bench/generate.sql
-- agencies: how many agencies to add (all owe every one of the 16 tasks in each year 2024–2030);
-- regions: 0 to place them in Lai Châu's own districts, or the number of province-like units to add
--          under Lai Châu (ten communes each), so that the province reviewer sees a country-sized tree;
-- years_with_reports: how many years from 2024 on have reports (7 = the plan's end).
-- Everything added has a code starting with BENCH-, so it is easy to tell apart; the script refuses to
-- run twice on the same database.
\set ON_ERROR_STOP on
\timing on

begin;

do $$ begin
    if exists (select 1 from agency where code like 'BENCH-%') then
        raise exception 'benchmark data is already there';
    end if;
end $$;

-- The dashboard's tallies are filled once at the end instead of by their triggers after each bulk insert,
-- and its data version is raised once instead of being checked for each of millions of rows.
alter table obligation disable trigger obligation_inserted_tallies;
alter table progress_report disable trigger progress_report_inserted_tallies;
alter table report_indicator_value disable trigger indicator_value_inserted_tallies;
alter table administrative_unit disable trigger administrative_unit_dashboard_version;
alter table agency disable trigger agency_dashboard_version;
alter table indicator disable trigger indicator_dashboard_version;
alter table obligation disable trigger obligation_dashboard_version;
alter table progress_report disable trigger progress_report_dashboard_version;
alter table report_indicator_value disable trigger report_indicator_value_dashboard_version;

-- Units: province-like regions under Lai Châu with ten communes each, or Lai Châu's districts as they are.
insert into administrative_unit (code, name, level, parent_id, opened_on)
select 'BENCH-R' || r, 'Vùng thử nghiệm ' || r, 'DISTRICT', p.id, date '2024-01-01'
from generate_series(1, :regions) r, administrative_unit p where p.code = '12';
insert into administrative_unit (code, name, level, parent_id, opened_on)
select u.code || '-C' || c, 'Xã thử nghiệm ' || c || ' (' || u.name || ')', 'COMMUNE', u.id, date '2024-01-01'
from administrative_unit u, generate_series(1, 10) c where u.code like 'BENCH-R%';

create temp table bench_unit as
select id, (row_number() over (order by id) - 1)::int as n
from administrative_unit
where (:regions > 0 and code like 'BENCH-R%-C%')
   or (:regions = 0 and (code = '12' or parent_id = (select id from administrative_unit where code = '12')));
select count(*) as unit_count from bench_unit \gset

create temp table bench_kind as
select id, (row_number() over (order by position) - 1)::int as n from agency_kind where position <= 5;

insert into agency (code, name, kind_id, unit_id, opened_on)
select 'BENCH-A' || i, 'Cơ quan thử nghiệm số ' || i, k.id, u.id, date '2024-01-01'
from generate_series(1, :agencies) i
join bench_unit u on u.n = i % :unit_count
join bench_kind k on k.n = i % 5;

-- Indicators: head counts, and two participation rates by member category.
insert into indicator (code, name, unit, member_category, position) values
    ('BENCH-I1', 'Số cuộc tuyên truyền, PBGDPL (thử nghiệm)', 'cuộc', null, 1001),
    ('BENCH-I2', 'Số lượt người được PBGDPL (thử nghiệm)', 'lượt người', null, 1002),
    ('BENCH-I3', 'Số lớp tập huấn (thử nghiệm)', 'lớp', null, 1003),
    ('BENCH-I4', 'Số tài liệu phát hành (thử nghiệm)', 'bản', null, 1004),
    ('BENCH-I5', 'Tỷ lệ luật gia chuyên trách tham gia (thử nghiệm)', '%', 'FULL_TIME_JURIST', 1005),
    ('BENCH-I6', 'Tỷ lệ luật gia nghỉ hưu tham gia (thử nghiệm)', '%', 'RETIRED_JURIST', 1006);

-- Obligations: every agency, every task, every year of the plan.
insert into obligation (agency_id, task_id, year)
select a.id, t.id, y
from agency a cross join task t cross join generate_series(2024, 2030) y
where a.code like 'BENCH-A%';

-- Reports for 9 obligations in 10: mostly approved in earlier years, a mix in the last one.
insert into progress_report (agency_id, task_id, year, kind, status, implementation_status, percent_complete,
                             results, difficulties, proposals, budget_planned, budget_spent,
                             first_submitted_at, submitted_at, approved_at)
select o.agency_id, o.task_id, o.year, 'LEAD', s.status,
       'IN_PROGRESS', (o.agency_id * 7 + o.task_id) % 101,
       'Đã tổ chức các hoạt động theo kế hoạch năm ' || o.year || ' của cơ quan.',
       case when h % 7 = 0 then 'Kinh phí còn hạn chế; địa bàn rộng, đi lại khó khăn.' end,
       case when h % 11 = 0 then 'Đề nghị bổ sung kinh phí và tài liệu cho cơ sở.' end,
       (h % 50) * 1000000, (h % 40) * 1000000,
       case when s.status <> 'DRAFT' then make_timestamptz(o.year, 12, 1, 3, 0, 0, 'UTC') + (h % 30) * interval '1 day' end,
       case when s.status in ('SUBMITTED', 'APPROVED') then make_timestamptz(o.year, 12, 1, 3, 0, 0, 'UTC') + (h % 30) * interval '1 day' end,
       case when s.status = 'APPROVED' then make_timestamptz(o.year, 12, 20, 3, 0, 0, 'UTC') end
from (select o.*, abs(hashtext(o.agency_id || '-' || o.task_id || '-' || o.year)) as h
      from obligation o join agency a on a.id = o.agency_id
      where a.code like 'BENCH-A%' and o.year < 2024 + :years_with_reports) o
cross join lateral (select case
        when o.h % 10 = 0 then null
        when o.year < 2024 + :years_with_reports - 1 then (case when o.h % 20 < 17 then 'APPROVED' when o.h % 20 = 17 then 'SUBMITTED' when o.h % 20 = 18 then 'RETURNED' else 'DRAFT' end)
        else (case when o.h % 10 < 4 then 'APPROVED' when o.h % 10 < 7 then 'SUBMITTED' when o.h % 10 < 8 then 'RETURNED' else 'DRAFT' end)
    end as status) s
where s.status is not null;

-- Two indicator values per report.
insert into report_indicator_value (report_id, indicator_id, value)
select r.id, i.id, case when i.unit = '%' then 30 + (r.id % 70) else 1 + (r.id % 40) end
from progress_report r
join agency a on a.id = r.agency_id
cross join generate_series(0, 1) as g(k)
join indicator i on i.code = 'BENCH-I' || (1 + (r.task_id + g.k) % 6)
where a.code like 'BENCH-A%';

alter table obligation enable trigger obligation_inserted_tallies;
alter table progress_report enable trigger progress_report_inserted_tallies;
alter table report_indicator_value enable trigger indicator_value_inserted_tallies;
alter table administrative_unit enable trigger administrative_unit_dashboard_version;
alter table agency enable trigger agency_dashboard_version;
alter table indicator enable trigger indicator_dashboard_version;
alter table obligation enable trigger obligation_dashboard_version;
alter table progress_report enable trigger progress_report_dashboard_version;
alter table report_indicator_value enable trigger report_indicator_value_dashboard_version;
select refresh_dashboard_tallies(all_dashboard_keys());
update dashboard_version set version = version + 1;

commit;

vacuum analyze;

select (select count(*) from agency where code like 'BENCH-A%') as agencies,
       (select count(*) from obligation) as obligations,
       (select count(*) from progress_report) as reports,
       (select count(*) from report_indicator_value) as indicator_values;
