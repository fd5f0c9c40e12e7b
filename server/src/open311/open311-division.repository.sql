-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ villageAndTownNames
-- #1 (2 parameters)
select "org"."id", "org"."level", "division"."name"
from "org"
inner join "division" on "division"."code" = "org"."division_code"
where "org"."level" in ($1, $2)
