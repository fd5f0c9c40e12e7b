-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ heads
-- #1 (0 parameters)
select "lane", "last_seq", "last_hash"
from "audit_head"
order by "lane"

-- @ insertHead
-- #1 (3 parameters)
insert into "audit_head" ("lane", "last_seq", "last_hash")
values ($1, $2, $3)
on conflict ("lane") do nothing

-- @ insertRecord
-- #1 (17 parameters)
insert into "audit_log" ("id", "at", "actor_id", "actor_username", "role", "scope_org_id", "action", "target_type", "target_id", "before", "after", "client_ip", "county_code", "lane", "lane_seq", "prev_hash", "hash")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)

-- @ laneRecords
-- #1 (3 parameters)
select *
from "audit_log"
where "lane" = $1 and "lane_seq" >= $2
order by "lane_seq"
limit $3

-- @ lockHead
-- #1 (1 parameter)
select "last_seq", "last_hash"
from "audit_head"
where "lane" = $1
for update

-- @ nextAuditId
-- #1 (0 parameters)
select nextval('audit_log_id_seq') as id

-- @ recordCount
-- #1 (0 parameters)
select count(*) as "n"
from "audit_log"

-- @ setHead
-- #1 (3 parameters)
update "audit_head"
set "last_seq" = $1, "last_hash" = $2
where "lane" = $3
