-- issue 15: why a bypassing team goes around a capability (Panache entity BypassAnswer). One current
-- answer per capability and team; a new answer replaces the old, which is kept (current = false).

create table facts_bypass_reason (
    id             bigserial primary key,
    entity_ref     text not null,
    team_ref       text not null,
    reason         text not null,                   -- an id of facts/bypass-reasons.yaml
    comment        text,
    instead        text,                            -- the ref of what the team uses instead
    answered_by    text,                            -- the token's subject, or the request's claim (OIDC off)
    identified_by  text not null,                   -- token (membership checked) or request (OIDC off)
    at             timestamptz not null default now(),
    current        boolean not null default true
);
create unique index facts_bypass_reason_current on facts_bypass_reason (entity_ref, team_ref) where current;
create index facts_bypass_reason_entity on facts_bypass_reason (entity_ref, at);
