-- facts stage: values scripts push about entities, every one kept (latest = newest observed).

create table facts_value (
    id           bigserial primary key,
    entity_ref   text not null,
    name         text not null,
    source       text not null,
    value        jsonb not null,
    observed_at  timestamptz not null,
    received_at  timestamptz not null default now()
);
create index facts_value_latest on facts_value (entity_ref, name, observed_at desc, id desc);
