-- facts stage: the newest push of every fact name (any entity), kept on push so that the Tech Insights
-- fact schema is read from one small table instead of a scan of every value ever pushed.

create table facts_name (
    name         text primary key,
    source       text not null,
    value        jsonb not null,
    observed_at  timestamptz not null,
    received_at  timestamptz not null default now()
);

insert into facts_name (name, source, value, observed_at, received_at)
select distinct on (name) name, source, value, observed_at, received_at
from facts_value order by name, observed_at desc, id desc;
