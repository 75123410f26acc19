-- catalog stage: the stored entities, their relations and refused claims.

create table catalog_entity (
    uid               uuid primary key,            -- metadata.uid
    ref               text not null unique,        -- kind:namespace/name, lower-cased
    kind              text not null,               -- lower-cased
    namespace         text not null,
    name              text not null,
    source            text not null,               -- the one source that owns it: push:<name> or location:<id>
    parent_ref        text,                        -- the Location entity it was read through (ancestry)
    body              text not null,               -- the entity as ingested and normalised (JSON)
    body_hash         text not null,
    search            jsonb not null,              -- lower-cased key -> lower-cased values
    search_original   jsonb not null,              -- lower-cased key -> values as written (facets)
    final             text,                        -- the entity as served: body + uid, etag, relations, status
    etag              text,
    first_ingestion   bigint not null,             -- the ingestion that first stored it
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
) with (fillfactor = 80);

create index catalog_entity_search on catalog_entity using gin (search);
create index catalog_entity_source on catalog_entity (source);

-- Both directions of every declared reference; origin_ref is the entity whose spec declared it.
create table catalog_relation (
    origin_ref  text not null,
    source_ref  text not null,
    type        text not null,
    target_ref  text not null
);
create index catalog_relation_source on catalog_relation (source_ref, type, target_ref);
create index catalog_relation_origin on catalog_relation (origin_ref);

-- A source that claimed an entity another source already owns: refused and shown in the entity's status.
create table catalog_conflict (
    ref           text not null,
    source        text not null,
    owner_source  text not null,
    message       text not null,
    seen_at       timestamptz not null default now(),
    primary key (ref, source)
);
