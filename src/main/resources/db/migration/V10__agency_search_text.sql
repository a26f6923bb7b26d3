-- Agencies are searched without diacritics ("tu phap" finds "Sở Tư pháp"): a folded copy of the name,
-- kept in search_text by a trigger (see search_fold in V9), so that rows written by any means are found.
-- Lists are ordered by it, so the index serves the sort; a contains-search scans, which stays fast at
-- provincial and even national scale (about 10,000 agencies).
alter table agency add column search_text varchar(300);
update agency set search_text = search_fold(name);
alter table agency alter column search_text set not null;
create index agency_search_text_idx on agency (search_text);

create function agency_fold_name() returns trigger
    language plpgsql as $$
begin
    new.search_text := search_fold(new.name);
    return new;
end
$$;
create trigger agency_search_text
    before insert or update of name on agency
    for each row execute function agency_fold_name();
