-- Consumer lists are only ever read whole (as text, bound by the service), never queried inside, so they
-- are stored as the text the service wrote (json: checked, not converted): PostgreSQL no longer builds a
-- binary document for each of them when a large evaluation is stored (docs/decisions.md, "Issue 17, part 9").
-- Still uncompressed, as V21 set.
alter table scoring_detail alter column consumers type json using consumers::json;
alter table scoring_detail alter column consumers set storage external;
