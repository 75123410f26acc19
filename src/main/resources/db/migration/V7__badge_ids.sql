-- opaque badge ids (badges.BadgeIds): public badge URLs in obfuscated mode name an entity only by this
-- random id, so entity names cannot be enumerated; an id, once given, stays the entity's
create table badge_ids (
    id text primary key,
    entity_ref text not null unique,
    created_at timestamptz not null default now()
);
