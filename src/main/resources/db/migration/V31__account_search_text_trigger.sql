-- Accounts are searched without diacritics by the same folding as units and agencies (search_fold),
-- kept by a trigger, so that accounts written by any means (the application, imports, scripts) are found.
create function account_fold_names() returns trigger
    language plpgsql as $$
begin
    new.search_text := search_fold(new.username || ' ' || new.display_name);
    return new;
end
$$;
create trigger account_search_text
    before insert or update of username, display_name on account
    for each row execute function account_fold_names();

update account set search_text = search_fold(username || ' ' || display_name);
