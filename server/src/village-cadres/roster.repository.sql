-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ isOneShoulder
-- #1 (5 parameters)
select "village_cadre"."id", "village_cadre"."name", "cadre_post"."post", "cadre_post"."committee"
from "cadre_post"
inner join "village_cadre" on "village_cadre"."id" = "cadre_post"."cadre_id"
where "cadre_post"."org_id" = $1 and "cadre_post"."committee" in ($2, $3) and "cadre_post"."term_start" <= $4 and ("cadre_post"."ended_on" is null or "cadre_post"."ended_on" > $5)
order by "cadre_post"."post", "village_cadre"."id"

-- @ namesOf
-- #1 (1 parameter)
select "id", "name"
from "member"
where "id" in ($1)
-- #2 (1 parameter)
select "id", "name"
from "village_cadre"
where "id" in ($1)
-- #3 (1 parameter)
select "id", "name"
from "village_representative"
where "id" in ($1)

-- @ rosterOf group_council
-- #1 (4 parameters)
select "id", "name", "group_role"
from "village_representative"
where "org_id" = $1 and "term_start" <= $2 and ("ended_on" is null or "ended_on" > $3) and "grid_id" = $4
order by "grid_id", "id"

-- @ rosterOf group_leaders
-- #1 (6 parameters)
select "id", "name", "group_role"
from "village_representative"
where "org_id" = $1 and "term_start" <= $2 and ("ended_on" is null or "ended_on" > $3) and "grid_id" = $4 and "group_role" in ($5, $6)
order by "grid_id", "id"

-- @ rosterOf group_meeting
-- #1 (2 parameters)
select "adults", "households"
from "village_register"
where "org_id" = $1 and coalesce(grid_id, 0) = $2

-- @ rosterOf party_assembly
-- #1 (4 parameters)
select "member"."id", "member"."name"
from "member"
inner join "org" as "member_org" on "member_org"."id" = "member"."org_id"
where "member_org"."path" like $1 and "member"."status" = $2 and "member"."joined_on" <= $3 and ("member"."converted_on" is null or "member"."converted_on" <= $4)
order by "member"."id"

-- @ rosterOf party_committee
-- #1 (4 parameters)
select "village_cadre"."id", "village_cadre"."name", "cadre_post"."post", "cadre_post"."committee"
from "cadre_post"
inner join "village_cadre" on "village_cadre"."id" = "cadre_post"."cadre_id"
where "cadre_post"."org_id" = $1 and "cadre_post"."committee" in ($2) and "cadre_post"."term_start" <= $3 and ("cadre_post"."ended_on" is null or "cadre_post"."ended_on" > $4)
order by "cadre_post"."post", "village_cadre"."id"

-- @ rosterOf representative_meeting
-- #1 (3 parameters)
select "id", "name", "group_role"
from "village_representative"
where "org_id" = $1 and "term_start" <= $2 and ("ended_on" is null or "ended_on" > $3)
order by "grid_id", "id"
-- #2 (4 parameters)
select "village_cadre"."id", "village_cadre"."name", "cadre_post"."post", "cadre_post"."committee"
from "cadre_post"
inner join "village_cadre" on "village_cadre"."id" = "cadre_post"."cadre_id"
where "cadre_post"."org_id" = $1 and "cadre_post"."committee" in ($2) and "cadre_post"."term_start" <= $3 and ("cadre_post"."ended_on" is null or "cadre_post"."ended_on" > $4)
order by "cadre_post"."post", "village_cadre"."id"

-- @ rosterOf supervision_committee
-- #1 (4 parameters)
select "village_cadre"."id", "village_cadre"."name", "cadre_post"."post", "cadre_post"."committee"
from "cadre_post"
inner join "village_cadre" on "village_cadre"."id" = "cadre_post"."cadre_id"
where "cadre_post"."org_id" = $1 and "cadre_post"."committee" in ($2) and "cadre_post"."term_start" <= $3 and ("cadre_post"."ended_on" is null or "cadre_post"."ended_on" > $4)
order by "cadre_post"."post", "village_cadre"."id"

-- @ rosterOf village_committees
-- #1 (5 parameters)
select "village_cadre"."id", "village_cadre"."name", "cadre_post"."post", "cadre_post"."committee"
from "cadre_post"
inner join "village_cadre" on "village_cadre"."id" = "cadre_post"."cadre_id"
where "cadre_post"."org_id" = $1 and "cadre_post"."committee" in ($2, $3) and "cadre_post"."term_start" <= $4 and ("cadre_post"."ended_on" is null or "cadre_post"."ended_on" > $5)
order by "cadre_post"."post", "village_cadre"."id"

-- @ rosterOf villager_meeting
-- #1 (2 parameters)
select "adults", "households"
from "village_register"
where "org_id" = $1 and coalesce(grid_id, 0) = $2
