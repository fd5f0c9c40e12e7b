-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ externalSystemExists
-- #1 (1 parameter)
select "code"
from "external_system"
where "code" = $1

-- @ importedBefore
-- #1 (2 parameters)
select external_id
from civic_case
where external_system = $1 and external_id = any($2::text[])

-- @ nextCaseSequence
-- #1 (1 parameter)
select nextval('civic_case_no_seq') as n
from generate_series(1, $1::int)
