-- An account's e-mail address receives reminders only once its owner has followed the verification
-- link sent to it: a mistyped address must not receive another agency's reminders. Changing the
-- address clears the mark.
alter table account add column email_verified_at timestamptz;

-- The key that signs verification links. It lives in the database, the only state every instance
-- shares, so a link sent by one instance is accepted by all; 32 bytes from two random UUIDs
-- (gen_random_uuid draws from PostgreSQL's strong random source).
create table mail_signing_key (
    id     smallint not null primary key check (id = 1),
    secret bytea    not null
);
insert into mail_signing_key (id, secret)
values (1, decode(md5(gen_random_uuid()::text) || md5(gen_random_uuid()::text), 'hex'));
