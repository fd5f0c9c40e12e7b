-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ attachmentsMeta
-- #1 (2 parameters)
select "id", "mime", "file_name"
from "village_attachment"
where "id" in ($1) and "org_id" = $2

-- @ dueForRefresh
-- #1 (5 parameters)
select "deliberation"."id", "deliberation"."org_id", "deliberation"."county_code", "deliberation"."grid_id", "deliberation"."template", "deliberation"."title", "deliberation"."category", "deliberation"."amount_fen", "deliberation"."description", "deliberation"."retrospective", "deliberation"."status", "deliberation"."validity", "deliberation"."breaches", "deliberation"."next_step", "deliberation"."next_due_on", "deliberation"."proposed_on", "deliberation"."resolved_on", "deliberation"."completed_on", "deliberation"."version", "deliberation"."created_at", "village_org"."code" as "org_code", "village_org"."name" as "org_name", "village_org"."short_name" as "org_short_name", "village_org"."path" as "org_path"
from "deliberation"
inner join "org" as "village_org" on "village_org"."id" = "deliberation"."org_id"
where "deliberation"."status" = $1 and "deliberation"."validity" != $2 and "deliberation"."next_step" = $3 and "deliberation"."next_due_on" < $4
order by "deliberation"."id"
limit $5

-- @ findDeliberation
-- #1 (2 parameters)
select "deliberation"."id", "deliberation"."org_id", "deliberation"."county_code", "deliberation"."grid_id", "deliberation"."template", "deliberation"."title", "deliberation"."category", "deliberation"."amount_fen", "deliberation"."description", "deliberation"."retrospective", "deliberation"."status", "deliberation"."validity", "deliberation"."breaches", "deliberation"."next_step", "deliberation"."next_due_on", "deliberation"."proposed_on", "deliberation"."resolved_on", "deliberation"."completed_on", "deliberation"."version", "deliberation"."created_at", "village_org"."code" as "org_code", "village_org"."name" as "org_name", "village_org"."short_name" as "org_short_name", "village_org"."path" as "org_path"
from "deliberation"
inner join "org" as "village_org" on "village_org"."id" = "deliberation"."org_id"
where "village_org"."path" like $1 and "deliberation"."id" = $2

-- @ foreignAttachments
-- #1 (2 parameters)
select "id"
from "village_attachment"
where "id" in ($1) and "org_id" = $2

-- @ gridOfVillage
-- #1 (2 parameters)
select "id", "name"
from "grid"
where "id" = $1 and "village_org_id" = $2

-- @ insertMatter
-- #1 (12 parameters)
insert into "deliberation" ("org_id", "county_code", "grid_id", "template", "title", "category", "amount_fen", "description", "retrospective", "proposed_on", "created_by", "breaches")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
returning "id"

-- @ insertStep
-- #1 (26 parameters)
insert into "deliberation_step" ("deliberation_id", "county_code", "seq", "step", "merged_with", "body", "held_on", "notice_on", "place", "due_count", "present_count", "households_due", "households_present", "attendees", "yes_count", "no_count", "abstain_count", "quorum_met", "passed", "minutes", "content", "publicity_starts_on", "publicity_ends_on", "implemented_on", "attachments", "recorded_by")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26)
returning "id"

-- @ loadSteps
-- #1 (1 parameter)
select *
from "deliberation_step"
where "deliberation_id" = $1
order by "seq", "id"

-- @ updateState
-- #1 (8 parameters)
update "deliberation"
set "status" = $1, "validity" = $2, "breaches" = $3, "next_step" = $4, "next_due_on" = $5, "resolved_on" = $6, "completed_on" = $7, "version" = version + 1, "updated_at" = now()
where "id" = $8

-- @ updateState at version
-- #1 (9 parameters)
update "deliberation"
set "status" = $1, "validity" = $2, "breaches" = $3, "next_step" = $4, "next_due_on" = $5, "resolved_on" = $6, "completed_on" = $7, "version" = version + 1, "updated_at" = now()
where "id" = $8 and "version" = $9
