-- Confirming or withdrawing a closed unit's successor for scopes changes what its reviewers and viewers
-- oversee, so a kept dashboard page must be recomputed: the same trigger as the other tables it reads (V33).
create constraint trigger unit_successor_dashboard_version after insert or update or delete on unit_successor
    deferrable initially deferred for each row execute function raise_dashboard_version();
