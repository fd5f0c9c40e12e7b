-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ actorNames
-- #1 (3 parameters)
select "id", "display_name"
from "account"
where "id" in ($1, $2, $3)

-- @ actorNames none
-- (no statement)

-- @ auditTargetNames account
-- #1 (0 parameters)
select id, display_name as name
from account
where id in (1, 2, 999999999)

-- @ auditTargetNames several types
-- #1 (0 parameters)
select id, name
from member
where id in (1)
-- #2 (0 parameters)
select id, name
from org
where id in (1)
-- #3 (0 parameters)
select id, case_no || ' ' || title as name
from civic_case
where id in (1)
-- #4 (0 parameters)
select id, title as name
from deliberation
where id in (1)
-- #5 (0 parameters)
select id, title as name
from power_use
where id in (1)
-- #6 (0 parameters)
select id, title as name
from contest
where id in (1)
-- #7 (0 parameters)
select w.id, o.name || '（' || w.year || '年）' as name
from weak_org w
join org o on o.id = w.org_id
where w.id in (1)
