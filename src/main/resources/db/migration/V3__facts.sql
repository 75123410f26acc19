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

-- satisfaction: one current rating per voter and capability; replaced ratings are kept.
create table facts_feedback (
    id             bigserial primary key,
    entity_ref     text not null,
    voter          text not null,
    identified_by  text not null,                   -- token (OIDC subject) or request (OIDC off)
    score          integer not null check (score between 1 and 5),
    comment        text,
    at             timestamptz not null default now(),
    current        boolean not null default true
);
create unique index facts_feedback_current on facts_feedback (entity_ref, voter) where current;
create index facts_feedback_entity on facts_feedback (entity_ref, at);
