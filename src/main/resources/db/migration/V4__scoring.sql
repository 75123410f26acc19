-- scoring stage: each capability's latest result, every change of it, and exemptions with their audit.

create table scoring_capability (
    entity_ref                text primary key,
    kind                      text not null,
    namespace                 text not null,
    name                      text not null,
    title                     text,
    owner_ref                 text,
    level                     text,                 -- on the ladder; null below its first level
    level_index               integer not null,
    scores                    jsonb not null,       -- scorecard id -> {level, levelIndex, percentage}
    consumer_count            integer not null,
    consuming_team_count      integer not null,
    adoption_rate             double precision not null,
    consuming_teams           text[] not null,
    bypass_count              integer not null,
    bypassing_team_count      integer not null,
    involved_team_count       integer not null,     -- consuming and bypassing teams together
    days_to_first_adopter     double precision,     -- null when not reported
    hash                      text not null,
    first_seen_at             timestamptz not null,
    first_seen_ingestion      bigint,
    first_consumer_at         timestamptz,
    first_consumer_ingestion  bigint,
    changed_at                timestamptz not null,
    removed_at                timestamptz           -- no longer a capability (kept for its history)
);
create index scoring_capability_owner on scoring_capability (owner_ref);
create index scoring_capability_level on scoring_capability (level_index, entity_ref);
create index scoring_capability_consumers on scoring_capability (consumer_count, entity_ref);
create index scoring_capability_adoption on scoring_capability (adoption_rate, entity_ref);
create index scoring_capability_teams on scoring_capability using gin (consuming_teams);

-- each scorecard's level and percentage per capability, for filtering and sorting the list by one scorecard
create table scoring_score (
    scorecard    text not null,
    entity_ref   text not null,
    level_index  integer not null,
    percentage   double precision not null,
    primary key (scorecard, entity_ref)
);
create index scoring_score_percentage on scoring_score (scorecard, percentage, entity_ref);
create index scoring_score_level on scoring_score (scorecard, level_index, entity_ref);

-- when each capability was last evaluated (most evaluations change nothing else), apart from the list
create table scoring_evaluated (
    entity_ref  text primary key,
    at          timestamptz not null
) with (fillfactor = 70);

-- the large part of a result, apart so that listing capabilities reads narrow rows
create table scoring_detail (
    entity_ref  text primary key,
    result      jsonb not null,                     -- every scorecard with its check states and next steps, adoption, facts
    consumers   jsonb not null
);

create table scoring_history (
    id              bigserial primary key,
    entity_ref      text not null,
    at              timestamptz not null,
    level           text,
    level_index     integer not null,
    scores          jsonb not null,
    consumer_count  integer not null,
    states          jsonb not null,                 -- check id -> state
    removed         boolean not null default false
);
create index scoring_history_entity on scoring_history (entity_ref, at);

create table scoring_exemption (
    id               uuid primary key,
    entity_ref       text not null,
    check_id         text not null,
    reason           text not null,
    author           text not null,
    expires_at       timestamptz,
    created_at       timestamptz not null default now(),
    deleted_at       timestamptz,
    deleted_by       text,
    expiry_recorded  boolean not null default false
);
create index scoring_exemption_entity on scoring_exemption (entity_ref) where deleted_at is null;

create table scoring_exemption_audit (
    id            bigserial primary key,
    exemption_id  uuid not null,
    action        text not null,                    -- created, deleted, expired
    actor         text not null,
    at            timestamptz not null default now(),
    exemption     jsonb not null
);

-- grows whenever a stored result changes, on any replica: aggregates over results key their caches on it
create table scoring_state (
    id       integer primary key,
    version  bigint not null
);
insert into scoring_state (id, version) values (1, 0);
