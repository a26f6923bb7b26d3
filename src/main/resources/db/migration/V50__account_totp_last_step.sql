-- The time step (30 s) of the last authenticator code accepted for the account: a code of that step or
-- an earlier one is refused, so that each code is used once.
alter table account add column totp_last_step bigint;
