-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ activeSystemByKeyHash
-- #1 (2 parameters)
select "id", "code", "name"
from "external_system"
where "api_key_hash" = $1 and "active" = $2

-- @ caseOfSystem
-- #1 (2 parameters)
select "id", "case_no", "state"
from "civic_case"
where "external_system" = $1 and "external_id" = $2

-- @ stepsForSystem
-- #1 (1 parameter)
select "action", "to_state", "note", "at"
from "case_step"
where "case_id" = $1
order by "at", "id"
