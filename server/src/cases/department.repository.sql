-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ countyOfOrg
-- #1 (1 parameter)
select "county_code"
from "org"
where "id" = $1

-- @ departmentsOf every county
-- #1 (0 parameters)
select "department"."id", "department"."code", "department"."name", "department"."kind", "department"."county_code" as "countyCode", "department_kind"."short_zh" as "kindName"
from "department"
inner join "department_kind" on "department_kind"."code" = "department"."kind"
order by "department"."county_code", "department_kind"."sort_order", "department"."id"

-- @ departmentsOf one county
-- #1 (1 parameter)
select "department"."id", "department"."code", "department"."name", "department"."kind", "department"."county_code" as "countyCode", "department_kind"."short_zh" as "kindName"
from "department"
inner join "department_kind" on "department_kind"."code" = "department"."kind"
where "department"."county_code" = $1
order by "department"."county_code", "department_kind"."sort_order", "department"."id"
