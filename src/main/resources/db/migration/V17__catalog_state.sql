-- issue 17: the catalog's version, moved on by every catalog write that changes something (in its
-- transaction, next to its notification); cached list answers are served only at the version they
-- were computed at (catalog/query/AnswerCache)
create table catalog_state (
    id integer primary key check (id = 1),
    version bigint not null
);
insert into catalog_state (id, version) values (1, 0);

-- issue 17: a hash of the document as offered (before processing, with the Location it came through
-- and the processing code's fingerprint); a document offered again unchanged costs this hash, not a
-- processing pass (ingest/source/DocumentChecker)
alter table catalog_entity add column input_hash text;
create index catalog_entity_input_hash on catalog_entity (input_hash);
