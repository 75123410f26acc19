-- the capability list is served from memory (scoring.CapabilityList), so the tables and indexes that
-- sorted and filtered it in SQL are no longer read; dropping them makes storing a changed result cheaper
drop table scoring_score;
drop index scoring_capability_level;
drop index scoring_capability_consumers;
drop index scoring_capability_adoption;
