-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ countGrids
-- #1 (1 parameter)
select count(*)::int as "n"
from "grid"
inner join "org" as "grid_org" on "grid_org"."id" = "grid"."org_id"
where "grid_org"."path" like $1

-- @ gridRingsByDivision
-- #1 (0 parameters)
select "grid"."boundary", "grid"."county_code", "village"."code" as "village_code", "village_org"."short_name" as "village_name", "town"."code" as "town_code", "town"."name" as "town_name"
from "grid"
inner join "division" as "village" on "village"."code" = "grid"."division_code"
inner join "org" as "village_org" on "village_org"."id" = "grid"."village_org_id"
left join "division" as "town" on "town"."code" = "village"."parent_code"
order by "grid"."code"

-- @ gridsForMap
-- #1 (1 parameter)
select "grid"."id", "grid"."code", "grid"."name", "grid"."county_code", "grid"."household_count", "grid"."boundary", "grid"."min_lng", "grid"."min_lat", "grid"."max_lng", "grid"."max_lat"
from "grid"
inner join "org" as "grid_org" on "grid_org"."id" = "grid"."org_id"
where "grid_org"."path" like $1
order by "grid"."code"

-- @ gridsVersion
-- #1 (0 parameters)
select count(*)::int as "n", coalesce(max(id), 0)::int as "max"
from "grid"

-- @ orgOfGrid
-- #1 (1 parameter)
select "id", "code", "name", "kind", "path"
from "org"
where "id" = $1

-- @ placeNamesOfGrid
-- #1 (1 parameter)
select "grid"."name" as "grid_name", "village_org"."short_name" as "village_name", "town"."name" as "town_name", "county"."code" as "county_code", "county"."name" as "county_name"
from "grid"
inner join "division" as "village" on "village"."code" = "grid"."division_code"
inner join "org" as "village_org" on "village_org"."id" = "grid"."village_org_id"
left join "division" as "town" on "town"."code" = "village"."parent_code"
left join "division" as "county" on "county"."code" = "town"."parent_code"
where "grid"."id" = $1

-- @ workersOf
-- #1 (1 parameter)
select "id", "name", "phone_masked", "kind"
from "grid_worker"
where "grid_id" = $1
order by "kind", "id"
