-- the capability list is served from memory (scoring.CapabilityList), so the tables and indexes that
-- sorted and filtered it in SQL are no longer read; dropping them makes storing a changed result cheaper
drop table scoring_score;
drop index scoring_capability_level;
drop index scoring_capability_consumers;
drop index scoring_capability_adoption;
-- the GIN index on consuming teams cost 5-15 ms per changed result (up to 600 teams each) and over
-- 100 ms when its pending list was flushed; "what a team consumes" scans 12,500 rows without it
drop index scoring_capability_teams;
