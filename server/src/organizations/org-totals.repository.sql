-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ gridsPerOrg
-- #1 (0 parameters)
select "org_id", count(*) as "n", sum("household_count") as "h"
from "grid"
group by "org_id"

-- @ membersPerOrg
-- #1 (0 parameters)
select "org_id", count(*) as "n"
from "member"
group by "org_id"

-- @ orgsWithTotals
-- #1 (0 parameters)
select "id", "path", "member_count", "grid_count", "household_count"
from "org"

-- @ writeOrgTotals
-- #1 (8 parameters)
update org
set member_count = v.m, grid_count = v.g, household_count = v.h
from (values ($1::bigint, $2::int, $3::int, $4::int), ($5::bigint, $6::int, $7::int, $8::int)) as v(id, m, g, h)
where org.id = v.id
