-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ activeCategories
-- #1 (1 parameter)
select *
from "case_category"
where "active" = $1
order by "sort_order"

-- @ allDepartments
-- #1 (0 parameters)
select "id", "code", "name", "kind", "county_code"
from "department"
order by "id"

-- @ calendarDays
-- #1 (0 parameters)
select "date", "kind", "name"
from "work_calendar_day"
order by "date"

-- @ gridsWithPlaces
-- #1 (0 parameters)
select "grid"."id", "grid"."code", "grid"."name", "grid"."org_id", "grid"."village_org_id", "grid"."county_code", "grid"."boundary", "grid"."center_lng", "grid"."center_lat", "grid"."min_lng", "grid"."min_lat", "grid"."max_lng", "grid"."max_lat", "village"."name" as "village_name", "town"."id" as "town_id", "town"."name" as "town_name", "town"."level" as "town_level"
from "grid"
inner join "org" as "village" on "village"."id" = "grid"."village_org_id"
left join "org" as "town" on "town"."id" = "village"."parent_id"
