-- A unit that closes may be succeeded by several units (a district by the communes formed on its land),
-- and a unit may succeed several (communes merged into one). The single successor column stays for what
-- was recorded through it; every successor, including that one, is listed here.
--
-- scope_confirmed: an administrator confirmed that whoever oversaw the closed unit also oversees this
-- successor (reviewers and viewers scoped to the closed unit then read it too). Without it, they read
-- only the closed unit's history.
create table unit_successor (
    unit_id         bigint  not null references administrative_unit (id),
    successor_id    bigint  not null references administrative_unit (id),
    scope_confirmed boolean not null default false,
    primary key (unit_id, successor_id),
    constraint unit_successor_not_itself check (unit_id <> successor_id)
);
create index unit_successor_successor_idx on unit_successor (successor_id);

insert into unit_successor (unit_id, successor_id)
select id, successor_id from administrative_unit where successor_id is not null;
