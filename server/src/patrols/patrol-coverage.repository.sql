-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ coverageRows
-- #1 (3 parameters)
select "grid"."id", "grid"."code", "grid"."name", "grid"."center_lng", "grid"."center_lat", "village"."id" as "village_id", "village"."name" as "village_name", max(patrol_checkin.at) as "last_at", count(patrol_checkin.id) filter (where patrol_checkin.at >= $1) as "week_count"
from "grid"
inner join "org" as "grid_org" on "grid_org"."id" = "grid"."org_id"
inner join "org" as "village" on "village"."id" = "grid"."village_org_id"
left join "patrol_checkin" on "patrol_checkin"."grid_id" = "grid"."id" and "patrol_checkin"."at" >= $2
where "grid_org"."path" like $3
group by "grid"."id", "village"."id"
order by "grid"."code"
-- #2 (7 parameters)
select "account"."id", "account"."username", "account"."display_name", "grid"."id" as "grid_id", "grid"."name" as "grid_name", (select count(*) as "n"
  from "patrol_checkin" as "c"
  where "c"."account_id" = "account"."id" and "c"."at" >= $1) as "week_checkins", (select count(*) as "n"
  from "patrol_checkin" as "c"
  inner join "grid" as "g" on "g"."id" = "c"."grid_id"
  inner join "org" as "go" on "go"."id" = "g"."org_id"
  where "c"."account_id" = "account"."id" and "c"."at" >= $2 and go.path not like account_org.path || '%') as "week_outside", (select count(*) as "n"
  from "patrol" as "p"
  where "p"."account_id" = "account"."id" and "p"."started_at" >= $3) as "week_patrols", (select coalesce(sum(p.distance_m), 0) as "m"
  from "patrol" as "p"
  where "p"."account_id" = "account"."id" and "p"."started_at" >= $4) as "week_distance_m", (select max(c.at) as "t"
  from "patrol_checkin" as "c"
  where "c"."account_id" = "account"."id") as "last_at"
from "account"
inner join "org" as "account_org" on "account_org"."id" = "account"."scope_org_id"
left join "grid" on "grid"."org_id" = "account"."scope_org_id"
where "account_org"."path" like $5 and "account"."role" = $6 and "account"."disabled" = $7
order by "account"."username"

-- @ coverageRows of a village
-- #1 (4 parameters)
select "grid"."id", "grid"."code", "grid"."name", "grid"."center_lng", "grid"."center_lat", "village"."id" as "village_id", "village"."name" as "village_name", max(patrol_checkin.at) as "last_at", count(patrol_checkin.id) filter (where patrol_checkin.at >= $1) as "week_count"
from "grid"
inner join "org" as "grid_org" on "grid_org"."id" = "grid"."org_id"
inner join "org" as "village" on "village"."id" = "grid"."village_org_id"
left join "patrol_checkin" on "patrol_checkin"."grid_id" = "grid"."id" and "patrol_checkin"."at" >= $2
where "grid_org"."path" like $3 and "village"."id" = $4
group by "grid"."id", "village"."id"
order by "grid"."code"
-- #2 (8 parameters)
select "account"."id", "account"."username", "account"."display_name", "grid"."id" as "grid_id", "grid"."name" as "grid_name", (select count(*) as "n"
  from "patrol_checkin" as "c"
  where "c"."account_id" = "account"."id" and "c"."at" >= $1) as "week_checkins", (select count(*) as "n"
  from "patrol_checkin" as "c"
  inner join "grid" as "g" on "g"."id" = "c"."grid_id"
  inner join "org" as "go" on "go"."id" = "g"."org_id"
  where "c"."account_id" = "account"."id" and "c"."at" >= $2 and go.path not like account_org.path || '%') as "week_outside", (select count(*) as "n"
  from "patrol" as "p"
  where "p"."account_id" = "account"."id" and "p"."started_at" >= $3) as "week_patrols", (select coalesce(sum(p.distance_m), 0) as "m"
  from "patrol" as "p"
  where "p"."account_id" = "account"."id" and "p"."started_at" >= $4) as "week_distance_m", (select max(c.at) as "t"
  from "patrol_checkin" as "c"
  where "c"."account_id" = "account"."id") as "last_at"
from "account"
inner join "org" as "account_org" on "account_org"."id" = "account"."scope_org_id"
left join "grid" on "grid"."org_id" = "account"."scope_org_id"
where "account_org"."path" like $5 and "account"."role" = $6 and "account"."disabled" = $7 and "grid"."village_org_id" = $8
order by "account"."username"
