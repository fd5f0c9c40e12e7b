-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ breachCounts
-- #1 (6 parameters)
select "b"."code", count(*) as "n"
from "deliberation"
inner join "org" as "village_org" on "village_org"."id" = "deliberation"."org_id"
inner join lateral (select distinct b->>'code' as code
  from jsonb_array_elements(deliberation.breaches) b) as "b" on true
where "village_org"."path" like $1 and "village_org"."path" like $2 and "deliberation"."county_code" = $3 and "deliberation"."validity" = $4 and "deliberation"."proposed_on" >= $5 and "deliberation"."proposed_on" <= $6
group by "b"."code"
order by "n" desc

-- @ childOrgs
-- #1 (5 parameters)
select "org"."id", "org"."code", "org"."name", "org"."short_name", "org"."level"
from "org"
where "org"."path" like $1 and "org"."parent_id" = $2 and "org"."level" in ($3, $4, $5)
order by "org"."sort_order", "org"."code"

-- @ exportMatters
-- #1 (4 parameters)
select "deliberation"."id", "deliberation"."template", "deliberation"."title", "deliberation"."category", "deliberation"."amount_fen", "deliberation"."retrospective", "deliberation"."status", "deliberation"."validity", "deliberation"."breaches", "deliberation"."next_step", "deliberation"."next_due_on", "deliberation"."proposed_on", "deliberation"."resolved_on", "deliberation"."completed_on", "village_org"."name" as "org_name", "town_org"."name" as "town_name"
from "deliberation"
inner join "org" as "village_org" on "village_org"."id" = "deliberation"."org_id"
inner join "org" as "town_org" on "town_org"."id" = "village_org"."parent_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "deliberation"."county_code" = $3
order by "village_org"."path", "deliberation"."proposed_on" desc
limit $4

-- @ figuresByChild
-- #1 (5 parameters)
select split_part(village_org.path, '/', 4) as "child_id", count(*) as "total", count(*) filter (where deliberation.status = 'open') as "open", count(*) filter (where deliberation.status = 'completed') as "completed", count(*) filter (where deliberation.status = 'rejected') as "rejected", count(*) filter (where deliberation.status = 'withdrawn') as "withdrawn", count(*) filter (where deliberation.validity = 'valid') as "valid", count(*) filter (where deliberation.validity = 'invalid') as "invalid", count(*) filter (where deliberation.validity = 'pending') as "pending"
from "deliberation"
inner join "org" as "village_org" on "village_org"."id" = "deliberation"."org_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "deliberation"."county_code" = $3 and "deliberation"."proposed_on" >= $4 and "deliberation"."proposed_on" <= $5
group by split_part(village_org.path, '/', 4)

-- @ listMatters
-- #1 (5 parameters)
select "deliberation"."id", "deliberation"."org_id", "deliberation"."template", "deliberation"."title", "deliberation"."category", "deliberation"."amount_fen", "deliberation"."retrospective", "deliberation"."status", "deliberation"."validity", "deliberation"."breaches", "deliberation"."next_step", "deliberation"."next_due_on", "deliberation"."proposed_on", "deliberation"."resolved_on", "deliberation"."completed_on", "deliberation"."version", "village_org"."code" as "org_code", "village_org"."name" as "org_name", "village_org"."short_name" as "org_short_name", "village_org"."path" as "org_path"
from "deliberation"
inner join "org" as "village_org" on "village_org"."id" = "deliberation"."org_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "deliberation"."county_code" = $3
order by "deliberation"."proposed_on" desc, "deliberation"."id" desc
limit $4
offset $5
-- #2 (3 parameters)
select count(*) as "n"
from "deliberation"
inner join "org" as "village_org" on "village_org"."id" = "deliberation"."org_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "deliberation"."county_code" = $3

-- @ listMatters every filter, by due
-- #1 (14 parameters)
select "deliberation"."id", "deliberation"."org_id", "deliberation"."template", "deliberation"."title", "deliberation"."category", "deliberation"."amount_fen", "deliberation"."retrospective", "deliberation"."status", "deliberation"."validity", "deliberation"."breaches", "deliberation"."next_step", "deliberation"."next_due_on", "deliberation"."proposed_on", "deliberation"."resolved_on", "deliberation"."completed_on", "deliberation"."version", "village_org"."code" as "org_code", "village_org"."name" as "org_name", "village_org"."short_name" as "org_short_name", "village_org"."path" as "org_path"
from "deliberation"
inner join "org" as "village_org" on "village_org"."id" = "deliberation"."org_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "deliberation"."county_code" = $3 and "deliberation"."status" = $4 and "deliberation"."validity" = $5 and "deliberation"."template" = $6 and "deliberation"."category" = $7 and "deliberation"."proposed_on" >= $8 and "deliberation"."proposed_on" <= $9 and "deliberation"."title" like $10 and "deliberation"."status" = $11 and "deliberation"."next_due_on" < $12
order by deliberation.next_due_on asc nulls last, "deliberation"."id"
limit $13
offset $14
-- #2 (12 parameters)
select count(*) as "n"
from "deliberation"
inner join "org" as "village_org" on "village_org"."id" = "deliberation"."org_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "deliberation"."county_code" = $3 and "deliberation"."status" = $4 and "deliberation"."validity" = $5 and "deliberation"."template" = $6 and "deliberation"."category" = $7 and "deliberation"."proposed_on" >= $8 and "deliberation"."proposed_on" <= $9 and "deliberation"."title" like $10 and "deliberation"."status" = $11 and "deliberation"."next_due_on" < $12
