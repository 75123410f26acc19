-- issue 14: campaigns (Panache entity Campaign), the notices they sent, webhook subscriptions, and the
-- notification outbox: one event row per change, one delivery row per subscription that wants it.

create table campaign (
    id           text primary key,
    title        text not null,
    description  text,
    owner_ref    text,
    target       text not null,            -- JSON: {scorecard, level} | {level} (the ladder) | {checks: [...]}
    selection    text not null,            -- JSON: {owner, kind, domain, system, q, capabilities}
    starts_on    date,
    deadline     date not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);

-- each campaign notice (due-soon-7, due-soon-1, missed, completed) is sent once per deadline
create table campaign_notice (
    campaign_id  text not null,
    notice       text not null,
    deadline     date not null,
    at           timestamptz not null,
    primary key (campaign_id, notice, deadline)
);

create table notification_webhook (
    id            uuid primary key,
    url           text not null,
    target        text not null,           -- webhook | slack | backstage
    events        text[] not null,
    secret        text,                    -- HMAC-SHA256 key of X-Scorecards-Signature-256
    token         text,                    -- Backstage: the service token sent as a bearer token
    owners        text[],                  -- null: any owner
    capabilities  text[],                  -- null: any capability
    created_at    timestamptz not null
);

create table notification_event (
    id          bigserial primary key,
    type        text not null,
    entity_ref  text,
    owner_ref   text,
    campaign_id text,
    payload     text not null,             -- the JSON body a plain webhook receives
    created_at  timestamptz not null
);

create table notification_delivery (
    id               uuid primary key,      -- X-Scorecards-Delivery, the receiver's idempotency key
    seq              bigserial not null unique,  -- order per webhook
    webhook_id       uuid not null references notification_webhook (id) on delete cascade,
    event_id         bigint not null references notification_event (id),
    status           text not null,         -- pending | delivered | failed
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null,
    last_attempt_at  timestamptz,
    last_status      integer,
    last_error       text,
    delivered_at     timestamptz,
    created_at       timestamptz not null
);
create index notification_delivery_pending on notification_delivery (webhook_id, seq) where status = 'pending';
create index notification_delivery_log on notification_delivery (webhook_id, created_at desc);
