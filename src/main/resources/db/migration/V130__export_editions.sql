-- Editions of the consolidated report: drafted from the data, edited section by section with every saved
-- text kept, then issued with a number, a date, a signer and recipients. An issued edition never changes:
-- a later edition supersedes it, with a reason, and both are kept.
create table edition (
    id               bigserial    primary key,
    unit_id          bigint       not null references administrative_unit (id),
    first_year       int          not null,
    last_year        int          not null,
    status           varchar(12)  not null default 'DRAFT' check (status in ('DRAFT', 'ISSUED', 'SUPERSEDED')),
    -- What surrounds the sections, fixed when the edition is drafted.
    issuer_parent    varchar(200),
    issuer_lines     varchar(400) not null,
    place            varchar(100) not null,
    subject          varchar(1000) not null,
    appendix_subject varchar(1000) not null,
    -- Fixed when issued.
    number           varchar(50),
    issued_on        date,
    signer_name      varchar(100),
    signer_title     varchar(100),
    recipients       varchar(2000),
    issued_by        varchar(100),
    issued_at        timestamptz,
    -- The edition this one replaces once issued, and why.
    supersedes_id    bigint       references edition (id),
    supersede_reason varchar(2000),
    superseded_at    timestamptz,
    created_by       varchar(100) not null,
    created_at       timestamptz  not null default now(),
    version          bigint       not null default 0,
    check (first_year <= last_year),
    check (status = 'DRAFT' or (number is not null and issued_on is not null and signer_name is not null
        and signer_title is not null and recipients is not null))
);

-- One draft at a time per unit and period; a number once per issuing unit.
create unique index edition_one_draft on edition (unit_id, first_year, last_year) where status = 'DRAFT';
create unique index edition_number on edition (unit_id, lower(number)) where number is not null;
create index edition_unit on edition (unit_id, first_year, last_year);

create table edition_section (
    id         bigserial    primary key,
    edition_id bigint       not null references edition (id),
    section    varchar(20)  not null,
    body       text         not null,
    version    bigint       not null default 0,
    updated_by varchar(100) not null,
    updated_at timestamptz  not null default now(),
    unique (edition_id, section)
);

-- Every text a section has had: the draft from the data first, then each saved edit.
create table edition_revision (
    id         bigserial    primary key,
    edition_id bigint       not null references edition (id),
    section    varchar(20)  not null,
    body       text         not null,
    drafted    boolean      not null default false,
    saved_by   varchar(100) not null,
    saved_at   timestamptz  not null default now()
);
create index edition_revision_section on edition_revision (edition_id, section, id);

-- The database itself keeps an issued edition as issued: its sections never change, and the edition
-- changes only from issued to superseded.
create function edition_section_frozen() returns trigger language plpgsql as $$
begin
    if (select status from edition where id = old.edition_id) <> 'DRAFT' then
        raise exception 'edition % is issued: its sections never change', old.edition_id;
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;

create trigger edition_section_frozen before update or delete on edition_section
    for each row execute function edition_section_frozen();

create function edition_issued_unchanged() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and old.status <> 'DRAFT' then
        raise exception 'edition % is issued and is never deleted', old.id;
    end if;
    if tg_op = 'DELETE' then
        return old;
    end if;
    if old.status = 'SUPERSEDED'
        or (old.status = 'ISSUED' and (new.status <> 'SUPERSEDED'
            or row (new.unit_id, new.first_year, new.last_year, new.issuer_parent, new.issuer_lines, new.place,
                    new.subject, new.appendix_subject, new.number, new.issued_on, new.signer_name, new.signer_title,
                    new.recipients, new.issued_by, new.issued_at, new.supersedes_id, new.supersede_reason)
               is distinct from
               row (old.unit_id, old.first_year, old.last_year, old.issuer_parent, old.issuer_lines, old.place,
                    old.subject, old.appendix_subject, old.number, old.issued_on, old.signer_name, old.signer_title,
                    old.recipients, old.issued_by, old.issued_at, old.supersedes_id, old.supersede_reason))) then
        raise exception 'edition % is issued and never changes', old.id;
    end if;
    return new;
end $$;

create trigger edition_issued_unchanged before update or delete on edition
    for each row execute function edition_issued_unchanged();

create function edition_revision_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and (select status from edition where id = old.edition_id) = 'DRAFT' then
        return old; -- a draft that is discarded goes with its history
    end if;
    raise exception 'the history of an edition is never changed';
end $$;

create trigger edition_revision_append_only before update or delete on edition_revision
    for each row execute function edition_revision_append_only();
