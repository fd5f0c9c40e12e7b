-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ caseIdsByNumber
-- #1 (1 parameter)
select id, case_no
from civic_case
where case_no = any($1::text[])
