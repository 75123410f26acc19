-- issue 15 §3: the review's support load is the capability's stored facts supportLoad and
-- supportLoadPerTeam (issue 15 §2) as they were, recorded with every snapshot, instead of a figure of its own.
alter table review_snapshot add column support_load double precision;
alter table review_snapshot add column support_load_per_team double precision;

-- the newest snapshot of each capability was recorded with its current result: take the facts from it
update review_snapshot s
set support_load = (d.result -> 'facts' ->> 'supportLoad')::double precision,
    support_load_per_team = (d.result -> 'facts' ->> 'supportLoadPerTeam')::double precision
from scoring_detail d
where d.entity_ref = s.entity_ref
  and s.id = (select id from review_snapshot l where l.entity_ref = s.entity_ref order by at desc, id desc limit 1);
