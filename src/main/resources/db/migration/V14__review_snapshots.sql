-- issue 15 (reviews stage): what a platform review reads about a capability at a past moment, recorded
-- with every change of its result (on the storing transaction, through scoring's ResultChangeHook).
-- scoring_history keeps levels and consumer counts; the owner, adoption rate, teams, bypasses, time to
-- first adopter and ladder next steps of that moment are kept here, so a past review never reads today's.

create table review_snapshot (
    id                     bigserial primary key,
    entity_ref             text not null,
    at                     timestamptz not null,
    title                  text,
    owner_ref              text,
    level                  text,
    level_index            integer not null,
    consumer_count         integer not null,
    adoption_rate          double precision not null,
    consuming_teams        text[] not null,
    bypass_count           integer not null,
    bypassing_teams        text[] not null,
    days_to_first_adopter  double precision,
    next_steps             text[] not null          -- the ladder's next steps (check ids) at that moment
);
create index review_snapshot_entity on review_snapshot (entity_ref, at);

-- the current results as the first snapshots (history written before this migration has levels only)
insert into review_snapshot (entity_ref, at, title, owner_ref, level, level_index, consumer_count, adoption_rate,
    consuming_teams, bypass_count, bypassing_teams, days_to_first_adopter, next_steps)
select c.entity_ref, c.changed_at, c.title, c.owner_ref, c.level, c.level_index, c.consumer_count, c.adoption_rate,
    c.consuming_teams, c.bypass_count,
    coalesce(array(select jsonb_array_elements_text(d.result -> 'adoption' -> 'bypassingTeams')), '{}'),
    c.days_to_first_adopter,
    coalesce(array(select s ->> 'checkId' from jsonb_array_elements(d.result -> 'scorecards') card,
        jsonb_array_elements(card -> 'nextSteps') s where card ->> 'id' = 'relied-on'), '{}')
from scoring_capability c join scoring_detail d on d.entity_ref = c.entity_ref
where c.removed_at is null;
