-- ingest stage: registered locations and the log of committed ingestions.

create table ingest_location (
    id            uuid primary key,
    type          text not null,
    target        text not null,
    created_at    timestamptz not null default now(),
    refreshed_at  timestamptz,
    last_error    text,
    unique (type, target)
);

create table ingest_ingestion (
    id          bigserial primary key,
    source      text not null,
    mode        text not null,
    created     integer not null default 0,
    updated     integer not null default 0,
    unchanged   integer not null default 0,
    removed     integer not null default 0,
    conflicts   integer not null default 0,
    at          timestamptz not null default now()
);
