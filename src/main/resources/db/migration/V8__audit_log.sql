-- api stage: one row per write request (POST/PUT/DELETE of a restricted operation), failed ones included.

create table api_audit (
    id         bigserial primary key,
    at         timestamptz not null default clock_timestamp(),
    actor      text not null,          -- the token's principal, or 'anonymous'
    method     text not null,
    path       text not null,
    query      text,
    operation  text not null,          -- the contract's operation, e.g. 'POST /api/catalog/ingest'
    status     integer not null,
    target     text                    -- the entity ref the path names, if any
);
create index api_audit_at on api_audit (at);
create index api_audit_actor on api_audit (actor, id);
