-- Result documents and consumer lists are stored without compression (TOAST storage "external"):
-- compressing them with pglz was most of PostgreSQL's work in storing a large evaluation
-- (docs/decisions.md, "Issue 17, part 6"). Rows already stored keep their form until rewritten.
alter table scoring_detail alter column result set storage external;
alter table scoring_detail alter column consumers set storage external;
