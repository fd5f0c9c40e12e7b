-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ checkinById
-- #1 (3 parameters)
select "patrol_checkin"."id", "patrol_checkin"."lng", "patrol_checkin"."lat", "patrol_checkin"."at", "patrol_checkin"."created_at", "patrol_checkin"."grid_id", "patrol_checkin"."client_request_id", "grid"."code" as "grid_code", "grid"."name" as "grid_name"
from "patrol_checkin"
inner join "account" as "checkin_account" on "checkin_account"."id" = "patrol_checkin"."account_id"
inner join "org" as "checkin_org" on "checkin_org"."id" = "checkin_account"."scope_org_id"
left join "grid" on "grid"."id" = "patrol_checkin"."grid_id"
where "checkin_org"."path" like $1 and "patrol_checkin"."account_id" = $2 and "patrol_checkin"."id" = $3

-- @ checkinByRequest
-- #1 (3 parameters)
select "patrol_checkin"."id", "patrol_checkin"."lng", "patrol_checkin"."lat", "patrol_checkin"."at", "patrol_checkin"."created_at", "patrol_checkin"."grid_id", "patrol_checkin"."client_request_id", "grid"."code" as "grid_code", "grid"."name" as "grid_name"
from "patrol_checkin"
inner join "account" as "checkin_account" on "checkin_account"."id" = "patrol_checkin"."account_id"
inner join "org" as "checkin_org" on "checkin_org"."id" = "checkin_account"."scope_org_id"
left join "grid" on "grid"."id" = "patrol_checkin"."grid_id"
where "checkin_org"."path" like $1 and "patrol_checkin"."account_id" = $2 and "patrol_checkin"."client_request_id" = $3

-- @ checkinsOfDay
-- #1 (4 parameters)
select "patrol_checkin"."id", "patrol_checkin"."lng", "patrol_checkin"."lat", "patrol_checkin"."at", "patrol_checkin"."created_at", "patrol_checkin"."grid_id", "patrol_checkin"."client_request_id", "grid"."code" as "grid_code", "grid"."name" as "grid_name"
from "patrol_checkin"
inner join "account" as "checkin_account" on "checkin_account"."id" = "patrol_checkin"."account_id"
inner join "org" as "checkin_org" on "checkin_org"."id" = "checkin_account"."scope_org_id"
left join "grid" on "grid"."id" = "patrol_checkin"."grid_id"
where "checkin_org"."path" like $1 and "patrol_checkin"."account_id" = $2 and "patrol_checkin"."at" >= $3 and "patrol_checkin"."at" < $4
order by "patrol_checkin"."at"

-- @ checkinsWithin
-- #1 (4 parameters)
select "patrol_checkin"."id", "patrol_checkin"."lng", "patrol_checkin"."lat", "patrol_checkin"."at", "patrol_checkin"."created_at", "patrol_checkin"."grid_id", "patrol_checkin"."client_request_id", "grid"."code" as "grid_code", "grid"."name" as "grid_name"
from "patrol_checkin"
inner join "account" as "checkin_account" on "checkin_account"."id" = "patrol_checkin"."account_id"
inner join "org" as "checkin_org" on "checkin_org"."id" = "checkin_account"."scope_org_id"
left join "grid" on "grid"."id" = "patrol_checkin"."grid_id"
where "checkin_org"."path" like $1 and "patrol_checkin"."account_id" = $2 and "patrol_checkin"."at" >= $3 and "patrol_checkin"."at" <= $4
order by "patrol_checkin"."at"

-- @ endOpenPatrol
-- #1 (7 parameters)
update "patrol"
set "ended_at" = $1, "closed_at" = $2, "distance_m" = $3, "duration_s" = $4, "checkin_count" = $5, "note" = $6
where "id" = $7 and "ended_at" is null
returning *

-- @ endOpenPatrol without a note
-- #1 (6 parameters)
update "patrol"
set "ended_at" = $1, "closed_at" = $2, "distance_m" = $3, "duration_s" = $4, "checkin_count" = $5
where "id" = $6 and "ended_at" is null
returning *

-- @ gridIdsInScope
-- #1 (1 parameter)
select "grid"."id"
from "grid"
inner join "org" as "grid_org" on "grid_org"."id" = "grid"."org_id"
where "grid_org"."path" like $1

-- @ insertCheckin
-- #1 (7 parameters)
insert into "patrol_checkin" ("account_id", "grid_id", "lng", "lat", "at", "county_code", "client_request_id")
values ($1, $2, $3, $4, $5, $6, $7)
returning "id"

-- @ insertPatrol
-- #1 (5 parameters)
insert into "patrol" ("account_id", "started_at", "note", "county_code", "client_request_id")
values ($1, $2, $3, $4, $5)
returning *

-- @ openPatrol
-- #1 (2 parameters)
select "patrol".*
from "patrol"
inner join "account" as "patrol_account" on "patrol_account"."id" = "patrol"."account_id"
inner join "org" as "patrol_org" on "patrol_org"."id" = "patrol_account"."scope_org_id"
where "patrol_org"."path" like $1 and "patrol"."account_id" = $2 and "patrol"."ended_at" is null

-- @ patrolAt
-- #1 (4 parameters)
select "patrol".*
from "patrol"
inner join "account" as "patrol_account" on "patrol_account"."id" = "patrol"."account_id"
inner join "org" as "patrol_org" on "patrol_org"."id" = "patrol_account"."scope_org_id"
where "patrol_org"."path" like $1 and "patrol"."account_id" = $2 and "patrol"."started_at" <= $3 and ("patrol"."ended_at" is null or "patrol"."ended_at" >= $4)
order by "patrol"."started_at" desc

-- @ patrolById
-- #1 (3 parameters)
select "patrol".*
from "patrol"
inner join "account" as "patrol_account" on "patrol_account"."id" = "patrol"."account_id"
inner join "org" as "patrol_org" on "patrol_org"."id" = "patrol_account"."scope_org_id"
where "patrol_org"."path" like $1 and "patrol"."account_id" = $2 and "patrol"."id" = $3

-- @ patrolByIdOrThrow
-- #1 (3 parameters)
select "patrol".*
from "patrol"
inner join "account" as "patrol_account" on "patrol_account"."id" = "patrol"."account_id"
inner join "org" as "patrol_org" on "patrol_org"."id" = "patrol_account"."scope_org_id"
where "patrol_org"."path" like $1 and "patrol"."account_id" = $2 and "patrol"."id" = $3

-- @ patrolByRequest
-- #1 (3 parameters)
select "patrol".*
from "patrol"
inner join "account" as "patrol_account" on "patrol_account"."id" = "patrol"."account_id"
inner join "org" as "patrol_org" on "patrol_org"."id" = "patrol_account"."scope_org_id"
where "patrol_org"."path" like $1 and "patrol"."account_id" = $2 and "patrol"."client_request_id" = $3

-- @ patrolsOverlapping
-- #1 (4 parameters)
select "patrol".*
from "patrol"
inner join "account" as "patrol_account" on "patrol_account"."id" = "patrol"."account_id"
inner join "org" as "patrol_org" on "patrol_org"."id" = "patrol_account"."scope_org_id"
where "patrol_org"."path" like $1 and "patrol"."account_id" = $2 and "patrol"."started_at" < $3 and ("patrol"."ended_at" is null or "patrol"."ended_at" >= $4)
order by "patrol"."started_at"
