-- ingest stage: the last pull of each live Backstage source (scorecards.backstage.<name>), shared by replicas.

create table ingest_backstage_run (
    name             text primary key,
    trigger          text not null,
    started_at       timestamptz not null,
    finished_at      timestamptz,
    entities         integer,
    created          integer,
    updated          integer,
    unchanged        integer,
    removed          integer,
    conflicts        integer,
    error            text,
    last_success_at  timestamptz
);
