-- catalog stage: the stored entities, their relations and refused claims.

create table catalog_entity (
    uid               uuid primary key,            -- metadata.uid
    ref               text not null unique,        -- kind:namespace/name, lower-cased
    kind              text not null,               -- lower-cased
    namespace         text not null,
    name              text not null,
    source            text not null,               -- the one source that owns it: push:<name> or location:<id>
    parent_ref        text,                        -- the Location entity it was read through (ancestry)
    -- the entity as ingested and normalised, split where its metadata object ends so that uid and
    -- etag can be added without parsing it: the JSON text is head || tail || '}'
    head              text not null,
    tail              text not null,
    body_hash         text not null,
    search            jsonb not null,              -- lower-cased key -> lower-cased values
    search_original   jsonb not null,              -- lower-cased key -> values as written, where the case differs (facets)
    first_ingestion   bigint not null,             -- the ingestion that first stored it
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
) with (fillfactor = 80);

-- jsonb_path_ops: one index entry per (key, value), so a filter touches only matching rows; key
-- existence is answered through the "" key, which lists every key of the entity
-- (a larger pending list lets big ingestions append cheaply; autovacuum merges it afterwards)
create index catalog_entity_search on catalog_entity using gin (search jsonb_path_ops)
    with (gin_pending_list_limit = 16384);
create index catalog_entity_source on catalog_entity (source);

-- Every reference an entity's spec declares, once, in the direction declared (source_ref is the
-- declaring entity); the inverse direction (target -[inverse]-> source) is read from the same row.
create table catalog_relation (
    source_ref  text collate "C" not null,
    type        text collate "C" not null,
    target_ref  text collate "C" not null,
    inverse     text collate "C" not null
);
create index catalog_relation_source on catalog_relation (source_ref, type, target_ref);
create index catalog_relation_target on catalog_relation (target_ref);

-- A source that claimed an entity another source already owns: refused and shown in the entity's status.
create table catalog_conflict (
    ref           text not null,
    source        text not null,
    owner_source  text not null,
    message       text not null,
    seen_at       timestamptz not null default now(),
    primary key (ref, source)
);

-- The entity as served (Backstage's "final entity"): the stored body plus metadata.uid,
-- metadata.etag, its outgoing relations sorted by type and target, and a status listing refused
-- claims. Composed when read, so a write never rewrites the entities its relations touch.
create function catalog_entity_json(e catalog_entity) returns text
language sql stable parallel safe as $$
    select e.head
        || ',"uid":"' || e.uid || '","etag":"'
        || md5(e.body_hash || coalesce(r.rels, '') || coalesce(k.items, '')) || '"'
        || e.tail
        || ',"relations":[' || coalesce(r.rels, '') || ']'
        || case when k.items is null then '' else ',"status":{"items":[' || k.items || ']}' end
        || '}'
    from (select string_agg(format('{"type":%s,"targetRef":%s}', to_json(x.type), to_json(x.target)), ','
                            order by x.type, x.target) as rels
          from (select type, target_ref as target from catalog_relation where source_ref = e.ref
                union
                select inverse, source_ref from catalog_relation where target_ref = e.ref) x) r,
         (select string_agg(json_build_object('type', 'backstage.io/catalog-processing', 'level', 'warning',
                                              'message', 'ConflictError: ' || c.message,
                                              'error', json_build_object('name', 'ConflictError', 'message', c.message))::text,
                            ',' order by c.source) as items
          from catalog_conflict c where c.ref = e.ref) k
$$;
