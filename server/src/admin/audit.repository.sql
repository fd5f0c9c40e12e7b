-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ auditPage
-- #1 (2 parameters)
select *
from "audit_log"
order by "id" desc
limit $1
offset $2
-- #2 (0 parameters)
select count(*)::int as "n"
from "audit_log"

-- @ auditPage.filtered
-- #1 (7 parameters)
select *
from "audit_log"
where "at" >= $1 and "at" < $2 and "actor_username" = $3 and "action" like $4 and "target_type" = $5
order by "id" desc
limit $6
offset $7
-- #2 (5 parameters)
select count(*)::int as "n"
from "audit_log"
where "at" >= $1 and "at" < $2 and "actor_username" = $3 and "action" like $4 and "target_type" = $5

-- @ auditRows
-- #1 (2 parameters)
select *
from "audit_log"
where "action" like $1
order by "id" desc
limit $2
