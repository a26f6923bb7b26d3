-- The edition that a later one supersedes is looked up from the later one and checked when an edition is
-- deleted: an index, as for every other foreign key.
create index edition_supersedes_idx on edition (supersedes_id);
