-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ deliberationOfVillage
-- #1 (2 parameters)
select "id"
from "deliberation"
where "id" = $1 and "org_id" = $2

-- @ exportUses
-- #1 (4 parameters)
select "power_use"."id", "power_use"."org_id", "power_use"."county_code", "power_use"."item_id", "power_use"."title", "power_use"."description", "power_use"."amount_fen", "power_use"."started_on", "power_use"."procedure", "power_use"."steps_done", "power_use"."status", "power_use"."completed_on", "power_use"."flag", "power_use"."flag_detail", "power_use"."flag_reviewed_at", "power_use"."flag_review_note", "power_use"."deliberation_id", "village_org"."code" as "org_code", "village_org"."name" as "org_name", "village_org"."path" as "org_path", "power_item"."code" as "item_code", "power_item"."name" as "item_name", "town_org"."name" as "town_name"
from "power_use"
inner join "org" as "village_org" on "village_org"."id" = "power_use"."org_id"
left join "power_item" on "power_item"."id" = "power_use"."item_id"
inner join "org" as "town_org" on "town_org"."id" = "village_org"."parent_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "power_use"."county_code" = $3
order by "village_org"."path", "power_use"."started_on" desc
limit $4

-- @ findItem
-- #1 (2 parameters)
select "power_item".*
from "power_item"
where "power_item"."county_code" = $1 and "power_item"."id" = $2

-- @ findUse
-- #1 (2 parameters)
select "power_use"."id", "power_use"."org_id", "power_use"."county_code", "power_use"."item_id", "power_use"."title", "power_use"."description", "power_use"."amount_fen", "power_use"."started_on", "power_use"."procedure", "power_use"."steps_done", "power_use"."status", "power_use"."completed_on", "power_use"."flag", "power_use"."flag_detail", "power_use"."flag_reviewed_at", "power_use"."flag_review_note", "power_use"."deliberation_id", "village_org"."code" as "org_code", "village_org"."name" as "org_name", "village_org"."path" as "org_path", "power_item"."code" as "item_code", "power_item"."name" as "item_name"
from "power_use"
inner join "org" as "village_org" on "village_org"."id" = "power_use"."org_id"
left join "power_item" on "power_item"."id" = "power_use"."item_id"
where "village_org"."path" like $1 and "power_use"."id" = $2

-- @ insertItem
-- #1 (11 parameters)
insert into "power_item" ("county_code", "kind", "code", "name", "category", "actor", "basis", "steps", "keywords", "updated_by", "sort_order")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
returning "id"

-- @ insertUse
-- #1 (12 parameters)
insert into "power_use" ("org_id", "county_code", "item_id", "title", "description", "amount_fen", "started_on", "procedure", "flag", "flag_detail", "deliberation_id", "created_by")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
returning "id"

-- @ insertUseStep
-- #1 (8 parameters)
insert into "power_use_step" ("use_id", "county_code", "step_index", "done_on", "actor_name", "evidence", "attachments", "recorded_by")
values ($1, $2, $3, $4, $5, $6, $7, $8)
-- #2 (3 parameters)
update "power_use"
set "steps_done" = $1
where "id" = $2 and "steps_done" = $3

-- @ insertUseStep completing
-- #1 (8 parameters)
insert into "power_use_step" ("use_id", "county_code", "step_index", "done_on", "actor_name", "evidence", "attachments", "recorded_by")
values ($1, $2, $3, $4, $5, $6, $7, $8)
-- #2 (5 parameters)
update "power_use"
set "steps_done" = $1, "status" = $2, "completed_on" = $3
where "id" = $4 and "steps_done" = $5

-- @ itemsOfCounty
-- #1 (1 parameter)
select *
from "power_item"
where "county_code" = $1

-- @ listItems
-- #1 (2 parameters)
select "power_item".*
from "power_item"
where "power_item"."county_code" = $1 and "power_item"."county_code" = $2
order by "power_item"."county_code", "power_item"."kind" desc, "power_item"."sort_order", "power_item"."code"

-- @ listItems every county
-- #1 (1 parameter)
select "power_item".*
from "power_item"
where "power_item"."county_code" = $1
order by "power_item"."county_code", "power_item"."kind" desc, "power_item"."sort_order", "power_item"."code"

-- @ listUses
-- #1 (5 parameters)
select "power_use"."id", "power_use"."org_id", "power_use"."county_code", "power_use"."item_id", "power_use"."title", "power_use"."description", "power_use"."amount_fen", "power_use"."started_on", "power_use"."procedure", "power_use"."steps_done", "power_use"."status", "power_use"."completed_on", "power_use"."flag", "power_use"."flag_detail", "power_use"."flag_reviewed_at", "power_use"."flag_review_note", "power_use"."deliberation_id", "village_org"."code" as "org_code", "village_org"."name" as "org_name", "village_org"."path" as "org_path", "power_item"."code" as "item_code", "power_item"."name" as "item_name"
from "power_use"
inner join "org" as "village_org" on "village_org"."id" = "power_use"."org_id"
left join "power_item" on "power_item"."id" = "power_use"."item_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "power_use"."county_code" = $3
order by "power_use"."started_on" desc, "power_use"."id" desc
limit $4
offset $5
-- #2 (3 parameters)
select count(*) as "n"
from "power_use"
inner join "org" as "village_org" on "village_org"."id" = "power_use"."org_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "power_use"."county_code" = $3

-- @ listUses any flag
-- #1 (5 parameters)
select "power_use"."id", "power_use"."org_id", "power_use"."county_code", "power_use"."item_id", "power_use"."title", "power_use"."description", "power_use"."amount_fen", "power_use"."started_on", "power_use"."procedure", "power_use"."steps_done", "power_use"."status", "power_use"."completed_on", "power_use"."flag", "power_use"."flag_detail", "power_use"."flag_reviewed_at", "power_use"."flag_review_note", "power_use"."deliberation_id", "village_org"."code" as "org_code", "village_org"."name" as "org_name", "village_org"."path" as "org_path", "power_item"."code" as "item_code", "power_item"."name" as "item_name"
from "power_use"
inner join "org" as "village_org" on "village_org"."id" = "power_use"."org_id"
left join "power_item" on "power_item"."id" = "power_use"."item_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "power_use"."county_code" = $3 and "power_use"."flag" is not null
order by "power_use"."started_on" desc, "power_use"."id" desc
limit $4
offset $5
-- #2 (3 parameters)
select count(*) as "n"
from "power_use"
inner join "org" as "village_org" on "village_org"."id" = "power_use"."org_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "power_use"."county_code" = $3 and "power_use"."flag" is not null

-- @ listUses every filter
-- #1 (11 parameters)
select "power_use"."id", "power_use"."org_id", "power_use"."county_code", "power_use"."item_id", "power_use"."title", "power_use"."description", "power_use"."amount_fen", "power_use"."started_on", "power_use"."procedure", "power_use"."steps_done", "power_use"."status", "power_use"."completed_on", "power_use"."flag", "power_use"."flag_detail", "power_use"."flag_reviewed_at", "power_use"."flag_review_note", "power_use"."deliberation_id", "village_org"."code" as "org_code", "village_org"."name" as "org_name", "village_org"."path" as "org_path", "power_item"."code" as "item_code", "power_item"."name" as "item_name"
from "power_use"
inner join "org" as "village_org" on "village_org"."id" = "power_use"."org_id"
left join "power_item" on "power_item"."id" = "power_use"."item_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "power_use"."county_code" = $3 and "power_use"."item_id" = $4 and "power_use"."flag" = $5 and "power_use"."flag" is not null and "power_use"."flag_reviewed_at" is null and "power_use"."status" = $6 and "power_use"."started_on" >= $7 and "power_use"."started_on" <= $8 and "power_use"."title" like $9
order by "power_use"."started_on" desc, "power_use"."id" desc
limit $10
offset $11
-- #2 (9 parameters)
select count(*) as "n"
from "power_use"
inner join "org" as "village_org" on "village_org"."id" = "power_use"."org_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "power_use"."county_code" = $3 and "power_use"."item_id" = $4 and "power_use"."flag" = $5 and "power_use"."flag" is not null and "power_use"."flag_reviewed_at" is null and "power_use"."status" = $6 and "power_use"."started_on" >= $7 and "power_use"."started_on" <= $8 and "power_use"."title" like $9

-- @ reviewUse
-- #1 (3 parameters)
update "power_use"
set "flag_reviewed_at" = now(), "flag_review_note" = $1, "flag_reviewed_by" = $2
where "id" = $3 and "flag" is not null and "flag_reviewed_at" is null

-- @ stepsOf
-- #1 (1 parameter)
select *
from "power_use_step"
where "use_id" = $1
order by "step_index"

-- @ updateItem
-- #1 (4 parameters)
update "power_item"
set "name" = $1, "active" = $2, "updated_by" = $3, "updated_at" = now()
where "id" = $4

-- @ usesByChild
-- #1 (5 parameters)
select split_part(village_org.path, '/', 4) as "child_id", count(*) as "uses", count(*) filter (where power_use.status = 'open') as "open", count(*) filter (where power_use.status = 'completed') as "completed", count(*) filter (where power_use.flag = 'unmatched') as "unmatched", count(*) filter (where power_use.flag = 'negative') as "negative", count(*) filter (where power_use.flag is not null and power_use.flag_reviewed_at is null) as "unreviewed"
from "power_use"
inner join "org" as "village_org" on "village_org"."id" = "power_use"."org_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "power_use"."county_code" = $3 and "power_use"."started_on" >= $4 and "power_use"."started_on" <= $5
group by split_part(village_org.path, '/', 4)

-- @ usesByItem
-- #1 (4 parameters)
select "power_item"."code", "power_item"."name", count(*) as "uses", count(*) filter (where power_use.status = 'completed') as "completed"
from "power_use"
inner join "org" as "village_org" on "village_org"."id" = "power_use"."org_id"
left join "power_item" on "power_item"."id" = "power_use"."item_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "power_use"."started_on" >= $3 and "power_use"."started_on" <= $4
group by "power_item"."code", "power_item"."name"
order by "uses" desc
